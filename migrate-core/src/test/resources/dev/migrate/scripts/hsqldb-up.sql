-- Notes; with functions.
CREATE TABLE script_notes (id INT PRIMARY KEY, note VARCHAR(100));
INSERT INTO script_notes VALUES (1, 'semi;colon'), (2, 'it''s'); /* a comment; with a semicolon */
INSERT INTO script_notes VALUES (3, 'back\slash;');
CREATE FUNCTION script_next_id() RETURNS INT READS SQL DATA
	RETURN (SELECT COALESCE(MAX(id), 0) + 1 FROM script_notes);
CREATE FUNCTION script_label(n INT) RETURNS VARCHAR(20)
	RETURN 'note;' || CAST(n AS VARCHAR(5)) || '$$';
