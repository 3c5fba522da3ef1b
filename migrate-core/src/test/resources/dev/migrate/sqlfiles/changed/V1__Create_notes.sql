-- Notes; the first SQL-file migration, edited after it was applied.
CREATE TABLE sql_notes (id INT PRIMARY KEY, note VARCHAR(200));
INSERT INTO sql_notes VALUES (1, 'first;note');
