package dev.migrate.boot.autoconfigure.indexeddatabases;

import java.util.concurrent.atomic.AtomicInteger;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "1", description = "Create order lines", database = "orders")
public class CreateOrderLines {

	public static final AtomicInteger instances = new AtomicInteger();

	public CreateOrderLines() {
		instances.incrementAndGet();
	}

	public void up(JdbcTemplate jdbc) {
		jdbc.execute("CREATE TABLE order_lines (id INT PRIMARY KEY)");
	}

	public void down(JdbcTemplate jdbc) {
		jdbc.execute("DROP TABLE order_lines");
	}

}
