#!/usr/bin/env bash
# usage: demo.sh TRADEWATCH_BINARY STORE
# Loads the samples into a fresh STORE, then prints the change report for US measures on
# China between 2024-05-01 and 2024-10-31 (tariffs and Entity List additions), the layered
# duty on HTS 8703.80.00 from China entered on 2024-10-01 and on 2025-05-01, the steps of
# that duty over time, a screening of three names, and the regression checks of
# samples/checks; the change report is also written as HTML beside STORE.
set -euo pipefail
binary=$(realpath "$1")
export TRADEWATCH_DB=$2
export TRADEWATCH=$binary
rm -f "$TRADEWATCH_DB" "$TRADEWATCH_DB-wal" "$TRADEWATCH_DB-shm"
"$binary" -q init
bash "$(dirname "$0")/load.sh"
echo "\$ tradewatch report changes --from 2024-05-01 --to 2024-10-31 --imposer US --origin CN"
"$binary" report changes --from 2024-05-01 --to 2024-10-31 --imposer US --origin CN
echo
echo "\$ tradewatch rate --imposer US --origin CN --hs 8703.80.00 --on 2024-10-01"
"$binary" rate --imposer US --origin CN --hs 8703.80.00 --on 2024-10-01
echo
echo "\$ tradewatch rate --imposer US --origin CN --hs 8703.80.00 --on 2025-05-01"
"$binary" rate --imposer US --origin CN --hs 8703.80.00 --on 2025-05-01
echo
echo "\$ tradewatch report timeline --imposer US --origin CN --hs 8703.80.00 --from 2024-01-01"
"$binary" report timeline --imposer US --origin CN --hs 8703.80.00 --from 2024-01-01
echo
echo "\$ tradewatch screen \"GEOVIS TECH CO LTD\" \"Hefei Natl. Lab for Quantum Information Sciences\" \"Acme Garden Furniture Ltd\""
"$binary" screen "GEOVIS TECH CO LTD" "Hefei Natl. Lab for Quantum Information Sciences" "Acme Garden Furniture Ltd"
echo
echo "\$ tradewatch check samples/checks"
"$binary" check "$(dirname "$0")/checks"
html="$(dirname "$TRADEWATCH_DB")/report-changes.html"
"$binary" report changes --from 2024-05-01 --to 2024-10-31 --imposer US --origin CN --format html -o "$html"
echo
echo "The change report as HTML, with its charts: $html"
