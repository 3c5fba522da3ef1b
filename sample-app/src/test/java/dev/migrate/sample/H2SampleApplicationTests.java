package dev.migrate.sample;

import org.springframework.test.context.TestPropertySource;

/**
 * The sample on an in-memory H2 database of its own (the file database of
 * {@code application.yml} is for people running the sample).
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:sample-tests;DB_CLOSE_DELAY=-1")
class H2SampleApplicationTests extends AbstractSampleApplicationTests {

}
