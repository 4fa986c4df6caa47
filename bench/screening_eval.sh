#!/usr/bin/env bash
# Recall and precision of `screen` on the evaluation set in tests/data/screening/.
#
# usage: screening_eval.sh TRADEWATCH [--tiny]
#
# Imports the evaluation listings into a fresh store, screens every case with --limit 1, and
# counts, at the default threshold and at others: a true positive when the best match is the
# listing the case names; a false positive when a reported match is any other listing (every
# match of a near-miss is one); recall = TP / cases with a listing, precision = TP / (TP + FP).
# --tiny takes every tenth case, for `make test`, and fails unless recall ≥ 0.95 and
# precision ≥ 0.9 at the default threshold.
set -euo pipefail
tradewatch=$(realpath "$1")
tiny=${2:-}
data=$(cd "$(dirname "$0")/../tests/data/screening" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TRADEWATCH_DB=$work/eval.db

"$tradewatch" -q init
"$tradewatch" -q import "$data/listings.ndjson"
if [ "$tiny" = --tiny ]; then
  awk 'NR == 1 || NR % 10 == 2' "$data/cases.csv" >"$work/cases.csv"
else
  cp "$data/cases.csv" "$work/cases.csv"
fi
# Every best match from score 50 up, so that other thresholds can be counted from one run.
"$tradewatch" --format csv screen --batch "$work/cases.csv" --column input --limit 1 --threshold 50 \
  --on 2025-01-01 >"$work/matches.csv"
"$tradewatch" --format json screen probe >"$work/probe.json"
default=$(sqlite3 :memory: "SELECT json_extract(readfile('$work/probe.json'), '\$.threshold')")

sqlite3 -batch "$work/eval.sqlite" <<SQL
.import --csv $work/cases.csv cases
.import --csv $work/matches.csv matches
CREATE TABLE thresholds (t INTEGER);
INSERT INTO thresholds VALUES (60), (65), (70), (75), (80), (85), (90), (95);
CREATE VIEW outcome AS
SELECT c.input, c.expected, c.kind, m.id, CAST(m.score AS INTEGER) AS score
FROM cases c LEFT JOIN matches m ON m.input = c.input;
CREATE VIEW metrics AS
SELECT t, sum(expected <> '' AND id = expected AND score >= t) AS tp,
       sum(id IS NOT NULL AND id <> expected AND score >= t) AS fp,
       sum(expected <> '') AS positives, count(*) AS cases
FROM thresholds, outcome GROUP BY t;
.mode list
.separator " "
SELECT printf('cases: %d (%d with a listing to find, %d near-misses); listings: %d', cases, positives,
              cases - positives, (SELECT count(*) FROM (SELECT DISTINCT expected FROM cases WHERE expected <> '')))
FROM metrics LIMIT 1;
SELECT printf('threshold %d%s: recall %.3f  precision %.3f  (TP %d, FP %d, FN %d)', t,
              CASE WHEN t = $default THEN ' (default)' ELSE '' END, 1.0 * tp / positives,
              CASE WHEN tp + fp = 0 THEN 1.0 ELSE 1.0 * tp / (tp + fp) END, tp, fp, positives - tp)
FROM metrics ORDER BY t;
SELECT 'missed at the default threshold, by kind:';
SELECT printf('  %s: %d of %d', kind, sum(id IS NULL OR id <> expected OR score < $default), count(*))
FROM outcome WHERE expected <> '' GROUP BY kind ORDER BY kind;
SELECT 'false positives at the default threshold, by kind:';
SELECT printf('  %s: %d of %d', kind, sum(id IS NOT NULL AND id <> expected AND score >= $default), count(*))
FROM outcome GROUP BY kind ORDER BY kind;
SQL

if [ "$tiny" = --tiny ]; then
  sqlite3 -batch "$work/eval.sqlite" "SELECT 1.0 * tp / positives >= 0.95 AND tp >= 0.9 * (tp + fp) FROM metrics
                                     WHERE t = $default" | grep -qx 1 || {
    echo "screening_eval: recall or precision below target at the default threshold" >&2
    exit 1
  }
fi
