DROP FUNCTION script_label;
DROP FUNCTION script_next_id;
DROP TABLE script_notes;
