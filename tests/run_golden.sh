#!/usr/bin/env bash
# Runs one golden test file against the real binary.
#
# usage: run_golden.sh TRADEWATCH_BINARY FILE.test
#
# A .test file: comment lines (`# …`) at the top, then one block per command. A block is
# a line `$ COMMAND` (run by bash), the exact expected stdout lines, then optionally a line
# `>>>2` and the exact expected stderr lines, then optionally `>>>= N`, the exit code
# (default 0). Each file runs hermetically in a fresh directory: TZ=UTC, LC_ALL=C.UTF-8,
# COLUMNS=100, a fresh store in TRADEWATCH_DB, a fixed author and clock
# (SOURCE_DATE_EPOCH), `tradewatch` on PATH and $SAMPLES naming samples/.
# With UPDATE_GOLDEN=1 the file's expectations are rewritten from what the commands print.
#
# Loading the samples (`tradewatch -q init && bash "$SAMPLES/load.sh"`, some 300 commands) is
# the longest step of a dozen files, minutes under the sanitizers. The first file to run it keeps
# the store it made beside the binary, for that binary and those samples only; the others copy it.
set -u
binary=$(realpath "$1")
test_file=$(realpath "$2")
root=$(cd "$(dirname "$0")/.." && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/run"
ln -s "$binary" "$work/bin/tradewatch"

load_samples='tradewatch -q init && bash "$SAMPLES/load.sh"'
samples_key=$( (stat -c '%s %Y' "$binary"; find "$root/samples" -type f | sort | xargs cat) | sha256sum | cut -c1-16)
samples_store="$(dirname "$binary")/golden-samples-$samples_key.db"
cat >"$work/bin/load-samples" <<EOF
#!/usr/bin/env bash
# $load_samples, or a copy of the store it made for the same binary and samples.
set -e
exec 9>"$samples_store.lock"
flock 9
if [ -s "$samples_store" ]; then
  cp "$samples_store" "\$TRADEWATCH_DB"
else
  $load_samples || exit
  cp "\$TRADEWATCH_DB" "$samples_store.new" && mv "$samples_store.new" "$samples_store"
fi
EOF
chmod +x "$work/bin/load-samples"

header=()
commands=()
expected=()
current=-1
while IFS= read -r line || [ -n "$line" ]; do
  if [[ $line == '$ '* ]]; then
    current=$((current + 1))
    commands[current]=${line:2}
    expected[current]=""
  elif ((current < 0)); then
    header+=("$line")
  else
    expected[current]+="$line"$'\n'
  fi
done <"$test_file"

failed=0
updated=("${header[@]}")
for i in "${!commands[@]}"; do
  (
    cd "$work/run" || exit 99
    env -i PATH="$work/bin:/usr/local/bin:/usr/bin:/bin" HOME="$work" TZ=UTC LC_ALL=C.UTF-8 COLUMNS=100 \
      TRADEWATCH_DB=tradewatch.db TRADEWATCH_AUTHOR=tester SOURCE_DATE_EPOCH=1767225600 \
      SAMPLES="$root/samples" ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} \
      bash -c "${commands[i]/#"$load_samples"/load-samples}" >"$work/stdout" 2>"$work/stderr"
    echo $? >"$work/status"
  )
  status=$(cat "$work/status")
  actual=$(cat "$work/stdout"; printf x)
  actual=${actual%x}
  if [ -s "$work/stderr" ]; then
    actual+=">>>2"$'\n'$(cat "$work/stderr"; printf x)
    actual=${actual%x}
  fi
  if [ "$status" != 0 ]; then
    actual+=">>>= $status"$'\n'
  fi
  updated+=("\$ ${commands[i]}")
  [ -n "$actual" ] && updated+=("${actual%$'\n'}")
  if [ "$actual" != "${expected[i]}" ]; then
    failed=1
    if [ -z "${UPDATE_GOLDEN:-}" ]; then
      echo "FAILED: \$ ${commands[i]}"
      diff -u --label expected --label actual <(printf '%s' "${expected[i]}") <(printf '%s' "$actual")
    fi
  fi
done

if [ -n "${UPDATE_GOLDEN:-}" ]; then
  printf '%s\n' "${updated[@]}" >"$test_file"
  exit 0
fi
exit $failed
