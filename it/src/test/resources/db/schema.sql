-- The app's schema, for an app that does not migrate its own.
CREATE TABLE colours (
  id INT PRIMARY KEY,
  name VARCHAR(20) NOT NULL
);
INSERT INTO colours VALUES (1, 'red'), (2, 'green');
