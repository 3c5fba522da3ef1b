CREATE TABLE invoices (id INT PRIMARY KEY, order_id INT);
