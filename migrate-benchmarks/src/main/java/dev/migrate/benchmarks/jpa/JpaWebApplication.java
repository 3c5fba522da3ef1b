package dev.migrate.benchmarks.jpa;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The typical application of the whole-application start: JPA with twenty entities and
 * their repositories (Hibernate, Spring Data) and a web server with one controller, on
 * top of what every set-up has ({@code BootApplicationRun}).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableJpaRepositories(considerNestedRepositories = true)
@Import(CustomerController.class)
public class JpaWebApplication {

}
