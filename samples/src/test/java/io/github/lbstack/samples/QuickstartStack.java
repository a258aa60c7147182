package io.github.lbstack.samples;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Web;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The quickstart app behind the load balancer, 3 replicas. A composed annotation keeps the stack's description in
 * one place for every sample class; copy the pattern for your own app.
 *
 * <p>{@code target/docker} holds the Dockerfile and the app jar ({@code mvn package} puts them there). The image's
 * base is the configured JRE image, so CI can point it at a local build.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@LoadBalancedStack(shared = true,
    web = @Web(dockerfile = QuickstartStack.DOCKERFILE, buildArgs = QuickstartStack.BASE_IMAGE_ARG))
public @interface QuickstartStack {

  String DOCKERFILE = "target/docker/Dockerfile";
  String BASE_IMAGE_ARG = "BASE_IMAGE=${image.jre}";
}
