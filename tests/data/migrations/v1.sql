PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE changesets (
  id          INTEGER PRIMARY KEY,
  recorded_at TEXT NOT NULL,            -- UTC, YYYY-MM-DDTHH:MM:SSZ
  author      TEXT NOT NULL,
  reason      TEXT NOT NULL DEFAULT '',
  command     TEXT NOT NULL             -- the command line or file that made it
) STRICT;
INSERT INTO changesets VALUES(1,'2025-01-01T00:00:00Z','tester','','tradewatch -q add act --id ustr-301-list1 --imposer US --title ''Section 301 action on China, List 1: 25% under heading 9903.88.01 (U.S. note 20(b)) from 2018-07-06'' --url ''https://www.lexology.com/library/detail.aspx?g=76227385-a7f8-4a62-af5b-b15eec723032''');
INSERT INTO changesets VALUES(2,'2025-01-01T00:00:00Z','tester','','tradewatch -q add act --id ustr-301-review-2024 --imposer US --title ''Section 301 four-year review: modifications'' --citation ''89 FR 76581'' --document-number 2024-21217 --url https://regulations.justia.com/regulations/fedreg/2024/09/18/2024-21217.html --announced 2024-09-13 --published 2024-09-18');
INSERT INTO changesets VALUES(3,'2025-01-01T00:00:00Z','tester','','tradewatch -q add tariff --id us-301-cn-ev --imposer US --origin CN --authority ''Section 301'' --hs 8702.40.31 --hs 8703.80.00 --rate 25% --from 2018-07-06 --heading 9903.88.01 --act ustr-301-list1 --title ''Section 301 on electric vehicles'' --note ''List 1, U.S. note 20(b); confidence high''');
INSERT INTO changesets VALUES(4,'2025-01-01T00:00:00Z','tester','','tradewatch -q amend us-301-cn-ev --from 2024-09-27 --rate 100% --heading 9903.91.03 --act ustr-301-review-2024 --note ''four-year review, U.S. note 31(d); confidence high''');
INSERT INTO changesets VALUES(5,'2025-01-01T00:00:00Z','tester','','tradewatch -q add act --id us-hts-2025 --imposer US --title ''Harmonized Tariff Schedule of the United States, 2025 Basic Edition: column 1 general rates'' --url https://www.htshub.com/us-hs/search/8703.80');
INSERT INTO changesets VALUES(6,'2025-01-01T00:00:00Z','tester','','tradewatch -q add tariff --id us-mfn-8703-80 --imposer US --origin ''*'' --authority MFN --hs 8703.80.00 --rate 2.5% --from 2018-01-01 --act us-hts-2025 --title ''US MFN: vehicles with only electric motors for propulsion'' --note ''HTS 2025 column 1 general rate; the start 2018-01-01 is the start of the sample window, not the rate''\''''s origin; confidence high''');
CREATE TABLE acts (id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
INSERT INTO acts VALUES('us-hts-2025');
INSERT INTO acts VALUES('ustr-301-list1');
INSERT INTO acts VALUES('ustr-301-review-2024');
CREATE TABLE measures (
  id   TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('tariff', 'listing', 'control', 'other'))
) STRICT, WITHOUT ROWID;
INSERT INTO measures VALUES('us-301-cn-ev','tariff');
INSERT INTO measures VALUES('us-mfn-8703-80','tariff');
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
INSERT INTO act_versions VALUES(1,'ustr-301-list1','US','Section 301 action on China, List 1: 25% under heading 9903.88.01 (U.S. note 20(b)) from 2018-07-06',NULL,NULL,'https://www.lexology.com/library/detail.aspx?g=76227385-a7f8-4a62-af5b-b15eec723032',NULL,NULL,1,NULL);
INSERT INTO act_versions VALUES(2,'ustr-301-review-2024','US','Section 301 four-year review: modifications','89 FR 76581','2024-21217','https://regulations.justia.com/regulations/fedreg/2024/09/18/2024-21217.html','2024-09-13','2024-09-18',2,NULL);
INSERT INTO act_versions VALUES(3,'us-hts-2025','US','Harmonized Tariff Schedule of the United States, 2025 Basic Edition: column 1 general rates',NULL,NULL,'https://www.htshub.com/us-hs/search/8703.80',NULL,NULL,5,NULL);
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
INSERT INTO measure_versions VALUES(1,'us-301-cn-ev','US','Section 301','ustr-301-list1','Section 301 on electric vehicles',NULL,NULL,3,NULL);
INSERT INTO measure_versions VALUES(2,'us-mfn-8703-80','US','MFN','us-hts-2025','US MFN: vehicles with only electric motors for propulsion',NULL,NULL,6,NULL);
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
INSERT INTO tariff_lines VALUES(1,'us-301-cn-ev','CN','87024031','','25%',25000,'9903.88.01','ustr-301-list1',NULL,'List 1, U.S. note 20(b); confidence high','2018-07-06',NULL,3,4);
INSERT INTO tariff_lines VALUES(2,'us-301-cn-ev','CN','87038000','','25%',25000,'9903.88.01','ustr-301-list1',NULL,'List 1, U.S. note 20(b); confidence high','2018-07-06',NULL,3,4);
INSERT INTO tariff_lines VALUES(3,'us-301-cn-ev','CN','87024031','','25%',25000,'9903.88.01','ustr-301-list1',NULL,'List 1, U.S. note 20(b); confidence high','2018-07-06','2024-09-27',4,NULL);
INSERT INTO tariff_lines VALUES(4,'us-301-cn-ev','CN','87024031','','100%',100000,'9903.91.03','ustr-301-review-2024',NULL,'four-year review, U.S. note 31(d); confidence high','2024-09-27',NULL,4,NULL);
INSERT INTO tariff_lines VALUES(5,'us-301-cn-ev','CN','87038000','','25%',25000,'9903.88.01','ustr-301-list1',NULL,'List 1, U.S. note 20(b); confidence high','2018-07-06','2024-09-27',4,NULL);
INSERT INTO tariff_lines VALUES(6,'us-301-cn-ev','CN','87038000','','100%',100000,'9903.91.03','ustr-301-review-2024',NULL,'four-year review, U.S. note 31(d); confidence high','2024-09-27',NULL,4,NULL);
INSERT INTO tariff_lines VALUES(7,'us-mfn-8703-80','*','87038000','','2.5%',2500,NULL,'us-hts-2025',NULL,'HTS 2025 column 1 general rate; the start 2018-01-01 is the start of the sample window, not the rate''s origin; confidence high','2018-01-01',NULL,6,NULL);
CREATE INDEX act_versions_by_act ON act_versions (act_id);
CREATE INDEX measure_versions_by_measure ON measure_versions (measure_id);
CREATE INDEX tariff_lines_by_code ON tariff_lines (hs, origin);
CREATE INDEX tariff_lines_by_measure ON tariff_lines (measure_id);
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
COMMIT;
PRAGMA application_id = 1415005000;
PRAGMA user_version = 1;
PRAGMA journal_mode = WAL;
