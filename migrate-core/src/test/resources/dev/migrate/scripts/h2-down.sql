DROP ALIAS script_label;
DROP ALIAS script_next_id;
DROP TABLE script_notes;
