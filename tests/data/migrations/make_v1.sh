#!/usr/bin/env bash
# Makes v1.sql, a store of schema version 1 as the first tradewatch wrote it, for the test that
# the current binary upgrades such a store in place (tests/cli/migrate_from_v1.test).
# TRADEWATCH is a binary built from commit 0ba2a3b, the last with only schema/0001_initial.sql.
# The facts are those of samples/load.sh (see samples/SOURCES.md): the Section 301 duty on
# Chinese electric vehicles, 25% from 2018-07-06 and 100% from 2024-09-27, and the MFN rate.
#
# usage: TRADEWATCH=/path/to/v1/tradewatch bash make_v1.sh > v1.sql
set -euo pipefail
tw=${TRADEWATCH:?the tradewatch of schema version 1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TRADEWATCH_DB=$work/v1.db TRADEWATCH_AUTHOR=tester TZ=UTC SOURCE_DATE_EPOCH=1735689600

"$tw" -q init
"$tw" -q add act --id ustr-301-list1 --imposer US \
  --title "Section 301 action on China, List 1: 25% under heading 9903.88.01 (U.S. note 20(b)) from 2018-07-06" \
  --url "https://www.lexology.com/library/detail.aspx?g=76227385-a7f8-4a62-af5b-b15eec723032"
"$tw" -q add act --id ustr-301-review-2024 --imposer US \
  --title "Section 301 four-year review: modifications" \
  --citation "89 FR 76581" --document-number 2024-21217 \
  --url "https://regulations.justia.com/regulations/fedreg/2024/09/18/2024-21217.html" \
  --announced 2024-09-13 --published 2024-09-18
"$tw" -q add tariff --id us-301-cn-ev --imposer US --origin CN --authority "Section 301" \
  --hs 8702.40.31 --hs 8703.80.00 \
  --rate 25% --from 2018-07-06 --heading 9903.88.01 --act ustr-301-list1 \
  --title "Section 301 on electric vehicles" --note "List 1, U.S. note 20(b); confidence high"
"$tw" -q amend us-301-cn-ev --from 2024-09-27 --rate 100% --heading 9903.91.03 \
  --act ustr-301-review-2024 --note "four-year review, U.S. note 31(d); confidence high"
"$tw" -q add act --id us-hts-2025 --imposer US \
  --title "Harmonized Tariff Schedule of the United States, 2025 Basic Edition: column 1 general rates" \
  --url "https://www.htshub.com/us-hs/search/8703.80"
"$tw" -q add tariff --id us-mfn-8703-80 --imposer US --origin '*' --authority MFN --hs 8703.80.00 --rate 2.5% \
  --from 2018-01-01 --act us-hts-2025 --title "US MFN: vehicles with only electric motors for propulsion" \
  --note "HTS 2025 column 1 general rate; the start 2018-01-01 is the start of the sample window, not the rate's origin; confidence high"
# .dump leaves out the header fields that say whose file it is and at which schema version.
sqlite3 "$TRADEWATCH_DB" .dump
echo "PRAGMA application_id = $(sqlite3 "$TRADEWATCH_DB" 'PRAGMA application_id');"
echo "PRAGMA user_version = $(sqlite3 "$TRADEWATCH_DB" 'PRAGMA user_version');"
echo "PRAGMA journal_mode = WAL;"
