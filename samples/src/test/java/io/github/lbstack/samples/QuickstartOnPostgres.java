package io.github.lbstack.samples;

import io.github.lbstack.Database;
import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Web;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@link QuickstartStack} on PostgreSQL instead of MySQL: the one attribute that differs is {@code database}. The app
 * reads {@code DB_KIND} to pick its driver and migrations; everything else, tests included, is the same.
 *
 * <p>Put it on a subclass of a sample test to run that test on PostgreSQL too: the subclass's own annotation wins
 * over the one it inherits.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@LoadBalancedStack(shared = true, database = Database.POSTGRES,
    web = @Web(dockerfile = QuickstartStack.DOCKERFILE, buildArgs = QuickstartStack.BASE_IMAGE_ARG))
public @interface QuickstartOnPostgres {}
