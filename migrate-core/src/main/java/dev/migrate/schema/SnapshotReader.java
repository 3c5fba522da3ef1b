package dev.migrate.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Dialects;
import dev.migrate.schema.CatalogQueries.Check;
import dev.migrate.schema.CatalogQueries.IndexDetail;
import dev.migrate.schema.CatalogQueries.Reading;
import dev.migrate.schema.CatalogQueries.Unique;
import dev.migrate.schema.SchemaObject.Kind;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;

/**
 * Reads one {@link SchemaSnapshot}: {@link DatabaseMetaData} for tables, columns, keys
 * and indexes, {@link CatalogQueries} for the rest; then, for each other schema asked
 * for, the same with names qualified by the schema. A category the account may not read
 * is listed as not checked.
 */
final class SnapshotReader {

	private final Connection connection;

	private final DatabaseMetaData metaData;

	private final CatalogQueries queries;

	private final @Nullable String catalog;

	private final @Nullable String metaDataSchema;

	private final String schemaName;

	private final Set<String> excludedTables;

	private final boolean foldsToUpperCase;

	private final String prefix;

	private final List<String> notChecked;

	SnapshotReader(Connection connection, @Nullable String schema, Set<String> excludedTables) throws SQLException {
		this(connection, schema, excludedTables, new ArrayList<>(), false);
	}

	private SnapshotReader(Connection connection, @Nullable String schema, Set<String> excludedTables,
			List<String> notChecked, boolean qualified) throws SQLException {
		this.connection = connection;
		this.notChecked = notChecked;
		this.metaData = connection.getMetaData();
		this.queries = CatalogQueries.forProduct(this.metaData.getDatabaseProductName());
		Dialect dialect = Dialects.forMetaData(this.metaData);
		@Nullable String[] scope = dialect.metaDataScope(connection, schema);
		this.catalog = scope[0];
		this.metaDataSchema = scope[1];
		String name = (scope[1] != null) ? scope[1] : scope[0];
		if (name == null) {
			throw new SQLException("The connection has no current schema; name the schema to read");
		}
		this.schemaName = name;
		this.excludedTables = excludedTables.stream()
			.map((table) -> table.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		this.foldsToUpperCase = this.metaData.storesUpperCaseIdentifiers();
		this.prefix = qualified ? display(name) + "." : "";
	}

	static String tableIdentity(String table) {
		return "table " + table;
	}

	SchemaSnapshot read() throws SQLException {
		return read(List.of());
	}

	/**
	 * Read the schema, then those of the other schemas that exist, their objects named
	 * with the schema.
	 */
	SchemaSnapshot read(Collection<String> otherSchemas) throws SQLException {
		List<SchemaObject> objects = new ArrayList<>();
		Map<String, List<String>> columnOrder = new LinkedHashMap<>();
		List<SchemaTable> tables = new ArrayList<>();
		List<SchemaSequence> sequences = new ArrayList<>();
		readInto(objects, columnOrder, tables, sequences);
		if (!otherSchemas.isEmpty()) {
			Set<String> existing = this.queries.schemaNames(this.connection);
			for (String other : new TreeSet<>(otherSchemas)) {
				if (!other.equals(this.schemaName) && existing.contains(other)) {
					objects.add(new SchemaObject(Kind.SCHEMA, null, "schema " + display(other),
							"schema " + display(other), ""));
					new SnapshotReader(this.connection, other, this.excludedTables, this.notChecked, true)
						.readInto(objects, columnOrder, new ArrayList<>(), new ArrayList<>());
				}
			}
		}
		return new SchemaSnapshot(this.metaData.getDatabaseProductName(), display(this.schemaName), objects,
				columnOrder, this.notChecked.stream().distinct().toList(), tables, sequences);
	}

	private void readInto(List<SchemaObject> objects, Map<String, List<String>> columnOrder,
			List<SchemaTable> structuredTables, List<SchemaSequence> structuredSequences) throws SQLException {
		List<String> tables = new ArrayList<>();
		List<String> views = new ArrayList<>();
		try (ResultSet rs = this.metaData.getTables(this.catalog, pattern(this.metaDataSchema), "%", null)) {
			while (rs.next()) {
				String name = rs.getString("TABLE_NAME");
				String type = Objects.requireNonNullElse(rs.getString("TABLE_TYPE"), "").toUpperCase(Locale.ROOT);
				if (!inScope(rs) || this.excludedTables.contains(name.toLowerCase(Locale.ROOT))) {
					continue;
				}
				if (this.queries.isTable(type)) {
					tables.add(name);
				}
				else if (type.equals("VIEW")) {
					views.add(name);
				}
			}
		}
		tables.sort(Comparator.comparing(this::name));
		Map<String, List<Unique>> uniques = this.queries.uniqueConstraints(this.connection, this.schemaName)
			.stream()
			.collect(Collectors.groupingBy(Unique::table));
		Map<String, List<Check>> checks = this.queries.checkConstraints(this.connection, this.schemaName)
			.stream()
			.collect(Collectors.groupingBy(Check::table));
		Set<String> constraintIndexes = this.queries.constraintIndexes(this.connection, this.schemaName);
		Reading reading = new Reading(this.connection, this.schemaName, this::name, this::display,
				this.notChecked::add);
		Map<String, String> tableOptions = guard("table options (engine, collation, partitioning, logging)",
				() -> this.queries.tableOptions(reading), Map.of());
		Map<String, String> columnOptions = guard(
				"column options (identity, generation, collation, ON UPDATE, visibility)",
				() -> this.queries.columnOptions(reading), Map.of());
		Map<String, IndexDetail> indexDetails = guard("index methods and options",
				() -> this.queries.indexDetails(reading), Map.of());
		for (String table : tables) {
			String shown = name(table);
			objects.add(new SchemaObject(Kind.TABLE, shown, tableIdentity(shown), "table " + shown,
					tableOptions.getOrDefault(table, "")));
			List<String> columnNames = new ArrayList<>();
			TableParts parts = new TableParts();
			objects.addAll(columns(table, columnNames, columnOptions, parts));
			columnOrder.put(shown, columnNames);
			Set<String> keyNames = new HashSet<>();
			SchemaObject primaryKey = primaryKey(table, keyNames, parts);
			if (primaryKey != null) {
				objects.add(primaryKey);
			}
			List<SchemaObject> tableObjects = new ArrayList<>(foreignKeys(table, parts));
			for (Unique unique : uniques.getOrDefault(table, List.of())) {
				keyNames.add(unique.name());
				String name = nameOf(unique.name());
				parts.uniques.add(new SchemaTable.Key(name, unique.columns().stream().map(this::display).toList()));
				String definition = "on " + shown + columnList(unique.columns());
				tableObjects.add(new SchemaObject(Kind.UNIQUE_CONSTRAINT, shown,
						"unique " + shown + "." + ((name != null) ? name : definition),
						label("unique constraint", name), definition));
			}
			for (Check check : checks.getOrDefault(table, List.of())) {
				String name = nameOf(check.name());
				String definition = "on " + shown + " " + check.clause();
				tableObjects.add(new SchemaObject(Kind.CHECK_CONSTRAINT, shown,
						"check " + shown + "." + ((name != null) ? name : definition), label("check constraint", name),
						definition));
			}
			tableObjects.addAll(indexes(table, keyNames, constraintIndexes, indexDetails, parts));
			tableObjects.sort(Comparator.comparing(SchemaObject::kind).thenComparing(SchemaObject::description));
			objects.addAll(tableObjects);
			structuredTables.add(new SchemaTable(shown, parts.columns, parts.primaryKey, parts.uniques, parts.indexes,
					parts.foreignKeys));
		}
		new TreeMap<>(this.queries.sequences(this.connection, this.schemaName)).forEach((name, settings) -> {
			if (!this.excludedTables.contains(name.toLowerCase(Locale.ROOT))) {
				String shown = name(name);
				objects.add(new SchemaObject(Kind.SEQUENCE, null, "sequence " + shown, "sequence " + shown,
						settings.definition()));
				structuredSequences.add(new SchemaSequence(shown, settings.start(), settings.increment()));
			}
		});
		Map<String, String> viewDefinitions = this.queries.viewDefinitions(this.connection, this.schemaName);
		views.stream().sorted(Comparator.comparing(this::name)).forEach((view) -> {
			String shown = name(view);
			String definition = viewDefinitions.get(view);
			objects.add(new SchemaObject(Kind.VIEW, null, "view " + shown, "view " + shown,
					(definition != null) ? "AS " + definition : ""));
		});
		List<SchemaObject> others = new ArrayList<>(guard("triggers, routines, types, comments and grants",
				() -> this.queries.objects(reading), List.of()));
		others.sort(Comparator.comparing(SchemaObject::kind).thenComparing(SchemaObject::description));
		objects.addAll(others);
	}

	/**
	 * Read one category; if the account may not, say so in the snapshot instead of
	 * failing or leaving it out unnoticed.
	 */
	private <T> T guard(String category, Supplier<T> read, T unread) {
		try {
			return read.get();
		}
		catch (DataAccessException ex) {
			this.notChecked.add(
					category + " in " + display(this.schemaName) + " (" + ex.getMostSpecificCause().getMessage() + ")");
			return unread;
		}
	}

	private List<SchemaObject> columns(String table, List<String> names, Map<String, String> options, TableParts parts)
			throws SQLException {
		String shownTable = name(table);
		List<SchemaObject> columns = new ArrayList<>();
		try (ResultSet rs = this.metaData.getColumns(this.catalog, pattern(this.metaDataSchema), pattern(table), "%")) {
			while (rs.next()) {
				if (!inScope(rs) || !table.equals(rs.getString("TABLE_NAME"))) {
					continue;
				}
				String name = display(rs.getString("COLUMN_NAME"));
				names.add(name);
				StringBuilder definition = new StringBuilder(type(rs));
				definition.append((rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls) ? " NOT NULL" : " NULL");
				String rawDefault = rs.getString("COLUMN_DEF");
				String defaultValue = (rawDefault != null && !rawDefault.isBlank()
						&& !rawDefault.trim().equalsIgnoreCase("NULL")) ? rawDefault.trim() : null;
				if (defaultValue != null) {
					definition.append(" DEFAULT ").append(defaultValue);
				}
				if ("YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
					definition.append(" AUTO_INCREMENT");
				}
				if ("YES".equalsIgnoreCase(rs.getString("IS_GENERATEDCOLUMN"))) {
					definition.append(" GENERATED");
				}
				int size = rs.getInt("COLUMN_SIZE");
				Integer columnSize = rs.wasNull() ? null : size;
				int digits = rs.getInt("DECIMAL_DIGITS");
				Integer decimalDigits = rs.wasNull() ? null : digits;
				parts.columns
					.add(new SchemaTable.Column(name, type(rs), rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
							columnSize, decimalDigits, rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
							defaultValue, "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
				String more = options.get(table + "." + rs.getString("COLUMN_NAME"));
				if (more != null) {
					definition.append(' ').append(more);
				}
				columns.add(new SchemaObject(Kind.COLUMN, shownTable, "column " + shownTable + "." + name,
						"column " + shownTable + "." + name, definition.toString()));
			}
		}
		return columns;
	}

	private static String type(ResultSet rs) throws SQLException {
		String type = rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT);
		int size = rs.getInt("COLUMN_SIZE");
		boolean hasSize = !rs.wasNull() && size > 0 && size < Integer.MAX_VALUE;
		int digits = rs.getInt("DECIMAL_DIGITS");
		boolean hasDigits = !rs.wasNull();
		if (type.contains("(")) {
			return type;
		}
		return switch (rs.getInt("DATA_TYPE")) {
			case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.BINARY, Types.VARBINARY ->
				hasSize ? type + "(" + size + ")" : type;
			case Types.DECIMAL, Types.NUMERIC ->
				hasSize ? type + "(" + size + ((hasDigits && digits != 0) ? "," + digits : "") + ")" : type;
			case Types.TIME, Types.TIMESTAMP, Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE ->
				hasDigits ? type + "(" + digits + ")" : type;
			default -> type;
		};
	}

	private @Nullable SchemaObject primaryKey(String table, Set<String> keyNames, TableParts parts)
			throws SQLException {
		Map<Integer, String> columns = new TreeMap<>();
		String name = null;
		try (ResultSet rs = this.metaData.getPrimaryKeys(this.catalog, this.metaDataSchema, table)) {
			while (rs.next()) {
				if (inScope(rs) && table.equals(rs.getString("TABLE_NAME"))) {
					columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
					name = rs.getString("PK_NAME");
				}
			}
		}
		if (columns.isEmpty()) {
			return null;
		}
		if (name != null) {
			keyNames.add(name);
		}
		String shown = name(table);
		// MariaDB and MySQL call every primary key PRIMARY: no name worth showing.
		String shownName = (name != null && !name.equals("PRIMARY")) ? nameOf(name) : null;
		parts.primaryKey = new SchemaTable.Key(shownName, columns.values().stream().map(this::display).toList());
		return new SchemaObject(Kind.PRIMARY_KEY, shown, "primary key " + shown, label("primary key", shownName),
				"on " + shown + columnList(List.copyOf(columns.values())));
	}

	private List<SchemaObject> foreignKeys(String table, TableParts parts) throws SQLException {
		record Key(String name, String referenced, List<String> columns, List<String> referencedColumns, int onUpdate,
				int onDelete) {
		}
		List<Key> keys = new ArrayList<>();
		try (ResultSet rs = this.metaData.getImportedKeys(this.catalog, this.metaDataSchema, table)) {
			Key current = null;
			while (rs.next()) {
				if (!table.equals(rs.getString("FKTABLE_NAME"))) {
					continue;
				}
				if (current == null || rs.getInt("KEY_SEQ") == 1) {
					String referencedSchema = (this.metaDataSchema != null) ? rs.getString("PKTABLE_SCHEM")
							: rs.getString("PKTABLE_CAT");
					String referenced = (referencedSchema != null && !referencedSchema.equals(this.schemaName))
							? display(referencedSchema) + "." + display(rs.getString("PKTABLE_NAME"))
							: name(rs.getString("PKTABLE_NAME"));
					current = new Key(Objects.requireNonNullElse(rs.getString("FK_NAME"), ""), referenced,
							new ArrayList<>(), new ArrayList<>(), rs.getInt("UPDATE_RULE"), rs.getInt("DELETE_RULE"));
					keys.add(current);
				}
				current.columns().add(rs.getString("FKCOLUMN_NAME"));
				current.referencedColumns().add(rs.getString("PKCOLUMN_NAME"));
			}
		}
		String shown = name(table);
		List<SchemaObject> foreignKeys = new ArrayList<>();
		for (Key key : keys) {
			String name = key.name().isEmpty() ? null : nameOf(key.name());
			parts.foreignKeys.add(new SchemaTable.ForeignKey(name, key.columns().stream().map(this::display).toList(),
					key.referenced(), key.referencedColumns().stream().map(this::display).toList()));
			String definition = "on " + shown + columnList(key.columns()) + " references " + key.referenced()
					+ columnList(key.referencedColumns()) + action("ON UPDATE", key.onUpdate())
					+ action("ON DELETE", key.onDelete());
			foreignKeys.add(new SchemaObject(Kind.FOREIGN_KEY, shown,
					"foreign key " + shown + "." + ((name != null) ? name : definition), label("foreign key", name),
					definition));
		}
		return foreignKeys;
	}

	private static String action(String event, int rule) {
		String action = switch (rule) {
			case DatabaseMetaData.importedKeyCascade -> "CASCADE";
			case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
			case DatabaseMetaData.importedKeySetNull -> "SET NULL";
			case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
			default -> null;
		};
		return (action != null) ? " " + event + " " + action : "";
	}

	private List<SchemaObject> indexes(String table, Set<String> keyNames, Set<String> constraintIndexes,
			Map<String, IndexDetail> details, TableParts parts) throws SQLException {
		record Index(String name, boolean unique, Map<Integer, String> columns, @Nullable String filter) {
		}
		Map<String, Index> indexes = new LinkedHashMap<>();
		try (ResultSet rs = this.metaData.getIndexInfo(this.catalog, this.metaDataSchema, table, false, false)) {
			while (rs.next()) {
				String name = rs.getString("INDEX_NAME");
				if (name == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic
						|| !table.equals(rs.getString("TABLE_NAME")) || keyNames.contains(name)
						|| constraintIndexes.contains(table + "." + name)) {
					continue;
				}
				String column = rs.getString("COLUMN_NAME");
				String order = rs.getString("ASC_OR_DESC");
				Index index = indexes.computeIfAbsent(name,
						(key) -> new Index(key, isUnique(rs), new TreeMap<>(), filter(rs)));
				index.columns()
					.put(rs.getInt("ORDINAL_POSITION"),
							((column != null) ? display(column) : "?") + ("D".equals(order) ? " DESC" : ""));
			}
		}
		String shown = name(table);
		List<SchemaObject> result = new ArrayList<>();
		for (Index index : indexes.values()) {
			String name = nameOf(index.name());
			IndexDetail detail = details.get(table + "." + index.name());
			parts.indexes.add(new SchemaTable.Index(name, List.copyOf(index.columns().values()), index.unique()));
			// Where the database describes the key columns itself, the options it gives
			// include the WHERE clause of a partial index.
			String describedColumns = (detail != null) ? detail.columns() : null;
			String definition = "on " + shown + "("
					+ ((describedColumns != null) ? describedColumns : String.join(", ", index.columns().values()))
					+ ")" + ((describedColumns == null && index.filter() != null) ? " WHERE " + index.filter() : "")
					+ ((detail != null) ? detail.options() : "");
			result
				.add(new SchemaObject(Kind.INDEX, shown, "index " + shown + "." + ((name != null) ? name : definition),
						label(index.unique() ? "unique index" : "index", name), definition));
		}
		return result;
	}

	/** The structured parts of one table, collected while its objects are read. */
	private static final class TableParts {

		private final List<SchemaTable.Column> columns = new ArrayList<>();

		private SchemaTable.@Nullable Key primaryKey;

		private final List<SchemaTable.Key> uniques = new ArrayList<>();

		private final List<SchemaTable.Index> indexes = new ArrayList<>();

		private final List<SchemaTable.ForeignKey> foreignKeys = new ArrayList<>();

	}

	private static boolean isUnique(ResultSet rs) {
		try {
			return !rs.getBoolean("NON_UNIQUE");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable String filter(ResultSet rs) {
		try {
			String filter = rs.getString("FILTER_CONDITION");
			return (filter != null && !filter.isBlank()) ? filter.trim() : null;
		}
		catch (SQLException ex) {
			return null;
		}
	}

	private String columnList(List<String> columns) {
		return "(" + columns.stream().map(this::display).collect(Collectors.joining(", ")) + ")";
	}

	private static String label(String kind, @Nullable String name) {
		return (name != null) ? kind + " " + name : kind;
	}

	/** The name to show, or {@code null} when the database made it up. */
	private @Nullable String nameOf(String name) {
		return this.queries.isGeneratedName(name) ? null : display(name);
	}

	/**
	 * The name of a table, view, sequence or other object of this schema as the snapshot
	 * shows it: qualified with the schema unless it is the compared one.
	 */
	private String name(String identifier) {
		return this.prefix + display(identifier);
	}

	/**
	 * Names as the user most likely wrote them: unquoted names that the database folded
	 * to upper case are shown in lower case.
	 */
	private String display(String identifier) {
		if (this.foldsToUpperCase && identifier.equals(identifier.toUpperCase(Locale.ROOT))) {
			return identifier.toLowerCase(Locale.ROOT);
		}
		return identifier;
	}

	private boolean inScope(ResultSet rs) throws SQLException {
		if (this.metaDataSchema != null) {
			String schema = rs.getString(2);
			return schema == null || schema.equals(this.metaDataSchema);
		}
		String catalog = rs.getString(1);
		return this.catalog == null || catalog == null || catalog.equals(this.catalog);
	}

	private @Nullable String pattern(@Nullable String name) throws SQLException {
		if (name == null) {
			return null;
		}
		String escape = this.metaData.getSearchStringEscape();
		if (escape == null || escape.isEmpty()) {
			return name;
		}
		return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
	}

}
