package com.example.migrations;

public final class Sql {

	public static final String CREATE_AUDIT = "CREATE TABLE audit (id BIGINT PRIMARY KEY, entry VARCHAR(200))";

	public static final String DROP_AUDIT = "DROP TABLE audit";

	public static final int BATCH_SIZE = 500;

	private Sql() {
	}

}
