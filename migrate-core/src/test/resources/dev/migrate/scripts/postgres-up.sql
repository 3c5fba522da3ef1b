-- Notes; with a function whose body has semicolons.
CREATE TABLE script_notes (id INT PRIMARY KEY, note VARCHAR(100));
INSERT INTO script_notes VALUES (1, 'semi;colon'), (2, 'it''s'); /* a comment; with a semicolon */
INSERT INTO script_notes VALUES (3, E'back\\slash;');
CREATE FUNCTION script_next_id() RETURNS int AS $$
BEGIN
	RETURN (SELECT COALESCE(MAX(id), 0) + 1 FROM script_notes);
END;
$$ LANGUAGE plpgsql;
CREATE FUNCTION script_label(n int) RETURNS text AS $body$
	SELECT 'note;' || n || '$$';
$body$ LANGUAGE sql;
