package dev.migrate.boot.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateConfigurationException;
import dev.migrate.Migrator;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The databases migrated besides the primary one ({@code migrate.databases.<name>}), each
 * with its own {@link Migrator}: its DataSource, history table, lock, schema and
 * transaction mode, and the migrations whose {@link dev.migrate.Migration#database()}
 * names it.
 *
 * @since 0.2.0
 */
public final class MigrateDatabases {

	private final Map<String, Migrator> migrators;

	private final List<String> order;

	/**
	 * Create the holder.
	 * @param migrators the migrator of each enabled database, by name, in the order they
	 * are migrated
	 */
	public MigrateDatabases(Map<String, Migrator> migrators) {
		Assert.notNull(migrators, "'migrators' must not be null");
		this.migrators = Map.copyOf(new LinkedHashMap<>(migrators));
		this.order = List.copyOf(migrators.keySet());
	}

	/**
	 * The names of the databases, in the order they are migrated.
	 * @return the names
	 */
	public List<String> getNames() {
		return this.order;
	}

	/**
	 * The migrator of a database.
	 * @param name the database's name, as under {@code migrate.databases}
	 * @return its migrator
	 * @throws IllegalArgumentException if no enabled database has that name
	 */
	public Migrator getMigrator(String name) {
		Migrator migrator = this.migrators.get(name);
		if (migrator == null) {
			throw new IllegalArgumentException(
					"No database '" + name + "' is migrated; the databases are " + this.order);
		}
		return migrator;
	}

	/**
	 * The migrators, by database name, in the order the databases are migrated.
	 * @return the migrators
	 */
	public Map<String, Migrator> getMigrators() {
		Map<String, Migrator> ordered = new LinkedHashMap<>();
		this.order.forEach((name) -> ordered.put(name, this.migrators.get(name)));
		return ordered;
	}

	/**
	 * The names a migration may give in its database attribute: the databases of
	 * {@code migrate.databases} and {@code migrate.tenants.database}.
	 * @param properties the properties
	 * @return the names
	 */
	static Set<String> knownDatabases(MigrateProperties properties) {
		Set<String> names = new LinkedHashSet<>(properties.getDatabases().keySet());
		String tenants = properties.getTenants().getDatabase();
		if (tenants != null && !tenants.isEmpty()) {
			names.add(tenants);
		}
		return names;
	}

	/**
	 * Check that every migration names a configured database.
	 * @param named the migrations that name a database, by bean name
	 * @param databases the names of the configured databases (and of the tenants' set of
	 * migrations)
	 * @throws MigrateConfigurationException naming each migration whose database is not
	 * configured
	 */
	static void checkDatabasesNamed(Map<String, MigrationBeans.NamedDatabase> named, Set<String> databases) {
		List<String> unknown = new ArrayList<>();
		named.forEach((name, migration) -> {
			if (!databases.contains(migration.database())) {
				unknown.add("bean '" + name + "' (" + migration.className() + ") names database '"
						+ migration.database() + "'");
			}
		});
		if (!unknown.isEmpty()) {
			throw new MigrateConfigurationException(new Diagnosis(
					Text.of("Migrations name databases that are not configured:\n  - " + String.join("\n  - ", unknown)
							+ "\nThe configured databases (migrate.databases, migrate.tenants.database) are "
							+ databases + "."),
					Text.of("Nothing was changed in any database."),
					Text.of("Configure each database under migrate.databases.<name> (data-source or url), name the"
							+ " tenants' migrations with migrate.tenants.database, or correct the database attribute of"
							+ " @Migration; leave it empty for the primary database.")));
		}
	}

	/**
	 * Where a database keeps its history: two databases must not share one.
	 *
	 * @param database the database's name
	 * @param dataSource the DataSource, or the URL where there is no bean
	 * @param schema the schema of the history table, or {@code null} for the default
	 * @param table the history table
	 */
	record HistoryLocation(String database, Object dataSource, @Nullable String schema, String table) {

		boolean sameAs(HistoryLocation other) {
			return sameDataSource(this.dataSource, other.dataSource)
					&& Objects.equals(lower(this.schema), lower(other.schema))
					&& this.table.equalsIgnoreCase(other.table);
		}

		private static boolean sameDataSource(Object one, Object other) {
			if (one instanceof DataSource && other instanceof DataSource) {
				return one == other;
			}
			return one.equals(other);
		}

		private static @Nullable String lower(@Nullable String name) {
			return (name != null) ? name.toLowerCase(Locale.ROOT) : null;
		}

		String describe() {
			return ((this.schema != null) ? this.schema + "." : "") + this.table;
		}

	}

	static void checkHistoriesDistinct(List<HistoryLocation> locations) {
		List<String> shared = new ArrayList<>();
		for (int i = 0; i < locations.size(); i++) {
			for (int j = i + 1; j < locations.size(); j++) {
				if (locations.get(i).sameAs(locations.get(j))) {
					shared.add("'" + locations.get(i).database() + "' and '" + locations.get(j).database()
							+ "' both keep their history in " + locations.get(i).describe()
							+ " of the same DataSource");
				}
			}
		}
		if (!shared.isEmpty()) {
			throw new MigrateConfigurationException(new Diagnosis(
					Text.of("Two databases share one history table:\n  - " + String.join("\n  - ", shared) + "."),
					Text.of("Nothing was changed in any database."),
					Text.of("Give each its own history table (migrate.databases.<name>.table, or migrate.table for"
							+ " the primary database) or schema, or point them at different databases.")));
		}
	}

}
