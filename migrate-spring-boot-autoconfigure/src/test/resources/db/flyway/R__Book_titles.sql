CREATE OR REPLACE VIEW book_titles AS SELECT title FROM book;
