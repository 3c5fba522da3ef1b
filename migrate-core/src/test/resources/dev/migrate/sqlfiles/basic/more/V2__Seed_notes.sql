INSERT INTO sql_notes VALUES (2, 'second'), (3, 'third');
