-- Not a migration: left alone.
SELECT 1;
