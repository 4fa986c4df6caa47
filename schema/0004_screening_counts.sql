-- tradewatch store, schema version 4: how many listing versions hold each screening token.
--
-- Screening weighs a token by its rarity, and asks for the count of every token of a name and
-- of its candidates. fts5vocab (schema 3) answered by decoding the token's whole list of
-- listings, which took about 140 µs for a common token; this table answers with one lookup.
-- A trigger keeps it in the same transaction as every insert into listings, like the indexes
-- of schema 3, and rows of listings are never deleted, so it cannot fall behind. The tokens
-- are those of tw_screen_tokens(name, aliases), the same canonical tokens the word index holds.
DROP TABLE screening_word_counts;

CREATE TABLE screening_token_counts (
  term TEXT PRIMARY KEY,
  listings INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER listings_screening_counts AFTER INSERT ON listings
BEGIN
  INSERT INTO screening_token_counts (term, listings)
  SELECT value, 1 FROM json_each(tw_screen_tokens(new.name, new.aliases)) WHERE true
  ON CONFLICT (term) DO UPDATE SET listings = listings + 1;
END;

INSERT INTO screening_token_counts (term, listings)
SELECT value, count(*) FROM listings, json_each(tw_screen_tokens(listings.name, listings.aliases)) GROUP BY value;
