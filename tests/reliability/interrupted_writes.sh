#!/usr/bin/env bash
# Crash safety of a write. COMMAND (import, load or undo, over ROWS tariff lines) is stopped at
# KILLS moments drawn at random, with a fixed seed, from the length of an uninterrupted run:
# first with SIGKILL, then with SIGINT. After each stop the store passes PRAGMA
# integrity_check, opens, and holds everything the command writes or nothing of it. A SIGINT
# that finds tradewatch's handler in place also has it say that it was interrupted, exit 130
# and leave the store file byte for byte as it was past SQLite's header (unless it had finished
# before the signal).
#
# usage: interrupted_writes.sh TRADEWATCH_BINARY import|load|undo ROWS [KILLS]
set -u
binary=$(realpath "$1")
command=$2
rows=$3
kills=${4:-20}

source "$(dirname "$0")/common.sh"
pid=
at_exit '[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null'
fail_context="$command: "
tw() { "$binary" -q "$@"; }

# What a store holds, in counts that any partial write would change.
state() {
  sqlite3 "$1" "SELECT (SELECT count(*) FROM changesets) || ' changesets, ' ||
                       (SELECT count(*) FROM measures) || ' measures, ' ||
                       (SELECT count(*) FROM measure_versions) || ' measure versions, ' ||
                       (SELECT count(*) FROM tariff_lines) || ' line versions, ' ||
                       (SELECT count(*) FROM tariff_lines WHERE superseded_in IS NULL) || ' current'"
}

# ROWS lines of US duties on Chinese goods, over 1000 measures.
awk -v n="$rows" 'BEGIN {
  print "measure,imposer,origin,hs,authority,rate,from"
  for (i = 0; i < n; i++) printf "m%04d,US,CN,%d,Section 301,25%%,2018-07-06\n", i % 1000, 1000000000 + i
}' >lines.csv

# before.db: the store the command starts from; run: the command.
tw --db before.db init || fail "init"
case $command in
import)
  tw --db before.db add act --id review --imposer US --title "Four-year review" || fail "add act"
  run=(import lines.csv)
  RANDOM=1
  ;;
undo)
  tw --db before.db import lines.csv || fail "import"
  run=(undo)
  RANDOM=2
  ;;
load)
  tw --db full.db init && tw --db full.db import lines.csv && tw --db full.db dump dump || fail "dump"
  rm -f full.db
  run=(load dump)
  RANDOM=3
  ;;
*)
  fail "unknown command"
  ;;
esac
before=$(state before.db)

# An uninterrupted run: what "everything" is, and how long the command takes.
cp before.db store.db
start=$(date +%s%N)
tw --db store.db "${run[@]}" >/dev/null || fail "the uninterrupted run failed"
duration_ms=$((($(date +%s%N) - start) / 1000000 + 1))
after=$(state store.db)
[ "$before" != "$after" ] || fail "the command changed nothing"
echo "$command of $rows rows: ${duration_ms} ms; before: $before; after: $after"

for signal in KILL INT; do
  nothing=0 everything=0 finished=0 said=0
  for ((i = 1; i <= kills; i++)); do
    rm -f store.db store.db-wal store.db-shm
    cp before.db store.db
    delay=$(((RANDOM * 32768 + RANDOM) % duration_ms))
    # A script's background job starts with SIGINT ignored, which tradewatch respects.
    env --default-signal=INT "$binary" -q --db store.db "${run[@]}" >out 2>err &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    # Whether tradewatch had its SIGINT handler in place (bit 2 of the caught-signal mask): a
    # signal that comes before it, while a slow start-up is still loading, ends it silently.
    mask=$(sed -n 's/^SigCgt:[[:space:]]*//p' "/proc/$pid/status" 2>/dev/null)
    caught=$((${mask:+16#$mask} + 0 & 2))
    kill -s "$signal" "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    status=$?
    pid=
    where="SIG$signal after $delay ms (exit $status)"
    if [ "$signal" = INT ] && [ "$status" = 130 ]; then
      if [ -s err ]; then
        [ "$(cat err)" = "tradewatch: error: interrupted: nothing was written to the store" ] ||
          fail "$where: it said: $(cat err)"
        ((++said))
      elif ((caught)); then
        fail "$where: it ended without a word"
      fi # else the signal came before tradewatch could catch it
      # Past the 100-byte header, in which SQLite counts the changes of journal mode that a
      # bulk write into new pages makes (store::RollbackJournal); the log must be back.
      cmp -s -i 100 before.db store.db || fail "$where: the store file changed"
      [ "$(sqlite3 store.db 'PRAGMA journal_mode')" = wal ] || fail "$where: the store was left without its log"
    elif [ "$status" != 0 ] && { [ "$signal" = INT ] || [ "$status" != 137 ]; }; then
      fail "$where: $(cat err)"
    fi
    # A read first: after a SIGKILL it meets what the write left, a journal to roll back.
    "$binary" --db store.db log --limit 1 >/dev/null 2>err || fail "$where: the store does not open: $(cat err)"
    integrity=$(sqlite3 store.db "PRAGMA integrity_check" 2>&1)
    [ "$integrity" = ok ] || fail "$where: integrity_check: $integrity"
    now=$(state store.db)
    if [ "$status" = 0 ]; then
      ((++finished))
      [ "$now" = "$after" ] || fail "$where: it finished, and the store holds $now"
    elif [ "$now" = "$before" ]; then
      ((++nothing))
    elif [ "$now" = "$after" ]; then
      ((++everything))
    else
      fail "$where: the store holds part of the command's writes: $now"
    fi
  done
  echo "SIG$signal at $kills moments: $nothing stopped with nothing written, $everything stopped with everything written, $finished finished before the signal"
  # Without a handler every SIGINT ends it silently; a run of seconds leaves it time to start.
  if [ "$signal" = INT ] && ((duration_ms > 2000 && said == 0)); then
    fail "no SIGINT found tradewatch ready to say that it was interrupted"
  fi
done
