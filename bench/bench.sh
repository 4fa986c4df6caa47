#!/usr/bin/env bash
# `make bench`: measurements that unit and golden tests do not make. One section per thing
# measured; each prints its own heading and figures.
#
# usage: bench.sh TRADEWATCH
set -euo pipefail
tradewatch=$(realpath "$1")
bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Mean wall time in milliseconds of running COMMAND… `runs` times.
mean_ms() {
  local runs=$1
  shift
  local start end
  start=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do
    "$@" >/dev/null
  done
  end=$(date +%s%N)
  echo $(((end - start) / runs / 1000))e-3
}

# --- screening: recall and precision ------------------------------------------------------
echo "== screening: recall and precision (tests/data/screening) =="
bash "$bench/screening_eval.sh" "$tradewatch"
echo

# --- screening: speed over 100,000 listings -------------------------------------------------
echo "== screening: speed over 100,000 listings =="
store=$work/big.db
python3 "$root/tests/data/screening/generate.py" listings 100000 "$work/listings.ndjson"
python3 "$root/tests/data/screening/generate.py" names 10000 "$work/names.txt"
"$tradewatch" --db "$store" -q init
start=$(date +%s%N)
"$tradewatch" --db "$store" -q import "$work/listings.ndjson"
echo "import of 100,000 listings: $((($(date +%s%N) - start) / 1000000)) ms"
name=$(sed -n 5p "$work/names.txt")
# Warm the page cache for both.
sqlite3 "$store" "SELECT name FROM listings WHERE measure_id = 'gen-050000'" >/dev/null
"$tradewatch" --db "$store" screen "$name" >/dev/null
sqlite_ms=$(mean_ms 20 sqlite3 "$store" "SELECT name FROM listings WHERE measure_id = 'gen-050000'")
screen_ms=$(mean_ms 20 "$tradewatch" --db "$store" screen "$name")
echo "sqlite3 CLI, one indexed lookup: $sqlite_ms ms per process (mean of 20)"
echo "tradewatch screen \"$name\": $screen_ms ms per process (mean of 20)"
awk -v s="$sqlite_ms" -v t="$screen_ms" 'BEGIN { printf "ratio: %.2f (target: at most 3)\n", t / s }'
/usr/bin/time -v "$tradewatch" --db "$store" --format csv screen --batch "$work/names.txt" \
  >"$work/batch.csv" 2>"$work/time.txt"
awk -F': ' '/Elapsed \(wall clock\)/ { print "batch of 10,000 names: " $2 " (target: under 20 s)" }
            /Maximum resident set size/ { printf "peak memory: %.1f MB\n", $2 / 1024 }' "$work/time.txt"
# Every other name of the batch is a variant of a listed name: how many found their listing.
sqlite3 -batch "$work/recall.sqlite" <<SQL
.import --csv $work/names.txt.expected expected
.import --csv $work/batch.csv matches
SELECT printf('recall over 100,000 listings: %.3f (%d of %d variants found their listing)',
              1.0 * sum(found) / count(*), sum(found), count(*))
FROM (SELECT EXISTS (SELECT 1 FROM matches m WHERE m.input = e.input AND m.id = e.expected) AS found
      FROM expected e);
SQL
