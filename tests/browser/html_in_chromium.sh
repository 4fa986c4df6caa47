#!/usr/bin/env bash
# Renders the HTML of a change report and of a timeline over the samples in headless Chromium
# and fails unless each page rendered: its DOM holds the chart's SVG and the step labels, and
# its screenshot differs from that of an empty page taken the same way in the same run.
#
# usage: html_in_chromium.sh TRADEWATCH_BINARY [SCREENSHOT_DIR]
# With SCREENSHOT_DIR, the screenshots are kept there (docs/ holds the ones the README shows).
set -u
binary=$(realpath "$1")
keep=${2:+$(realpath "$2")}
root=$(cd "$(dirname "$0")/../.." && pwd)
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium is not installed; 'make deps' installs it" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export TZ=UTC LC_ALL=C.UTF-8 TRADEWATCH_DB="$work/store.db" TRADEWATCH_AUTHOR=tester SOURCE_DATE_EPOCH=1767225600
"$binary" -q init && TRADEWATCH="$binary" bash "$root/samples/load.sh" >/dev/null || {
  echo "could not load the samples" >&2
  exit 1
}
"$binary" report changes --from 2024-05-01 --to 2024-10-31 --imposer US --origin CN --format html -o changes.html &&
  "$binary" report timeline --imposer US --origin CN --hs 8703.80.00 --format html -o timeline.html || exit 1
printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>empty</title></head><body></body></html>\n' >empty.html

# chromium PAGE ARGS…: a fresh profile for every run, nothing fetched from the network.
chromium() {
  local page=$1
  shift
  rm -rf "$work/profile"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
    --window-size=1200,1600 "$@" "file://$work/$page" 2>>"$work/chromium.log"
}

failed=0
fail() {
  echo "FAILED: $*"
  failed=1
}

chromium empty.html --screenshot="$work/empty.png" >/dev/null
[ -s empty.png ] || {
  cat chromium.log >&2
  echo "chromium took no screenshot of an empty page" >&2
  exit 1
}
# page EXPECTED…: the DOM of the page holds every EXPECTED text, and its screenshot is not blank.
check_page() {
  local page=$1
  shift
  chromium "$page.html" --dump-dom >"$page.dom"
  for expected in "$@"; do
    grep -qF -- "$expected" "$page.dom" || fail "$page: the rendered DOM has no $expected"
  done
  chromium "$page.html" --screenshot="$work/$page.png" >/dev/null
  if [ ! -s "$page.png" ]; then
    fail "$page: no screenshot"
  elif cmp -s "$page.png" empty.png; then
    fail "$page: the screenshot is the same as that of an empty page"
  elif (($(stat -c %s "$page.png") < 4 * $(stat -c %s empty.png))); then
    # A white page compresses to almost nothing; text, tables and a chart do not.
    fail "$page: the screenshot is nearly blank ($(stat -c %s "$page.png") bytes, empty page $(stat -c %s empty.png))"
  fi
  if [ -n "$keep" ]; then
    cp "$page.png" "$keep/report-$page.png"
  fi
}
check_page changes '<svg' 'class="bar"' '>25%<' '>100%<' 'us-301-cn-ev' '89 FR 76581'
check_page timeline '<svg' 'class="series"' '>100%<' '>25%<' '2024-09-27'
[ $failed = 0 ] || cat chromium.log
exit $failed
