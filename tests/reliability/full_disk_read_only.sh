#!/usr/bin/env bash
# Writes that the file system refuses. On a full disk (a 1 MiB tmpfs when this runs as root
# and may mount, else a file size limit, `ulimit -f`, which fails writes the same way) an
# import, `dump` and `-o FILE` fail with a clear message and exit 74, and the store file is
# byte for byte as it was. In a read-only directory (as an unprivileged user: root may write
# anywhere) `init`, `-o FILE` and `dump` exit 73, and a write to a store there or to a
# read-only store file exits 74, the store unchanged.
#
# usage: full_disk_read_only.sh TRADEWATCH_BINARY
set -u
binary=$(realpath "$1")

source "$(dirname "$0")/common.sh"
mounted=
at_exit '[ -z "$mounted" ] || umount "$mounted"'
tw() { "$binary" "$@"; }

# expect STATUS MESSAGE_PATTERN COMMAND…: runs COMMAND, which must exit STATUS and print on
# standard error one line `tradewatch: error: …` matching the extended regex.
expect() {
  local status=$1 pattern=$2
  shift 2
  "$@" >out 2>err
  local got=$?
  [ "$got" = "$status" ] || fail "$* exited $got, not $status: $(cat err)"
  grep -Eqx "tradewatch: error: $pattern" err || fail "$*: unexpected message: $(cat err)"
  echo "exit $got: $(head -1 err)"
}

awk 'BEGIN {
  print "measure,imposer,origin,hs,authority,rate,from,note"
  for (i = 0; i < 20000; i++) printf "m%03d,US,CN,%d,Section 301,25%%,2018-07-06,a note to take some room\n", i % 100, 1000000000 + i
}' >lines.csv

# --- a full disk ---
mkdir full
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=1m tmpfs full 2>/dev/null; then
  mounted=$work/full
  limit=() # the file system itself is full
  echo "full disk: a 1 MiB tmpfs"
else
  # Writes past the limit fail with EFBIG, as they would with ENOSPC, once SIGXFSZ is ignored.
  limit=(bash -c 'ulimit -f 512 && trap "" XFSZ && exec "$@"' limited)
  echo "full disk: a file size limit of 512 KiB (mounting a tmpfs needs root)"
fi
tw -q --db full/store.db init && tw -q --db full/store.db add act --id review --imposer US --title "Review" ||
  fail "init on the small disk"
if [ -n "$mounted" ]; then
  # Fill the disk but for a few pages: enough to open the store, not to import into it.
  dd if=/dev/zero of=full/filler bs=4k count=1000 2>/dev/null
  free_kb=$(df -k --output=avail full | tail -1)
  rm full/filler
  dd if=/dev/zero of=full/filler bs=1k count=$((free_kb - 64)) 2>/dev/null
fi
cp full/store.db before.db
expect 74 "store full/store.db: (the disk is full|.*File too large.*)" "${limit[@]}" "$binary" --db full/store.db import lines.csv
# Past the 100-byte header, where SQLite counts the changes of journal mode of a bulk write.
cmp -i 100 full/store.db before.db || fail "the failed import changed the store"
[ "$(sqlite3 full/store.db 'PRAGMA journal_mode')" = wal ] || fail "the failed import left the store without its log"
# Outputs of a store elsewhere, each larger than the room left.
tw -q --db lines.db init && tw -q --db lines.db import lines.csv || fail "import"
expect 74 "cannot write full/lines.csv.*" "${limit[@]}" "$binary" --db lines.db export -o full/lines.csv
expect 74 "cannot write full/dump/.*" "${limit[@]}" "$binary" --db lines.db dump full/dump
expect 74 "cannot write standard output.*" bash -c '"$0" --db lines.db export >/dev/full' "$binary"
[ "$(tw --db full/store.db query "SELECT count(*) FROM v_acts")" = "count(*)
1" ] || fail "the store does not open after the disk was full"

# --- a read-only directory ---
# Root writes anywhere, so the commands run as nobody when this runs as root.
as_user=()
if [ "$(id -u)" = 0 ]; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
chmod 755 "$work"
mkdir rw ro
chmod 777 rw
for dir in rw ro; do
  tw -q --db $dir/store.db init && tw -q --db $dir/store.db add act --id review --imposer US --title "Review" ||
    fail "init"
  chmod 666 $dir/store.db
done
cp ro/store.db before.db
chmod 555 ro
expect 73 "cannot open the store ro/new.db: .*" "${as_user[@]}" "$binary" --db ro/new.db init
[ ! -e ro/new.db ] || fail "init left ro/new.db"
expect 73 "cannot write ro/acts.csv" "${as_user[@]}" "$binary" --db rw/store.db export --kind act -o ro/acts.csv
expect 73 "cannot create the folder ro/dump: Permission denied" "${as_user[@]}" "$binary" --db rw/store.db dump ro/dump
expect 74 "store ro/store.db: .*" "${as_user[@]}" "$binary" --db ro/store.db add act --id late --imposer US --title "Late"
cmp ro/store.db before.db || fail "a write in a read-only folder changed the store"
cp rw/store.db before.db
chmod 444 rw/store.db
expect 74 "store rw/store.db: .*" "${as_user[@]}" "$binary" --db rw/store.db add act --id late --imposer US --title "Late"
cmp rw/store.db before.db || fail "a write to a read-only store changed it"
