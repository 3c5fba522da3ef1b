CREATE TABLE book (id INT PRIMARY KEY, title VARCHAR(100) NOT NULL);
INSERT INTO book (id, title) VALUES (1, 'Seeded by Flyway');
