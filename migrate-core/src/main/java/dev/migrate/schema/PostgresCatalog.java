package dev.migrate.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.migrate.schema.SchemaObject.Kind;

/**
 * PostgreSQL: check constraints from {@code pg_constraint}, because
 * {@code information_schema} also lists NOT NULL as checks named after object ids; and
 * from the {@code pg_catalog} tables everything the metadata leaves out: triggers (not
 * the internal ones behind foreign keys), functions and procedures, types, extensions,
 * materialized views, comments, column collations, identity and generation, index methods
 * and options, {@code UNLOGGED}, partitioning, row-level security, policies and grants.
 * Objects that belong to an extension are the extension's, not listed one by one.
 */
class PostgresCatalog extends CatalogQueries.InformationSchema {

	private static final String NOT_IN_EXTENSION = " NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep"
			+ " WHERE dep.classid = %s::regclass AND dep.objid = %s AND dep.deptype = 'e')";

	@Override
	List<Check> checkConstraints(Connection connection, String schema) {
		return jdbc(connection).query("""
				SELECT rel.relname, con.conname, pg_get_constraintdef(con.oid)
				FROM pg_catalog.pg_constraint con
				JOIN pg_catalog.pg_class rel ON rel.oid = con.conrelid
				JOIN pg_catalog.pg_namespace nsp ON nsp.oid = con.connamespace
				WHERE con.contype = 'c' AND nsp.nspname = ?""",
				(rs, row) -> new Check(rs.getString(1), rs.getString(2), rs.getString(3)), schema);
	}

	@Override
	boolean isTable(String type) {
		return super.isTable(type) || type.equals("PARTITIONED TABLE");
	}

	@Override
	Set<String> schemaNames(Connection connection) throws SQLException {
		return new TreeSet<>(jdbc(connection).queryForList("SELECT nspname FROM pg_catalog.pg_namespace"
				+ " WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'", String.class));
	}

	@Override
	Map<String, String> tableOptions(Reading reading) {
		Map<String, String> options = new HashMap<>();
		reading.jdbc().query("""
				SELECT c.relname, c.relpersistence, pg_get_partkeydef(c.oid),
					(SELECT p.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
						WHERE i.inhrelid = c.oid AND c.relispartition),
					pg_get_expr(c.relpartbound, c.oid), c.relrowsecurity, c.relforcerowsecurity,
					array_to_string(c.reloptions, ', ')
				FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = ? AND c.relkind IN ('r', 'p')""", (rs) -> {
			StringBuilder text = new StringBuilder();
			if ("u".equals(rs.getString(2))) {
				text.append(" UNLOGGED");
			}
			if (rs.getString(3) != null) {
				text.append(" PARTITION BY ").append(rs.getString(3));
			}
			if (rs.getString(4) != null) {
				text.append(" PARTITION OF ").append(reading.name(rs.getString(4))).append(' ').append(rs.getString(5));
			}
			if (rs.getBoolean(6)) {
				text.append(" ROW LEVEL SECURITY");
			}
			if (rs.getBoolean(7)) {
				text.append(" FORCE ROW LEVEL SECURITY");
			}
			if (rs.getString(8) != null && !rs.getString(8).isEmpty()) {
				text.append(" WITH (").append(rs.getString(8)).append(')');
			}
			if (!text.isEmpty()) {
				options.put(rs.getString(1), text.substring(1));
			}
		}, reading.schema());
		return options;
	}

	@Override
	Map<String, String> columnOptions(Reading reading) {
		Map<String, String> options = new HashMap<>();
		reading.jdbc().query("""
				SELECT c.relname, a.attname, a.attidentity, a.attgenerated, pg_get_expr(d.adbin, d.adrelid),
					CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,
					s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcycle
				FROM pg_catalog.pg_attribute a
				JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
				JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
				JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
				LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
				LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
				LEFT JOIN pg_catalog.pg_depend dep ON dep.refobjid = c.oid AND dep.refobjsubid = a.attnum
					AND dep.deptype = 'i' AND dep.classid = 'pg_catalog.pg_class'::regclass
				LEFT JOIN pg_catalog.pg_sequence s ON s.seqrelid = dep.objid
				WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped""", (rs) -> {
			StringBuilder text = new StringBuilder();
			String identity = rs.getString(3);
			if ("a".equals(identity) || "d".equals(identity)) {
				text.append(" GENERATED ")
					.append("a".equals(identity) ? "ALWAYS" : "BY DEFAULT")
					.append(" AS IDENTITY (")
					.append(sequenceDefinition("", rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
							rs.getBoolean(11)))
					.append(')');
			}
			if ("s".equals(rs.getString(4))) {
				text.append(" GENERATED ALWAYS AS (").append(rs.getString(5)).append(") STORED");
			}
			if (rs.getString(6) != null) {
				text.append(" COLLATE \"").append(rs.getString(6)).append('"');
			}
			if (!text.isEmpty()) {
				options.put(rs.getString(1) + "." + rs.getString(2), text.substring(1));
			}
		}, reading.schema());
		return options;
	}

	@Override
	Map<String, IndexDetail> indexDetails(Reading reading) {
		Map<String, IndexDetail> details = new HashMap<>();
		reading.jdbc().query("""
				SELECT t.relname, i.relname, am.amname, pg_get_indexdef(i.oid)
				FROM pg_catalog.pg_index x
				JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
				JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
				JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
				JOIN pg_catalog.pg_am am ON am.oid = i.relam
				WHERE n.nspname = ?""", (rs) -> {
			String method = rs.getString(3);
			String definition = rs.getString(4);
			int using = definition.indexOf(" USING " + method + " (");
			if (using < 0) {
				return;
			}
			int open = using + (" USING " + method + " ").length();
			int close = closingParenthesis(definition, open);
			String columns = definition.substring(open + 1, close);
			String tail = definition.substring(close + 1);
			details.put(rs.getString(1) + "." + rs.getString(2),
					new IndexDetail(columns, ("btree".equals(method) ? "" : " USING " + method) + tail));
		}, reading.schema());
		return details;
	}

	private static int closingParenthesis(String text, int open) {
		int depth = 0;
		boolean quoted = false;
		for (int i = open; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')' && --depth == 0) {
				return i;
			}
		}
		return text.length() - 1;
	}

	@Override
	List<SchemaObject> objects(Reading reading) {
		List<SchemaObject> objects = new ArrayList<>();
		objects.addAll(triggers(reading));
		objects.addAll(routines(reading));
		objects.addAll(types(reading));
		objects.addAll(extensions(reading));
		objects.addAll(materializedViews(reading));
		objects.addAll(policies(reading));
		objects.addAll(grants(reading));
		objects.addAll(comments(reading));
		return objects;
	}

	/** Leaves out the schema name where the database qualifies objects of this schema. */
	private static String unqualified(Reading reading, String sql) {
		String schema = reading.schema();
		String quoted = schema.matches("[a-z_][a-z0-9_$]*") ? schema : "\"" + schema.replace("\"", "\"\"") + "\"";
		return sql.replace(quoted + ".", "");
	}

	private List<SchemaObject> triggers(Reading reading) {
		return reading.jdbc().query("""
				SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid), t.tgenabled
				FROM pg_catalog.pg_trigger t
				JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
				JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = ? AND NOT t.tgisinternal""", (rs, row) -> {
			String table = reading.name(rs.getString(1));
			String name = reading.local(rs.getString(2));
			String definition = unqualified(reading, rs.getString(3));
			// CREATE [CONSTRAINT] TRIGGER name <timing and events> ON table <the rest>
			int on = definition.indexOf(" ON ");
			int nameEnd = definition.indexOf(' ', definition.indexOf("TRIGGER ") + "TRIGGER ".length());
			String when = (on > nameEnd && nameEnd > 0) ? definition.substring(nameEnd + 1, on) : "";
			int rest = definition.indexOf(' ', on + " ON ".length());
			String runs = (on > 0 && rest > 0) ? definition.substring(rest + 1) : definition;
			if ("D".equals(rs.getString(4))) {
				runs += " (disabled)";
			}
			return object(Kind.TRIGGER, table, "trigger " + table + "." + name,
					"trigger " + name + " on " + table + (when.isEmpty() ? "" : " (" + when + ")"), runs);
		}, reading.schema());
	}

	private List<SchemaObject> routines(Reading reading) {
		return reading.jdbc()
			.query("""
					SELECT p.proname, pg_get_function_identity_arguments(p.oid), p.prokind,
						CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END
					FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
					WHERE n.nspname = ? AND """ + NOT_IN_EXTENSION.formatted("'pg_catalog.pg_proc'", "p.oid"),
					(rs, row) -> {
						String kind = switch (rs.getString(3)) {
							case "p" -> "procedure";
							case "a" -> "aggregate";
							default -> "function";
						};
						String definition = rs.getString(4);
						// The first line repeats the signature, schema-qualified.
						String rest = (definition != null) ? body(definition.substring(definition.indexOf('\n') + 1))
								: "";
						return object(Kind.ROUTINE, null,
								kind + " " + reading.name(rs.getString(1)) + "(" + rs.getString(2) + ")", rest);
					}, reading.schema());
	}

	private List<SchemaObject> types(Reading reading) {
		return reading.jdbc()
			.query("""
					SELECT t.typname, t.typtype,
						(SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
							FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid),
						format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
						(SELECT string_agg('CONSTRAINT ' || quote_ident(con.conname) || ' ' || pg_get_constraintdef(con.oid),
							' ' ORDER BY con.conname) FROM pg_catalog.pg_constraint con WHERE con.contypid = t.oid),
						(SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', '
							ORDER BY a.attnum) FROM pg_catalog.pg_attribute a
							WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped),
						(SELECT format_type(r.rngsubtype, NULL) FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid)
					FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
					WHERE n.nspname = ? AND (t.typtype IN ('e', 'd', 'r')
						OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c'))
						AND """
					+ NOT_IN_EXTENSION.formatted("'pg_catalog.pg_type'", "t.oid"), (rs, row) -> {
						String name = reading.name(rs.getString(1));
						return switch (rs.getString(2)) {
							case "e" -> object(Kind.TYPE, null, "type " + name, "enum type " + name,
									"(" + nullToEmpty(rs.getString(3)) + ")");
							case "d" -> object(Kind.TYPE, null, "type " + name, "domain " + name,
									"AS " + rs.getString(4) + (rs.getBoolean(5) ? " NOT NULL" : "")
											+ ((rs.getString(6) != null) ? " DEFAULT " + rs.getString(6) : "")
											+ ((rs.getString(7) != null) ? " " + rs.getString(7) : ""));
							case "r" -> object(Kind.TYPE, null, "type " + name, "range type " + name,
									"(SUBTYPE = " + rs.getString(9) + ")");
							default -> object(Kind.TYPE, null, "type " + name, "composite type " + name,
									"(" + nullToEmpty(rs.getString(8)) + ")");
						};
					}, reading.schema());
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

	private List<SchemaObject> extensions(Reading reading) {
		return reading.jdbc()
			.query("""
					SELECT e.extname, e.extversion FROM pg_catalog.pg_extension e
					JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE n.nspname = ?""", (rs,
					row) -> object(Kind.EXTENSION, null, "extension " + rs.getString(1), "VERSION " + rs.getString(2)),
					reading.schema());
	}

	private List<SchemaObject> materializedViews(Reading reading) {
		List<SchemaObject> objects = new ArrayList<>();
		Map<String, IndexDetail> details = indexDetails(reading);
		reading.jdbc().query("""
				SELECT c.relname, pg_get_viewdef(c.oid), i.relname, x.indisunique
				FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
				LEFT JOIN pg_catalog.pg_index x ON x.indrelid = c.oid
				LEFT JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
				WHERE n.nspname = ? AND c.relkind = 'm'
				ORDER BY c.relname, i.relname""", (rs) -> {
			String view = reading.name(rs.getString(1));
			if (objects.stream().noneMatch((object) -> object.label().equals("materialized view " + view))) {
				objects.add(object(Kind.MATERIALIZED_VIEW, null, "materialized view " + view,
						"AS " + normalizeSpace(rs.getString(2))));
			}
			if (rs.getString(3) != null) {
				String index = reading.local(rs.getString(3));
				IndexDetail detail = details.get(rs.getString(1) + "." + rs.getString(3));
				String definition = "on " + view + "(" + ((detail != null) ? detail.columns() : "?") + ")"
						+ ((detail != null) ? detail.options() : "");
				objects.add(object(Kind.INDEX, view, "index " + view + "." + index,
						(rs.getBoolean(4) ? "unique index " : "index ") + index, definition));
			}
		}, reading.schema());
		return objects;
	}

	private List<SchemaObject> policies(Reading reading) {
		return reading.jdbc().query("""
				SELECT tablename, policyname, permissive, array_to_string(roles, ', '), cmd, qual, with_check
				FROM pg_catalog.pg_policies WHERE schemaname = ?""", (rs, row) -> {
			String table = reading.name(rs.getString(1));
			return object(Kind.POLICY, table, "policy " + reading.local(rs.getString(2)) + " on " + table,
					"AS " + rs.getString(3) + " FOR " + rs.getString(4) + " TO " + rs.getString(5)
							+ ((rs.getString(6) != null) ? " USING (" + rs.getString(6) + ")" : "")
							+ ((rs.getString(7) != null) ? " WITH CHECK (" + rs.getString(7) + ")" : ""));
		}, reading.schema());
	}

	/**
	 * Privileges that differ from the default of each object: granted to someone other
	 * than the owner, or taken away (such as {@code EXECUTE} on a function from
	 * {@code PUBLIC}). The grantor is left out.
	 */
	private List<SchemaObject> grants(Reading reading) {
		return reading.jdbc()
			.query("""
					WITH objects AS (
						SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
								WHEN 'S' THEN 'sequence' ELSE 'table' END AS kind,
							c.relname AS name, CASE WHEN c.relkind IN ('r', 'p') THEN c.relname END AS tbl,
							c.relowner AS owner, c.relacl AS acl,
							CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char" AS default_kind
						FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
						WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
						UNION ALL
						SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
							p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL,
							p.proowner, p.proacl, 'f'
						FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
						WHERE n.nspname = ? AND """ + NOT_IN_EXTENSION.formatted("'pg_catalog.pg_proc'", "p.oid") + """

					UNION ALL
					SELECT 'type', t.typname, NULL, t.typowner, t.typacl, 'T'
					FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
					WHERE n.nspname = ? AND t.typtype IN ('e', 'd', 'r') AND """
					+ NOT_IN_EXTENSION.formatted("'pg_catalog.pg_type'", "t.oid")
					+ """

								UNION ALL
								SELECT 'schema', n.nspname, NULL, n.nspowner, n.nspacl, 'n'
								FROM pg_catalog.pg_namespace n WHERE n.nspname = ?
							)
							SELECT o.kind, o.name, o.tbl, g.privilege_type,
								CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(g.grantee) END, g.is_grantable, g.granted
							FROM objects o, LATERAL (
								SELECT a.*, true AS granted FROM (
									SELECT privilege_type, grantee, is_grantable
										FROM aclexplode(coalesce(o.acl, acldefault(o.default_kind, o.owner)))
									EXCEPT SELECT privilege_type, grantee, is_grantable
										FROM aclexplode(acldefault(o.default_kind, o.owner))) a
								UNION ALL
								SELECT d.*, false FROM (
									SELECT privilege_type, grantee, is_grantable
										FROM aclexplode(acldefault(o.default_kind, o.owner))
									EXCEPT SELECT privilege_type, grantee, is_grantable
										FROM aclexplode(coalesce(o.acl, acldefault(o.default_kind, o.owner)))) d
							) g""",
					(rs, row) -> {
						String kind = rs.getString(1);
						String name = kind.equals("schema") ? reading.local(rs.getString(2))
								: reading.name(rs.getString(2));
						String table = (rs.getString(3) != null) ? reading.name(rs.getString(3)) : null;
						String privilege = rs.getString(4) + " on " + kind + " " + name;
						String grantee = rs.getString(5);
						String label = rs.getBoolean(7)
								? "grant " + privilege + " to " + grantee
										+ (rs.getBoolean(6) ? " WITH GRANT OPTION" : "")
								: "revoked " + privilege + " from " + grantee;
						return object(Kind.GRANT, table, label, "");
					}, reading.schema(), reading.schema(), reading.schema(), reading.schema());
	}

	private List<SchemaObject> comments(Reading reading) {
		List<SchemaObject> comments = new ArrayList<>();
		reading.jdbc().query("""
				SELECT c.relkind, c.relname, a.attname, d.description,
					(SELECT t.relname FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
						WHERE x.indexrelid = c.oid)
				FROM pg_catalog.pg_description d
				JOIN pg_catalog.pg_class c ON d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid = c.oid
				JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
				LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
				WHERE n.nspname = ?""", (rs) -> {
			String relation = reading.name(rs.getString(2));
			String kind = switch (rs.getString(1)) {
				case "v" -> "view";
				case "m" -> "materialized view";
				case "i", "I" -> "index";
				case "S" -> "sequence";
				case "c" -> "type";
				default -> "table";
			};
			if (rs.getString(3) != null) {
				comments.add(comment(kind.equals("table") ? relation : null,
						"column " + relation + "." + reading.local(rs.getString(3)), rs.getString(4)));
			}
			else if (kind.equals("index")) {
				String table = (rs.getString(5) != null) ? reading.name(rs.getString(5)) : null;
				comments.add(comment(table, "index " + reading.local(rs.getString(2)), rs.getString(4)));
			}
			else {
				comments.add(comment(kind.equals("table") ? relation : null, kind + " " + relation, rs.getString(4)));
			}
		}, reading.schema());
		comments.addAll(reading.jdbc()
			.query("""
					SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, t.typname, d.description
					FROM pg_catalog.pg_description d
					JOIN pg_catalog.pg_type t ON d.classoid = 'pg_catalog.pg_type'::regclass AND d.objoid = t.oid
					JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
					WHERE n.nspname = ? AND """ + NOT_IN_EXTENSION.formatted("'pg_catalog.pg_type'", "t.oid") + """

					UNION ALL
					SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
						p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', d.description
					FROM pg_catalog.pg_description d
					JOIN pg_catalog.pg_proc p ON d.classoid = 'pg_catalog.pg_proc'::regclass AND d.objoid = p.oid
					JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
					WHERE n.nspname = ? AND """ + NOT_IN_EXTENSION.formatted("'pg_catalog.pg_proc'", "p.oid"),
					(rs, row) -> comment(null, rs.getString(1) + " " + reading.name(rs.getString(2)), rs.getString(3)),
					reading.schema(), reading.schema()));
		return comments;
	}

}
