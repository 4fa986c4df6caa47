-- tradewatch store, schema version 1.
--
-- Bitemporal: a row version holds its valid interval [valid_from, valid_to) where the thing
-- has one (NULL valid_to: until further notice), and its record interval: `recorded_in`, the
-- changeset that wrote it, and `superseded_in`, the changeset that replaced it (NULL while
-- current). Rows are never updated except to set `superseded_in`, and never deleted.
-- Dates are ISO 8601 text (YYYY-MM-DD), which sorts as dates do.

CREATE TABLE changesets (
  id          INTEGER PRIMARY KEY,
  recorded_at TEXT NOT NULL,            -- UTC, YYYY-MM-DDTHH:MM:SSZ
  author      TEXT NOT NULL,
  reason      TEXT NOT NULL DEFAULT '',
  command     TEXT NOT NULL             -- the command line or file that made it
) STRICT;

-- Identities, so that versions can name what they are versions of with a foreign key.
CREATE TABLE acts (id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
CREATE TABLE measures (
  id   TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('tariff', 'listing', 'control', 'other'))
) STRICT, WITHOUT ROWID;

CREATE TABLE act_versions (
  row_id          INTEGER PRIMARY KEY,
  act_id          TEXT NOT NULL REFERENCES acts (id),
  imposer         TEXT NOT NULL,
  title           TEXT NOT NULL,
  citation        TEXT,
  document_number TEXT,
  url             TEXT,
  announced       TEXT,
  published       TEXT,
  recorded_in     INTEGER NOT NULL REFERENCES changesets (id),
  superseded_in   INTEGER REFERENCES changesets (id)
) STRICT;
CREATE INDEX act_versions_by_act ON act_versions (act_id);

CREATE TABLE measure_versions (
  row_id        INTEGER PRIMARY KEY,
  measure_id    TEXT NOT NULL REFERENCES measures (id),
  imposer       TEXT NOT NULL,
  authority     TEXT NOT NULL,
  act_id        TEXT REFERENCES acts (id),
  title         TEXT,
  announced     TEXT,
  note          TEXT,
  recorded_in   INTEGER NOT NULL REFERENCES changesets (id),
  superseded_in INTEGER REFERENCES changesets (id)
) STRICT;
CREATE INDEX measure_versions_by_measure ON measure_versions (measure_id);

CREATE TABLE tariff_lines (
  row_id           INTEGER PRIMARY KEY,
  measure_id       TEXT NOT NULL REFERENCES measures (id),
  origin           TEXT NOT NULL,              -- ISO 3166-1 alpha-2, EU or *
  hs               TEXT NOT NULL CHECK (length(hs) BETWEEN 2 AND 10),  -- digits only
  company          TEXT NOT NULL DEFAULT '',   -- '' = all other exporters
  rate             TEXT NOT NULL,              -- canonical rate text, read back exactly
  ad_valorem_milli INTEGER,                    -- its percentage in thousandths; NULL if purely specific
  heading          TEXT,                       -- the tariff heading it is charged under
  act_id           TEXT REFERENCES acts (id),  -- the act behind this version
  end_act_id       TEXT REFERENCES acts (id),  -- the act that ended it
  note             TEXT,
  valid_from       TEXT NOT NULL,
  valid_to         TEXT CHECK (valid_to IS NULL OR valid_to > valid_from),
  recorded_in      INTEGER NOT NULL REFERENCES changesets (id),
  superseded_in    INTEGER REFERENCES changesets (id)
) STRICT;
CREATE INDEX tariff_lines_by_code ON tariff_lines (hs, origin);
CREATE INDEX tariff_lines_by_measure ON tariff_lines (measure_id);

-- The documented views: the stable surface for `query` and check files. They show what is
-- current in record time; *_versions views show every version.

CREATE VIEW v_changesets AS
SELECT id, recorded_at, author, reason, command FROM changesets;

CREATE VIEW v_acts AS
SELECT act_id AS id, imposer, title, citation, document_number, url, announced, published
FROM act_versions WHERE superseded_in IS NULL;

CREATE VIEW v_measures AS
SELECT m.id, m.kind, v.imposer, v.authority, v.act_id AS act, v.title, v.announced, v.note
FROM measures m JOIN measure_versions v ON v.measure_id = m.id AND v.superseded_in IS NULL;

CREATE VIEW v_tariff_line_versions AS
SELECT l.row_id AS version, l.measure_id AS measure, mv.imposer, mv.authority, l.origin, l.hs, l.company,
       l.rate, l.ad_valorem_milli / 1000.0 AS ad_valorem_pct, l.heading, l.act_id AS act,
       a.citation, l.end_act_id AS end_act, l.note, l.valid_from, l.valid_to,
       l.recorded_in, rc.recorded_at, l.superseded_in, sc.recorded_at AS superseded_at
FROM tariff_lines l
JOIN measure_versions mv ON mv.measure_id = l.measure_id AND mv.superseded_in IS NULL
LEFT JOIN act_versions a ON a.act_id = l.act_id AND a.superseded_in IS NULL
JOIN changesets rc ON rc.id = l.recorded_in
LEFT JOIN changesets sc ON sc.id = l.superseded_in;

CREATE VIEW v_tariff_lines AS
SELECT measure, imposer, authority, origin, hs, company, rate, ad_valorem_pct, heading, act, citation,
       end_act, note, valid_from, valid_to, recorded_in, recorded_at
FROM v_tariff_line_versions WHERE superseded_in IS NULL;
