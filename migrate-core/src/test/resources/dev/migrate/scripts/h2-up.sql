-- Notes; with Java functions whose source has semicolons.
CREATE TABLE script_notes (id INT PRIMARY KEY, note VARCHAR(100));
INSERT INTO script_notes VALUES (1, 'semi;colon'), (2, 'it''s'); /* a comment; with a semicolon */
INSERT INTO script_notes VALUES (3, 'back\slash;');
CREATE ALIAS script_next_id AS $$
int nextId(java.sql.Connection connection) throws java.sql.SQLException {
	try (java.sql.ResultSet rs = connection.createStatement().executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM script_notes")) {
		rs.next();
		return rs.getInt(1);
	}
}
$$;
CREATE ALIAS script_label AS $$
String label(int n) {
	return "note;" + n + "$" + "$";
}
$$;
