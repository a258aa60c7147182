-- Seed rows whose ids come from a sequence, and a foreign key to them: a reset must put both back and leave the
-- sequence where it was, so the app's next row gets the next id.
CREATE TABLE tags (
  id   SERIAL PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE tag_uses (
  tag_id INT NOT NULL REFERENCES tags (id),
  used_by TEXT NOT NULL
);
INSERT INTO tags (name) VALUES ('new'), ('sale');
INSERT INTO tag_uses VALUES (2, 'seed');
