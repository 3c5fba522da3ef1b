-- Notes; the first SQL-file migration.
CREATE TABLE sql_notes (id INT PRIMARY KEY, note VARCHAR(100));
INSERT INTO sql_notes VALUES (1, 'first;note');
