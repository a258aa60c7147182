package io.github.lbstack.samples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * The Spring Boot sample: a small shop back end as a Spring team writes one. MVC controllers, JDBC with Flyway
 * migrations, HTTP sessions in Redis (Spring Session), a cache in Redis (Spring Cache), and Actuator's health, which
 * lbstack's load balancer checks. It reads the database and Redis from the variables lbstack gives every replica
 * ({@code DB_*}, {@code REDIS_*}; see {@code application.properties}).
 */
@SpringBootApplication
@EnableCaching
public class ShopApplication {

  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }
}
