-- The baseline of the change report in `make bench`: the tariff changes in force between
-- :from and :to (both inclusive) of :imposer's measures, in one statement, as
-- `report changes --by effective` finds them: a version that starts in the period is a change
-- when the line's version ending that day had another rate, an addition when none did; a
-- version that ends in the period with none starting that day is an ending. Changes alike but
-- for the product code are one row. Starts and ends are two selections joined by UNION ALL
-- and merged by GROUP BY (a FULL OUTER JOIN of dated selections is far slower in SQLite);
-- the neighbour of a version is looked up by code and origin, not among the whole measure.
WITH current AS (
  SELECT l.measure_id, l.origin, l.hs, l.company, l.rate, l.heading, l.act_id, l.end_act_id, l.valid_from,
         l.valid_to, mv.imposer, mv.authority
  FROM tariff_lines l
  JOIN measure_versions mv ON mv.measure_id = l.measure_id AND mv.superseded_in IS NULL
  WHERE l.superseded_in IS NULL AND mv.imposer = :imposer
),
events AS (
  SELECT a.imposer, a.origin, a.authority, a.valid_from AS effective, a.measure_id, a.company,
         CASE WHEN p.rate IS NULL THEN 'added' ELSE 'changed' END AS kind, p.rate AS old_rate, a.rate AS new_rate,
         a.act_id AS act, a.heading, a.hs
  FROM current a
  LEFT JOIN tariff_lines p INDEXED BY tariff_lines_by_code ON p.hs = a.hs AND p.origin = a.origin AND p.measure_id = a.measure_id
                           AND p.company = a.company AND p.valid_to = a.valid_from AND p.superseded_in IS NULL
  WHERE a.valid_from BETWEEN :from AND :to AND (p.rate IS NULL OR p.rate <> a.rate)
  UNION ALL
  SELECT a.imposer, a.origin, a.authority, a.valid_to, a.measure_id, a.company, 'ended', a.rate, NULL,
         a.end_act_id, a.heading, a.hs
  FROM current a
  WHERE a.valid_to BETWEEN :from AND :to
    AND NOT EXISTS (SELECT 1 FROM tariff_lines n INDEXED BY tariff_lines_by_code WHERE n.hs = a.hs AND n.origin = a.origin
                    AND n.measure_id = a.measure_id AND n.company = a.company AND n.valid_from = a.valid_to
                    AND n.superseded_in IS NULL)
)
SELECT effective, measure_id AS measure, origin, authority, kind, old_rate, new_rate, count(*) AS codes,
       min(hs) AS first_code, act, heading
FROM events
GROUP BY imposer, origin, authority, effective, measure_id, company, kind, old_rate, new_rate, act, heading
ORDER BY imposer, origin, authority, effective, measure_id;
