-- Forgets the table: only the snapshot can tell (a statement every database accepts).
DELETE FROM tags;
