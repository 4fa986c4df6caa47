#!/usr/bin/env bash
# Concurrent use of one store. 8 processes each run 50 `add tariff` at once while another
# runs `report summary` in a loop: every addition is there afterwards, each its own
# changeset, and nobody saw an error. Then a writer that waits past the busy timeout
# (TRADEWATCH_BUSY_TIMEOUT=1, while sqlite3 holds the write lock) exits 75 saying that the
# store is busy, and one that waits less gets its turn.
#
# usage: concurrent_writers.sh TRADEWATCH_BINARY [WRITERS] [ADDS]
set -u
binary=$(realpath "$1")
writers=${2:-8}
adds=${3:-50}

source "$(dirname "$0")/common.sh"
at_exit 'kill -KILL $(jobs -p) 2>/dev/null'
export TRADEWATCH_DB=store.db
tw() { "$binary" "$@"; }
# The checks wait out a closing connection's checkpoint rather than fail on it.
sql() { sqlite3 -cmd ".timeout 10000" store.db "$@"; }

tw -q init || fail "init"

start=$(date +%s%N)
(
  while [ ! -e stop ]; do
    tw report summary --on 2025-06-30 >/dev/null 2>>reports.err || echo "report exit $?" >>reports.err
  done
) &
reporter=$!
for ((w = 1; w <= writers; w++)); do
  (
    for ((i = 1; i <= adds; i++)); do
      tw -q add tariff --id "w$w-$i" --imposer US --origin CN --hs "$((8000 + w)).$((10 + i))" \
        --authority "Section 301" --rate "$i%" --from 2025-01-01 2>>"writer$w.err" ||
        echo "add exit $?" >>"writer$w.err"
    done
  ) &
done
wait $(jobs -p | grep -vx "$reporter")
touch stop
wait "$reporter"
echo "$((writers * adds)) additions by $writers writers beside a reporting loop: $((($(date +%s%N) - start) / 1000000)) ms"

for file in writer*.err reports.err; do
  [ ! -s "$file" ] || fail "$file: $(head -5 "$file")"
done
total=$((writers * adds))
counts=$(sql "SELECT (SELECT count(*) FROM measures), (SELECT count(*) FROM tariff_lines),
                                  (SELECT count(*) FROM changesets),
                                  (SELECT count(*) FROM (SELECT recorded_in FROM measure_versions
                                                         GROUP BY recorded_in HAVING count(*) = 1))")
[ "$counts" = "$total|$total|$total|$total" ] ||
  fail "expected $total measures, lines, changesets and changesets of one measure each; got $counts"
[ "$(sql "PRAGMA integrity_check")" = ok ] || fail "integrity_check"

# sqlite3 holds the write lock until told to commit.
mkfifo hold
sqlite3 store.db <hold &
holder=$!
exec 3>hold
printf "BEGIN IMMEDIATE;\n.system touch held\n" >&3
for ((i = 0; i < 1000; i++)); do
  [ -e held ] && break
  sleep 0.01
done
[ -e held ] || fail "sqlite3 did not take the write lock"
cp store.db before.db

start=$(date +%s%N)
TRADEWATCH_BUSY_TIMEOUT=1 tw -q add act --id late --imposer US --title "Too late" >out 2>err
status=$?
waited=$((($(date +%s%N) - start) / 1000000))
[ "$status" = 75 ] || fail "a writer past the busy timeout exited $status: $(cat err)"
expected="tradewatch: error: the store is busy: another tradewatch is writing to it
hint: try again in a moment; a writer waits up to 1 second for another (set TRADEWATCH_BUSY_TIMEOUT to wait longer)"
[ "$(cat err)" = "$expected" ] || fail "a busy writer said: $(cat err)"
((waited >= 1000)) || fail "a busy writer gave up after $waited ms, before its timeout"
cmp -s before.db store.db || fail "the busy writer changed the store"
echo "a writer past the busy timeout: exit 75 after $waited ms"

# A writer within its timeout waits for the lock and then writes.
TRADEWATCH_BUSY_TIMEOUT=30 tw -q add act --id patient --imposer US --title "Waits its turn" 2>err &
patient=$!
sleep 1
echo "COMMIT;" >&3
exec 3>&-
wait "$patient" || fail "a writer within its timeout failed: $(cat err)"
wait "$holder"
[ "$(sql "SELECT count(*) FROM acts WHERE id IN ('late', 'patient')")" = 1 ] ||
  fail "the patient writer's act is missing, or the late one's is there"
