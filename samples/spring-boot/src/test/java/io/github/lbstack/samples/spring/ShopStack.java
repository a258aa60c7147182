package io.github.lbstack.samples.spring;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.Web;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Spring Boot shop behind the load balancer: 3 replicas of the jar {@code spring-boot-maven-plugin} made (the
 * build hands its path in as {@code shop.jar}), MySQL and Redis, Actuator's health as the lb's check. One stack for
 * every class that carries this annotation.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
// lbstack starts a jar's JVMs with C1 only and the serial collector (lbstack.web.jvm-options), and from the classes
// an earlier start recorded (lbstack.web.train): see the README's "Spring Boot apps".
@LoadBalancedStack(shared = true, web = @Web(jar = "${shop.jar}", healthPath = "/actuator/health"))
public @interface ShopStack {}
