-- tradewatch store, schema version 2: listings, control and other lines, exclusive stacking
-- groups, declared entity counts on acts, undo links between changesets, and tariff lines on
-- all products ('*').

ALTER TABLE changesets ADD COLUMN undoes INTEGER REFERENCES changesets (id); -- set by `undo`

-- Entities an act declares it adds to or removes from a list, by country: 'CN=37;RU=3'.
ALTER TABLE act_versions ADD COLUMN added TEXT;
ALTER TABLE act_versions ADD COLUMN removed TEXT;

-- Stacking groups the measure belongs to, with its priority in each: 'eo-14257:2 eo-14289:2'.
ALTER TABLE measure_versions ADD COLUMN exclusive_groups TEXT;

-- Rebuilt to allow hs = '*' (all products); SQLite cannot alter a CHECK constraint.
DROP VIEW v_tariff_lines;
DROP VIEW v_tariff_line_versions;
CREATE TABLE tariff_lines_v2 (
  row_id           INTEGER PRIMARY KEY,
  measure_id       TEXT NOT NULL REFERENCES measures (id),
  origin           TEXT NOT NULL,              -- ISO 3166-1 alpha-2, EU or *
  hs               TEXT NOT NULL CHECK (hs = '*' OR length(hs) BETWEEN 2 AND 10), -- digits, or * for all
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
INSERT INTO tariff_lines_v2 SELECT * FROM tariff_lines;
DROP TABLE tariff_lines;
ALTER TABLE tariff_lines_v2 RENAME TO tariff_lines;
CREATE INDEX tariff_lines_by_code ON tariff_lines (hs, origin);
CREATE INDEX tariff_lines_by_measure ON tariff_lines (measure_id);

-- A restricted-party listing is a measure of kind 'listing' with one entry; its versions
-- record additions, modifications, delistings (valid_to) and re-listings.
CREATE TABLE listings (
  row_id              INTEGER PRIMARY KEY,
  measure_id          TEXT NOT NULL REFERENCES measures (id),
  list_name           TEXT NOT NULL,            -- Entity List, SDN, …
  name                TEXT NOT NULL,
  aliases             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),   -- JSON array of text
  entity_type         TEXT NOT NULL CHECK (entity_type IN ('entity', 'individual', 'vessel', 'aircraft')),
  country             TEXT,                     -- ISO 3166-1 alpha-2; NULL when the source gives none
  addresses           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(addresses)), -- JSON array of text
  license_requirement TEXT,
  license_policy      TEXT,
  source_key          TEXT,                     -- the source's own key (CSL: source + entity number)
  act_id              TEXT REFERENCES acts (id),
  end_act_id          TEXT REFERENCES acts (id),
  note                TEXT,
  valid_from          TEXT NOT NULL,
  valid_to            TEXT CHECK (valid_to IS NULL OR valid_to > valid_from),
  recorded_in         INTEGER NOT NULL REFERENCES changesets (id),
  superseded_in       INTEGER REFERENCES changesets (id)
) STRICT;
CREATE INDEX listings_by_measure ON listings (measure_id);
CREATE INDEX listings_by_list ON listings (list_name, country);
CREATE INDEX listings_by_source_key ON listings (source_key) WHERE source_key IS NOT NULL;

-- Lines of 'control' measures (a requirement on exports or imports of products to or from a
-- partner) and of 'other' measures (free text, no requirement).
CREATE TABLE control_lines (
  row_id        INTEGER PRIMARY KEY,
  measure_id    TEXT NOT NULL REFERENCES measures (id),
  partner       TEXT NOT NULL,                  -- ISO 3166-1 alpha-2, EU or *
  hs            TEXT NOT NULL CHECK (hs = '*' OR length(hs) BETWEEN 2 AND 10),
  direction     TEXT CHECK (direction IN ('export', 'import')),
  requirement   TEXT CHECK (requirement IN ('licence', 'ban', 'quota')), -- NULL for 'other'
  quota         TEXT,                           -- the quota, as the act states it
  description   TEXT,                           -- the free text of an 'other' measure
  act_id        TEXT REFERENCES acts (id),
  end_act_id    TEXT REFERENCES acts (id),
  note          TEXT,
  valid_from    TEXT NOT NULL,
  valid_to      TEXT CHECK (valid_to IS NULL OR valid_to > valid_from),
  recorded_in   INTEGER NOT NULL REFERENCES changesets (id),
  superseded_in INTEGER REFERENCES changesets (id)
) STRICT;
CREATE INDEX control_lines_by_code ON control_lines (hs, partner);
CREATE INDEX control_lines_by_measure ON control_lines (measure_id);

-- Views, redefined with the new columns.

DROP VIEW v_changesets;
CREATE VIEW v_changesets AS
SELECT id, recorded_at, author, reason, command, undoes FROM changesets;

DROP VIEW v_acts;
CREATE VIEW v_acts AS
SELECT act_id AS id, imposer, title, citation, document_number, url, announced, published, added, removed
FROM act_versions WHERE superseded_in IS NULL;

DROP VIEW v_measures;
CREATE VIEW v_measures AS
SELECT m.id, m.kind, v.imposer, v.authority, v.act_id AS act, v.title, v.announced, v.note, v.exclusive_groups
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

CREATE VIEW v_listing_versions AS
SELECT l.row_id AS version, l.measure_id AS id, mv.imposer, mv.authority, l.list_name AS list, l.name,
       (SELECT group_concat(value, '; ') FROM json_each(l.aliases)) AS aliases, l.entity_type AS type,
       l.country, (SELECT group_concat(value, '; ') FROM json_each(l.addresses)) AS addresses,
       l.license_requirement, l.license_policy, l.source_key, l.act_id AS act, a.citation,
       l.end_act_id AS end_act, l.note, l.valid_from, l.valid_to,
       l.recorded_in, rc.recorded_at, l.superseded_in, sc.recorded_at AS superseded_at
FROM listings l
JOIN measure_versions mv ON mv.measure_id = l.measure_id AND mv.superseded_in IS NULL
LEFT JOIN act_versions a ON a.act_id = l.act_id AND a.superseded_in IS NULL
JOIN changesets rc ON rc.id = l.recorded_in
LEFT JOIN changesets sc ON sc.id = l.superseded_in;

CREATE VIEW v_listings AS
SELECT id, imposer, authority, list, name, aliases, type, country, addresses, license_requirement,
       license_policy, source_key, act, citation, end_act, note, valid_from, valid_to, recorded_in, recorded_at
FROM v_listing_versions WHERE superseded_in IS NULL;

CREATE VIEW v_control_line_versions AS
SELECT l.row_id AS version, l.measure_id AS measure, m.kind, mv.imposer, mv.authority, l.partner, l.hs,
       l.direction, l.requirement, l.quota, l.description, l.act_id AS act, a.citation,
       l.end_act_id AS end_act, l.note, l.valid_from, l.valid_to,
       l.recorded_in, rc.recorded_at, l.superseded_in, sc.recorded_at AS superseded_at
FROM control_lines l
JOIN measures m ON m.id = l.measure_id
JOIN measure_versions mv ON mv.measure_id = l.measure_id AND mv.superseded_in IS NULL
LEFT JOIN act_versions a ON a.act_id = l.act_id AND a.superseded_in IS NULL
JOIN changesets rc ON rc.id = l.recorded_in
LEFT JOIN changesets sc ON sc.id = l.superseded_in;

CREATE VIEW v_control_lines AS
SELECT measure, kind, imposer, authority, partner, hs, direction, requirement, quota, description, act,
       citation, end_act, note, valid_from, valid_to, recorded_in, recorded_at
FROM v_control_line_versions WHERE superseded_in IS NULL;
