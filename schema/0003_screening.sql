-- tradewatch store, schema version 3: the indexes `screen` finds candidate listings with.
--
-- Each holds, for every row of listings (rowid = row_id), tw_screen_text(name, aliases): the
-- canonical tokens of the name and of each alias, one name a line (src/screen/normalize.hpp).
-- The word index finds listings by whole tokens of any length, Han characters included, and
-- counts the listings with each token (screening_word_counts); the trigram index finds them
-- by parts of tokens, for misspellings. A trigger fills both on every insert into listings,
-- whichever code makes it (the repository, import, load), in the same transaction, so they
-- cannot fall behind; a writer without tw_screen_text fails instead of skipping them. Rows of
-- listings are never deleted, and their names never changed in place, which the last
-- trigger enforces, so the indexes need no other maintenance.
CREATE VIRTUAL TABLE screening_words USING fts5 (names, tokenize = 'unicode61 remove_diacritics 0', content = '',
                                                  detail = 'none');
CREATE VIRTUAL TABLE screening_word_counts USING fts5vocab (screening_words, 'row');
CREATE VIRTUAL TABLE screening_trigrams USING fts5 (names, tokenize = 'trigram', content = '');

CREATE TRIGGER listings_screening_index AFTER INSERT ON listings
BEGIN
  INSERT INTO screening_words (rowid, names) VALUES (new.row_id, tw_screen_text(new.name, new.aliases));
  INSERT INTO screening_trigrams (rowid, names) VALUES (new.row_id, tw_screen_text(new.name, new.aliases));
END;

CREATE TRIGGER listings_names_unchanged BEFORE UPDATE OF name, aliases ON listings
BEGIN
  SELECT RAISE (ABORT, 'listing names are not changed in place: record a new version');
END;

INSERT INTO screening_words (rowid, names) SELECT row_id, tw_screen_text(name, aliases) FROM listings;
INSERT INTO screening_trigrams (rowid, names) SELECT row_id, tw_screen_text(name, aliases) FROM listings;
