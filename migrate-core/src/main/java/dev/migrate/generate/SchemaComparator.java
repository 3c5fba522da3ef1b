package dev.migrate.generate;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.migrate.generate.SchemaDifference.Kind;
import dev.migrate.schema.SchemaSequence;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.SchemaTable;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.Assert;

/**
 * Compares the mapping Hibernate built for a persistence unit ({@link Metadata}: tables
 * of entities, join and collection tables, embedded columns, keys, indexes, sequences)
 * with a {@link SchemaSnapshot} of the migrated database, and lists what differs with
 * statements in the database's dialect. Tables, indexes, unique keys, foreign keys and
 * sequences are rendered by Hibernate's own exporters and column types by its
 * {@link Dialect}, so that what the migration creates is what Hibernate validates.
 * <p>
 * A rename cannot be told from a removal and an addition: it is reported as both, with a
 * note. Column defaults, check constraints, comments and changes of primary keys or of
 * identity generation are not compared; a primary key that differs is reported as
 * {@link Kind#UNSUPPORTED}.
 *
 * @since 0.1.0
 */
public final class SchemaComparator {

	private static final Set<Integer> LENGTH_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR,
			Types.BINARY, Types.VARBINARY);

	private static final Set<Integer> DECIMAL_TYPES = Set.of(Types.NUMERIC, Types.DECIMAL);

	private static final List<Integer> INTEGER_WIDTHS = List.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER,
			Types.BIGINT);

	private final Metadata metadata;

	private final Dialect dialect;

	private final SqlStringGenerationContext context;

	private final ColumnStatements statements;

	private final NullCount nullCount;

	private SchemaComparator(Metadata metadata, NullCount nullCount) {
		this.metadata = metadata;
		this.dialect = metadata.getDatabase().getDialect();
		this.context = SqlStringGenerationContextImpl.fromExplicit(metadata.getDatabase().getJdbcEnvironment(),
				metadata.getDatabase(), null, null);
		this.statements = ColumnStatements.of(this.dialect);
		this.nullCount = nullCount;
	}

	/**
	 * Compare the entities with the database.
	 * @param metadata the mapping of the persistence unit
	 * @param database a snapshot of the database after every migration was applied
	 * @param nullCount how many rows of a column hold {@code NULL}, to tell whether
	 * {@code NOT NULL} can be added without losing data
	 * @return the differences, in the order their {@code up} statements run
	 */
	public static List<SchemaDifference> compare(Metadata metadata, SchemaSnapshot database, NullCount nullCount) {
		Assert.notNull(metadata, "'metadata' must not be null");
		Assert.notNull(database, "'database' must not be null");
		Assert.notNull(nullCount, "'nullCount' must not be null");
		return new SchemaComparator(metadata, nullCount).compare(database);
	}

	/**
	 * Read the database and compare the entities with it. Reads only: the database is not
	 * changed.
	 * @param metadata the mapping of the persistence unit
	 * @param dataSource the migrated database
	 * @param schema the schema to compare, or {@code null} for the connection's current
	 * one
	 * @param excludedTables tables to leave out, such as migrate's history and lock
	 * tables ({@link SchemaSnapshot#DEFAULT_EXCLUDED_TABLES})
	 * @return the differences, in the order their {@code up} statements run
	 */
	public static List<SchemaDifference> compare(Metadata metadata, DataSource dataSource, @Nullable String schema,
			Collection<String> excludedTables) {
		Assert.notNull(dataSource, "'dataSource' must not be null");
		SchemaSnapshot snapshot = SchemaSnapshot.of(dataSource, schema, excludedTables);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		return compare(metadata, snapshot, (table, column) -> {
			Long count = jdbc.queryForObject("select count(*) from " + table + " where " + column + " is null",
					Long.class);
			return (count != null) ? count : 0;
		});
	}

	private List<SchemaDifference> compare(SchemaSnapshot database) {
		List<SchemaDifference> differences = new ArrayList<>();
		List<Table> entityTables = entityTables();
		for (Sequence sequence : entitySequences()) {
			String name = sequence.getName().getSequenceName().getText();
			if (database.sequences().stream().noneMatch((existing) -> existing.name().equalsIgnoreCase(name))) {
				differences.add(new SchemaDifference(Kind.NEW_SEQUENCE, "new sequence " + name,
						List.of(this.dialect.getSequenceExporter()
							.getSqlCreateStrings(sequence, this.metadata, this.context)),
						List.of(this.dialect.getSequenceExporter()
							.getSqlDropStrings(sequence, this.metadata, this.context)),
						false, null));
			}
		}
		for (Table table : entityTables) {
			SchemaTable existing = database.table(table.getName());
			if (existing == null) {
				differences.addAll(newTable(table));
			}
			else {
				differences.addAll(changedTable(table, existing));
			}
		}
		for (SchemaTable existing : database.tables()) {
			if (entityTables.stream().noneMatch((table) -> table.getName().equalsIgnoreCase(existing.name()))) {
				differences.addAll(removedTable(existing));
			}
		}
		for (SchemaSequence existing : database.sequences()) {
			if (entitySequences().stream()
				.noneMatch(
						(sequence) -> sequence.getName().getSequenceName().getText().equalsIgnoreCase(existing.name()))
					&& !ownedByIdentity(existing, database)) {
				differences.add(new SchemaDifference(Kind.REMOVED_SEQUENCE, "removed sequence " + existing.name(),
						List.of("drop sequence " + existing.name()), List.of("create sequence " + existing.name()
								+ " start with " + existing.start() + " increment by " + existing.increment()),
						true, "its current value is lost"));
			}
		}
		differences.sort(Comparator.comparing(SchemaDifference::kind));
		return differences;
	}

	/** PostgreSQL lists the sequences behind identity and serial columns too. */
	private static boolean ownedByIdentity(SchemaSequence sequence, SchemaSnapshot database) {
		for (SchemaTable table : database.tables()) {
			for (SchemaTable.Column column : table.columns()) {
				if (column.autoIncrement()
						&& sequence.name().equalsIgnoreCase(table.name() + "_" + column.name() + "_seq")) {
					return true;
				}
			}
		}
		return false;
	}

	private List<Table> entityTables() {
		List<Table> tables = new ArrayList<>();
		for (Namespace namespace : this.metadata.getDatabase().getNamespaces()) {
			for (Table table : namespace.getTables()) {
				if (table.isPhysicalTable() && !table.isView()) {
					tables.add(table);
				}
			}
		}
		return tables;
	}

	private List<Sequence> entitySequences() {
		List<Sequence> sequences = new ArrayList<>();
		for (Namespace namespace : this.metadata.getDatabase().getNamespaces()) {
			namespace.getSequences().forEach(sequences::add);
		}
		return sequences;
	}

	private String name(Table table) {
		return table.getQualifiedName(this.context);
	}

	private List<SchemaDifference> newTable(Table table) {
		List<SchemaDifference> differences = new ArrayList<>();
		List<String> up = new ArrayList<>(
				Arrays.asList(this.dialect.getTableExporter().getSqlCreateStrings(table, this.metadata, this.context)));
		for (UniqueKey uniqueKey : separateUniqueKeys(table)) {
			up.add(addUnique(table, uniqueKey));
		}
		for (Index index : table.getIndexes().values()) {
			up.addAll(Arrays
				.asList(this.dialect.getIndexExporter().getSqlCreateStrings(index, this.metadata, this.context)));
		}
		differences.add(new SchemaDifference(Kind.NEW_TABLE, "new table " + table.getName(), up,
				Arrays.asList(this.dialect.getTableExporter().getSqlDropStrings(table, this.metadata, this.context)),
				false, null));
		for (ForeignKey foreignKey : foreignKeys(table)) {
			differences.add(newForeignKey(table, foreignKey));
		}
		return differences;
	}

	private SchemaDifference newForeignKey(Table table, ForeignKey foreignKey) {
		return new SchemaDifference(Kind.NEW_FOREIGN_KEY,
				"new foreign key " + table.getName() + columnList(foreignKey.getColumns()) + " -> "
						+ foreignKey.getReferencedTable().getName(),
				Arrays.asList(this.dialect.getForeignKeyExporter()
					.getSqlCreateStrings(foreignKey, this.metadata, this.context)),
				Arrays.asList(this.dialect.getForeignKeyExporter()
					.getSqlDropStrings(foreignKey, this.metadata, this.context)),
				false, null);
	}

	private List<SchemaDifference> changedTable(Table table, SchemaTable existing) {
		List<SchemaDifference> differences = new ArrayList<>();
		String tableName = name(table);
		List<String> added = new ArrayList<>();
		for (Column column : table.getColumns()) {
			SchemaTable.Column current = existing.column(column.getName());
			if (current == null) {
				added.add(column.getName());
				differences.add(newColumn(table, column, existing));
			}
			else {
				SchemaDifference changed = changedColumn(table, column, current);
				if (changed != null) {
					differences.add(changed);
				}
			}
		}
		for (SchemaTable.Column current : existing.columns()) {
			if (table.getColumns().stream().noneMatch((column) -> column.getName().equalsIgnoreCase(current.name()))) {
				differences
					.add(new SchemaDifference(Kind.REMOVED_COLUMN,
							"removed column " + existing.name() + "." + current.name(),
							List.of(this.statements.dropColumn(tableName, current.name())),
							List.of(this.statements.addColumn(tableName, definition(current))), true,
							added.isEmpty() ? null : "if " + current.name() + " was renamed to "
									+ String.join(" or ", added)
									+ ", rename it instead (alter table ... rename column) to keep its values"));
			}
		}
		if (!sameColumns(columnNames(primaryKeyColumns(table)), (existing.primaryKey() != null)
				? Objects.requireNonNull(existing.primaryKey()).columns() : List.of())) {
			differences.add(new SchemaDifference(Kind.UNSUPPORTED, "primary key of " + existing.name() + " changed",
					List.of(), List.of(), false,
					"the primary key of " + existing.name() + " is " + columnNames(primaryKeyColumns(table))
							+ " in the entities but "
							+ ((existing.primaryKey() != null) ? Objects.requireNonNull(existing.primaryKey()).columns()
									: "none")
							+ " in the database: changing a primary key is not generated, write it by hand"));
		}
		differences.addAll(uniqueConstraints(table, existing));
		differences.addAll(indexes(table, existing));
		differences.addAll(foreignKeys(table, existing));
		return differences;
	}

	private SchemaDifference newColumn(Table table, Column column, SchemaTable existing) {
		String definition = column.getQuotedName(this.dialect) + " " + column.getSqlType(this.metadata)
				+ ((column.getDefaultValue() != null) ? " default " + column.getDefaultValue() : "")
				+ ColumnStatements.nullability(column.isNullable());
		String note = (!column.isNullable() && column.getDefaultValue() == null) ? "fails on a table with rows: give "
				+ column.getName() + " a default (@ColumnDefault), or add it nullable, fill it, then make it NOT NULL"
				: null;
		return new SchemaDifference(Kind.NEW_COLUMN, "new column " + existing.name() + "." + column.getName(),
				List.of(this.statements.addColumn(name(table), definition)),
				List.of(this.statements.dropColumn(name(table), column.getQuotedName(this.dialect))), false, note);
	}

	private @Nullable SchemaDifference changedColumn(Table table, Column column, SchemaTable.Column current) {
		int typeCode = column.getSqlTypeCode(this.metadata);
		String sqlType = column.getSqlType(this.metadata);
		boolean sameType = typeCode == current.jdbcType() || this.dialect.equivalentTypes(typeCode, current.jdbcType())
				|| baseType(sqlType).equalsIgnoreCase(current.typeName());
		List<String> changes = new ArrayList<>();
		boolean narrowing = false;
		if (!sameType) {
			changes.add("type " + current.type() + " -> " + sqlType);
			narrowing = !widens(current.jdbcType(), typeCode);
		}
		else {
			Size size = column.getColumnSize(this.dialect, this.metadata);
			if (LENGTH_TYPES.contains(typeCode) && size.getLength() != null && current.size() != null
					&& sqlType.contains("(") && size.getLength() != current.size().longValue()) {
				changes.add("length " + current.size() + " -> " + size.getLength());
				narrowing = size.getLength() < current.size();
			}
			if (DECIMAL_TYPES.contains(typeCode) && size.getPrecision() != null && current.size() != null) {
				int scale = (size.getScale() != null) ? size.getScale() : 0;
				int currentScale = (current.decimalDigits() != null) ? current.decimalDigits() : 0;
				if (size.getPrecision() != current.size().intValue() || scale != currentScale) {
					changes.add("precision and scale (" + current.size() + "," + currentScale + ") -> ("
							+ size.getPrecision() + "," + scale + ")");
					narrowing = size.getPrecision() < current.size() || scale < currentScale;
				}
			}
		}
		boolean nullable = column.isNullable() && !table.isPrimaryKey(column);
		boolean notNullWithNulls = false;
		if (nullable != current.nullable()) {
			changes.add(nullable ? "now nullable" : "now NOT NULL");
			if (!nullable) {
				notNullWithNulls = this.nullCount.count(name(table), current.name()) > 0;
			}
		}
		if (changes.isEmpty()) {
			return null;
		}
		String columnName = column.getQuotedName(this.dialect);
		String toType = changes.stream().anyMatch((change) -> !change.startsWith("now")) ? sqlType : current.type();
		List<String> up = this.statements.change(name(table), columnName, current.type(), current.nullable(), toType,
				nullable);
		List<String> down = this.statements.change(name(table), columnName, toType, nullable, current.type(),
				current.nullable());
		String note = notNullWithNulls ? "the column holds nulls: fill them before making it NOT NULL" : null;
		if (!sameType) {
			note = "a type change may need a conversion (USING on PostgreSQL) and may fail on existing values";
		}
		return new SchemaDifference(Kind.CHANGED_COLUMN,
				"changed column " + table.getName() + "." + column.getName() + ": " + String.join(", ", changes), up,
				down, narrowing || notNullWithNulls, note);
	}

	private static boolean widens(int from, int to) {
		int fromWidth = INTEGER_WIDTHS.indexOf(from);
		int toWidth = INTEGER_WIDTHS.indexOf(to);
		return fromWidth >= 0 && toWidth > fromWidth;
	}

	private static String baseType(String sqlType) {
		int parenthesis = sqlType.indexOf('(');
		return ((parenthesis >= 0) ? sqlType.substring(0, parenthesis) : sqlType).trim();
	}

	/**
	 * The unique keys of a table: those Hibernate lists, and one for each column marked
	 * unique, which its table exporter writes inline. The latter are named
	 * {@code uk_table_column} when added to an existing table, so that a later migration
	 * can drop them by name on every database.
	 */
	private List<UniqueKey> uniqueKeys(Table table) {
		List<String> primaryKey = columnNames(primaryKeyColumns(table));
		List<UniqueKey> keys = new ArrayList<>(table.getUniqueKeys()
			.values()
			.stream()
			.filter((key) -> !table.isRedundantUniqueKey(key)
					&& !sameColumns(columnNames(key.getColumns()), primaryKey))
			.toList());
		for (Column column : table.getColumns()) {
			if (column.isUnique() && !sameColumns(List.of(column.getName()), primaryKey) && keys.stream()
				.noneMatch((key) -> sameColumns(columnNames(key.getColumns()), List.of(column.getName())))) {
				UniqueKey key = new UniqueKey(table);
				key.addColumn(column);
				key.setName("uk_" + table.getName() + "_" + column.getName());
				keys.add(key);
			}
		}
		return keys;
	}

	/**
	 * The unique keys the table exporter does not write inline: all but those of columns
	 * marked unique, where the dialect declares them in the column's definition.
	 */
	private List<UniqueKey> separateUniqueKeys(Table table) {
		return uniqueKeys(table).stream()
			.filter((key) -> key.getColumnSpan() != 1 || !key.getColumn(0).isUnique()
					|| this.dialect.getUniqueDelegate()
						.getColumnDefinitionUniquenessFragment(key.getColumn(0), this.context)
						.isBlank())
			.toList();
	}

	private List<SchemaDifference> uniqueConstraints(Table table, SchemaTable existing) {
		List<SchemaDifference> differences = new ArrayList<>();
		List<List<String>> present = new ArrayList<>();
		existing.uniqueConstraints().forEach((key) -> present.add(key.columns()));
		existing.indexes().stream().filter(SchemaTable.Index::unique).forEach((index) -> present.add(index.columns()));
		List<UniqueKey> wanted = uniqueKeys(table);
		for (UniqueKey key : wanted) {
			if (present.stream().noneMatch((columns) -> sameColumns(columns, columnNames(key.getColumns())))) {
				differences.add(new SchemaDifference(Kind.NEW_UNIQUE_CONSTRAINT,
						"new unique constraint on " + existing.name() + columnList(key.getColumns()),
						List.of(addUnique(table, key)),
						List.of(this.statements.dropUnique(name(table), uniqueName(table, key))), false, null));
			}
		}
		for (SchemaTable.Key key : existing.uniqueConstraints()) {
			if (wanted.stream().noneMatch((unique) -> sameColumns(key.columns(), columnNames(unique.getColumns())))) {
				differences.add(removedUnique(name(table), existing.name(), key.name(), key.columns()));
			}
		}
		for (SchemaTable.Index index : existing.indexes()) {
			if (index.unique() && existing.uniqueConstraints().isEmpty() && wanted.stream()
				.noneMatch((unique) -> sameColumns(index.columns(), columnNames(unique.getColumns())))) {
				// MariaDB and MySQL: unique constraints are unique indexes.
				differences.add(removedUnique(name(table), existing.name(), index.name(), index.columns()));
			}
		}
		return differences;
	}

	private String addUnique(Table table, UniqueKey key) {
		return "alter table " + name(table) + " add constraint " + uniqueName(table, key) + " unique ("
				+ key.getColumns()
					.stream()
					.map((column) -> column.getQuotedName(this.dialect))
					.collect(Collectors.joining(", "))
				+ ")";
	}

	private static String uniqueName(Table table, UniqueKey key) {
		return (key.getName() != null) ? key.getName()
				: "uk_" + table.getName() + "_" + String.join("_", columnNames(key.getColumns()));
	}

	private SchemaDifference removedUnique(String table, String shown, @Nullable String name, List<String> columns) {
		String description = "removed unique constraint on " + shown + "(" + String.join(", ", columns) + ")";
		if (name == null) {
			return unnamed(description);
		}
		return new SchemaDifference(Kind.REMOVED_UNIQUE_CONSTRAINT, description,
				List.of(this.statements.dropUnique(table, name)), List.of("alter table " + table + " add constraint "
						+ name + " unique (" + String.join(", ", columns) + ")"),
				false, null);
	}

	private static SchemaDifference unnamed(String description) {
		return new SchemaDifference(Kind.UNSUPPORTED, description, List.of(), List.of(), false, description
				+ ": the database named it itself, so no statement can name it the same everywhere; drop it by hand");
	}

	private List<SchemaDifference> indexes(Table table, SchemaTable existing) {
		List<SchemaDifference> differences = new ArrayList<>();
		Collection<Index> wanted = table.getIndexes().values();
		List<SchemaTable.Index> plain = existing.indexes()
			.stream()
			.filter((index) -> !index.unique() || wanted.stream().anyMatch(Index::isUnique))
			.toList();
		for (Index index : wanted) {
			if (plain.stream()
				.noneMatch((present) -> sameColumns(present.columns(), columnNames(index.getColumns())))) {
				differences.add(new SchemaDifference(Kind.NEW_INDEX,
						"new index " + index.getName() + " on " + existing.name() + columnList(index.getColumns()),
						Arrays.asList(this.dialect.getIndexExporter()
							.getSqlCreateStrings(index, this.metadata, this.context)),
						List.of(this.statements.dropIndex(name(table), index.getQuotedName(this.dialect))), false,
						null));
			}
		}
		for (SchemaTable.Index index : existing.indexes()) {
			if (index.unique() || backsForeignKey(index, existing)) {
				continue;
			}
			if (wanted.stream()
				.noneMatch((present) -> sameColumns(index.columns(), columnNames(present.getColumns())))) {
				String description = "removed index " + Objects.requireNonNullElse(index.name(), "") + " on "
						+ existing.name() + "(" + String.join(", ", index.columns()) + ")";
				if (index.name() == null) {
					differences.add(unnamed(description));
					continue;
				}
				differences.add(new SchemaDifference(Kind.REMOVED_INDEX, description,
						List.of(this.statements.dropIndex(name(table), Objects.requireNonNull(index.name()))),
						List.of("create index " + index.name() + " on " + name(table) + " ("
								+ String.join(", ", index.columns()) + ")"),
						false, null));
			}
		}
		return differences;
	}

	/** MariaDB and MySQL index the columns of every foreign key themselves. */
	private static boolean backsForeignKey(SchemaTable.Index index, SchemaTable table) {
		return table.foreignKeys()
			.stream()
			.anyMatch((key) -> index.columns().size() >= key.columns().size()
					&& sameColumns(index.columns().subList(0, key.columns().size()), key.columns()));
	}

	private List<ForeignKey> foreignKeys(Table table) {
		return table.getForeignKeyCollection()
			.stream()
			.filter((key) -> key.isCreationEnabled() && key.isPhysicalConstraint())
			.toList();
	}

	private List<SchemaDifference> foreignKeys(Table table, SchemaTable existing) {
		List<SchemaDifference> differences = new ArrayList<>();
		List<ForeignKey> wanted = foreignKeys(table);
		for (ForeignKey key : wanted) {
			if (existing.foreignKeys().stream().noneMatch((present) -> sameForeignKey(present, key))) {
				differences.add(newForeignKey(table, key));
			}
		}
		for (SchemaTable.ForeignKey present : existing.foreignKeys()) {
			if (wanted.stream().noneMatch((key) -> sameForeignKey(present, key))) {
				String description = "removed foreign key " + existing.name() + "("
						+ String.join(", ", present.columns()) + ") -> " + present.referencedTable();
				if (present.name() == null) {
					differences.add(unnamed(description));
					continue;
				}
				differences.add(new SchemaDifference(Kind.REMOVED_FOREIGN_KEY, description,
						List.of(this.statements.dropForeignKey(name(table), Objects.requireNonNull(present.name()))),
						List.of("alter table " + name(table) + " add constraint " + present.name() + " foreign key ("
								+ String.join(", ", present.columns()) + ") references " + present.referencedTable()
								+ " (" + String.join(", ", present.referencedColumns()) + ")"),
						false, null));
			}
		}
		return differences;
	}

	private static boolean sameForeignKey(SchemaTable.ForeignKey present, ForeignKey key) {
		return present.referencedTable().equalsIgnoreCase(key.getReferencedTable().getName())
				&& sameColumns(present.columns(), columnNames(key.getColumns()));
	}

	private List<SchemaDifference> removedTable(SchemaTable existing) {
		List<SchemaDifference> differences = new ArrayList<>();
		for (SchemaTable.ForeignKey key : existing.foreignKeys()) {
			if (key.name() != null) {
				differences.add(new SchemaDifference(Kind.REMOVED_FOREIGN_KEY,
						"removed foreign key " + existing.name() + "(" + String.join(", ", key.columns()) + ") -> "
								+ key.referencedTable(),
						List.of(this.statements.dropForeignKey(existing.name(), Objects.requireNonNull(key.name()))),
						List.of("alter table " + existing.name() + " add constraint " + key.name() + " foreign key ("
								+ String.join(", ", key.columns()) + ") references " + key.referencedTable() + " ("
								+ String.join(", ", key.referencedColumns()) + ")"),
						true, null));
			}
		}
		StringBuilder create = new StringBuilder("create table ").append(existing.name()).append(" (");
		create.append(existing.columns().stream().map(SchemaComparator::definition).collect(Collectors.joining(", ")));
		if (existing.primaryKey() != null) {
			create.append(", primary key (")
				.append(String.join(", ", Objects.requireNonNull(existing.primaryKey()).columns()))
				.append(')');
		}
		for (SchemaTable.Key unique : existing.uniqueConstraints()) {
			create.append(", ")
				.append((unique.name() != null) ? "constraint " + unique.name() + " " : "")
				.append("unique (")
				.append(String.join(", ", unique.columns()))
				.append(')');
		}
		create.append(')');
		List<String> down = new ArrayList<>();
		down.add(create.toString());
		for (SchemaTable.Index index : existing.indexes()) {
			if (index.name() != null) {
				down.add("create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on "
						+ existing.name() + " (" + String.join(", ", index.columns()) + ")");
			}
		}
		boolean identity = existing.columns().stream().anyMatch(SchemaTable.Column::autoIncrement);
		differences.add(new SchemaDifference(Kind.REMOVED_TABLE, "removed table " + existing.name(),
				List.of("drop table " + existing.name()), down, true,
				"its rows are lost; if it was renamed, rename it instead (alter table ... rename to ...)"
						+ (identity ? "; the down re-creates it without the identity generation of its key" : "")));
		return differences;
	}

	private static String definition(SchemaTable.Column column) {
		return column.name() + " " + column.type()
				+ ((column.defaultValue() != null) ? " default " + column.defaultValue() : "")
				+ ColumnStatements.nullability(column.nullable());
	}

	private static List<Column> primaryKeyColumns(Table table) {
		return (table.getPrimaryKey() != null) ? table.getPrimaryKey().getColumns() : List.of();
	}

	private static List<String> columnNames(List<Column> columns) {
		return columns.stream().map(Column::getName).toList();
	}

	private static String columnList(List<Column> columns) {
		return "(" + String.join(", ", columnNames(columns)) + ")";
	}

	private static boolean sameColumns(List<String> a, List<String> b) {
		return normalized(a).equals(normalized(b));
	}

	private static List<String> normalized(List<String> columns) {
		return columns.stream().map((column) -> column.toLowerCase(Locale.ROOT).replace(" desc", "").trim()).toList();
	}

	/**
	 * Counts the {@code NULL}s of a column, to tell whether adding {@code NOT NULL} would
	 * fail or lose data.
	 */
	@FunctionalInterface
	public interface NullCount {

		/**
		 * Count the rows whose column is {@code NULL}.
		 * @param table the table, as SQL names it
		 * @param column the column
		 * @return the number of rows
		 */
		long count(String table, String column);

	}

}
