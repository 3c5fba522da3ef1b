DROP TABLE sql_notes;
