CREATE INDEX sql_notes_note ON sql_notes (note);
