# Notes; with a procedure whose body has semicolons.
CREATE TABLE script_notes (id INT PRIMARY KEY, note VARCHAR(100));
INSERT INTO script_notes VALUES (1, 'semi;colon'), (2, 'it''s'); /* a comment; with a semicolon */
INSERT INTO script_notes VALUES (3, 'back\\slash;');
DELIMITER //
CREATE FUNCTION script_next_id() RETURNS INT READS SQL DATA
BEGIN
	DECLARE next_id INT;
	SELECT COALESCE(MAX(id), 0) + 1 INTO next_id FROM script_notes;
	RETURN next_id;
END//
CREATE FUNCTION script_label(n INT) RETURNS VARCHAR(20) DETERMINISTIC
BEGIN
	RETURN CONCAT('note;', n, '$$');
END//
DELIMITER ;
