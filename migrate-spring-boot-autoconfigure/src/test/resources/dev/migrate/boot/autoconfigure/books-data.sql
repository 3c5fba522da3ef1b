-- Fails unless migration 1 created the book table first.
INSERT INTO book (id, title) VALUES (2, 'Inserted by data.sql');
