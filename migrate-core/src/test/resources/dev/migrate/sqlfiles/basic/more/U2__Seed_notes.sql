DELETE FROM sql_notes WHERE id IN (2, 3);
