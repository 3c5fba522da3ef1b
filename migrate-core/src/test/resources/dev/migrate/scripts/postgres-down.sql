DROP FUNCTION script_label(int);
DROP FUNCTION script_next_id();
DROP TABLE script_notes;
