#!/usr/bin/env bash
# `make fuzz`: runs each libFuzzer target for SECONDS, from seeds made of the test data, the
# samples and fuzz/seeds/. A crash, leak or sanitizer report stops the run with exit 1 and
# copies the input into fuzz/regressions/TARGET/, where the replay tests of `make test` run
# it from then on (commit it with the fix).
#
# usage: run.sh BUILD_DIR SECONDS [TARGET…]; FUZZ_SEED=N repeats a run (0, the default, is a new
# seed each time)
set -euo pipefail
build=$(realpath "$1")
seconds=$2
shift 2
fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$fuzz/.." && pwd)
targets=("$@")
((${#targets[@]})) || targets=(csv values public_formats native_import check_file screen_names)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Copies FILE… into folder DIR, each once per selector byte 0…COUNT-1 put in front, for the
# targets whose first byte picks the reader.
seed_with_selectors() {
  local dir=$1 count=$2
  shift 2
  for file in "$@"; do
    for ((selector = 0; selector < count; selector++)); do
      { printf "\\x$(printf %02x "$selector")"; cat "$file"; } >"$dir/$selector-$(basename "$file")"
    done
  done
}

seed() {
  local target=$1 dir=$work/corpus/$1
  mkdir -p "$dir"
  case $target in
  csv) cp "$root"/tests/data/*/*.csv "$dir/" ;;
  values) cp "$fuzz"/seeds/values/* "$dir/" ;;
  public_formats) seed_with_selectors "$dir" 4 "$root"/tests/data/{csl,hts,fr}/* ;;
  native_import) seed_with_selectors "$dir" 3 "$root"/tests/data/native/* ;;
  check_file) cp "$root"/samples/checks/*.toml "$dir/" ;;
  screen_names) cp "$fuzz"/seeds/screen_names/* "$dir/" ;;
  esac
}

for target in "${targets[@]}"; do
  seed "$target"
  inputs=("$work/corpus/$target")
  [[ -d $fuzz/regressions/$target ]] && inputs+=("$fuzz/regressions/$target")
  mkdir -p "$work/found"
  echo "== fuzz_$target for ${seconds} s"
  if ! "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -seed="${FUZZ_SEED:-0}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/found/" "${inputs[@]}" >"$work/$target.log" 2>&1; then
    tail -n 40 "$work/$target.log"
    mkdir -p "$fuzz/regressions/$target"
    for found in "$work"/found/*; do
      cp "$found" "$fuzz/regressions/$target/"
      echo "fuzz_$target failed on $found; kept as fuzz/regressions/$target/$(basename "$found")"
    done
    exit 1
  fi
  grep -E "^stat::(number_of_executed_units|new_units_added)" "$work/$target.log" | tr '\n' ' '
  echo
done
