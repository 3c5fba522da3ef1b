-- Forgets the table: only the snapshot can tell.
DROP INDEX IF EXISTS tags_id;
