package dev.migrate.boot.autoconfigure.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Application of the test-slice tests: its migrations are left out by the slices'
 * component scanning.
 */
@SpringBootApplication
public class SliceApplication {

}
