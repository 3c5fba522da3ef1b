package dev.migrate.sample;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The sample on an in-memory H2 database of its own (the file database of
 * {@code application.yml} is for people running the sample).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:sample-tests;DB_CLOSE_DELAY=-1")
class H2SampleApplicationTests extends AbstractSampleApplicationTests {

}
