#!/usr/bin/env bash
# Records the real US tariff measures on goods of China that /work/shared/FACTS.md documents:
# the Section 301 history of the 2024 four-year review (all 14 product groups, FR 2024-21217),
# the December 2024 increases on tungsten, polysilicon and wafers (FR 2024-29462), and the
# US MFN (column 1 general) base rates of the lines used in examples.
# SOURCES.md says where every fact comes from and lists every modelling choice.
#
# usage: TRADEWATCH_DB=store.db tradewatch init && TRADEWATCH_DB=store.db bash samples/load.sh
# The command is `tradewatch` on PATH, or $TRADEWATCH. Not idempotent: run it once on a new store.
set -euo pipefail

tw=${TRADEWATCH:-tradewatch}
: "${TRADEWATCH_DB:?set TRADEWATCH_DB to a store made by 'tradewatch init'}"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# hs_args ARRAY FILE COUNT: fills ARRAY with one `--hs CODE` pair per code in FILE (one code
# a line) and fails unless FILE holds exactly COUNT codes.
hs_args() {
  local -n out=$1
  local file=$2 count=$3 code
  out=()
  while IFS= read -r code || [[ -n $code ]]; do
    [[ -z $code ]] && continue
    out+=(--hs "$code")
  done <"$file"
  if ((${#out[@]} != 2 * count)); then
    echo "load.sh: $file holds $((${#out[@]} / 2)) codes, expected $count" >&2
    exit 65
  fi
}

steel_aluminum=() critical_minerals=() semiconductors=()
hs_args steel_aluminum "$here/hs/steel-aluminum.txt" 321
hs_args critical_minerals "$here/hs/critical-minerals.txt" 26
hs_args semiconductors "$here/hs/semiconductors.txt" 16

s301=(--imposer US --origin CN --authority "Section 301")
mfn=(--imposer US --origin '*' --authority MFN)

# --- Acts ------------------------------------------------------------------------------------

"$tw" -q add act --id ustr-301-list1 --imposer US \
  --title "Section 301 action on China, List 1: 25% under heading 9903.88.01 (U.S. note 20(b)) from 2018-07-06" \
  --url "https://www.lexology.com/library/detail.aspx?g=76227385-a7f8-4a62-af5b-b15eec723032"

"$tw" -q add act --id ustr-301-list2 --imposer US \
  --title "Section 301 action on China, List 2: 25% under heading 9903.88.02 from 2018-08-23" \
  --citation "83 FR 40823" --document-number 2018-17709 \
  --url "https://thefederalregister.org/83-FR/40823"

"$tw" -q add act --id ustr-301-list4a --imposer US \
  --title "Section 301 action on China, List 4A: 7.5% under heading 9903.88.15 from 2020-02-14" \
  --url "https://ilogixchb.com/section301"

"$tw" -q add act --id ustr-301-review-2024 --imposer US \
  --title "Section 301 four-year review: modifications" \
  --citation "89 FR 76581" --document-number 2024-21217 \
  --url "https://regulations.justia.com/regulations/fedreg/2024/09/18/2024-21217.html" \
  --announced 2024-09-13 --published 2024-09-18

"$tw" -q add act --id ustr-301-tungsten-wafers-2024 --imposer US \
  --title "Section 301: increases on tungsten products, polysilicon and wafers" \
  --citation "89 FR 101682" --document-number 2024-29462 \
  --url "https://regulations.justia.com/regulations/fedreg/2024/12/16/2024-29462.html" \
  --announced 2024-12-11

"$tw" -q add act --id us-hts-2025 --imposer US \
  --title "Harmonized Tariff Schedule of the United States, 2025 Basic Edition: column 1 general rates" \
  --url "https://www.htshub.com/us-hs/search/8703.80"

# --- Section 301, four-year review: electric vehicles (List 1 25% -> 100%) --------------------

"$tw" -q add tariff --id us-301-cn-ev "${s301[@]}" \
  --hs 8702.40.31 --hs 8702.40.61 --hs 8702.90.31 --hs 8702.90.61 \
  --hs 8703.60.00 --hs 8703.70.00 --hs 8703.80.00 --hs 8703.90.01 \
  --rate 25% --from 2018-07-06 --heading 9903.88.01 --act ustr-301-list1 \
  --title "Section 301 on electric vehicles (8 lines)" \
  --note "List 1, U.S. note 20(b); confidence high"
"$tw" -q amend us-301-cn-ev --from 2024-09-27 --rate 100% --heading 9903.91.03 \
  --act ustr-301-review-2024 --note "four-year review, U.S. note 31(d); confidence high"

# --- Section 301, four-year review: batteries -------------------------------------------------

# Lithium-ion EV batteries: List 4A 7.5% -> 25%.
"$tw" -q add tariff --id us-301-cn-ev-batteries "${s301[@]}" --hs 8507.60.0010 \
  --rate 7.5% --from 2020-02-14 --heading 9903.88.15 --act ustr-301-list4a \
  --title "Section 301 on lithium-ion electric-vehicle batteries" \
  --note "List 4A at 7.5% (the earlier 15% step of 2019-09-01 is not recorded); confidence medium"
"$tw" -q amend us-301-cn-ev-batteries --from 2024-09-27 --rate 25% --heading 9903.91.01 \
  --act ustr-301-review-2024 --note "four-year review, U.S. note 31(b); confidence high"

# Lithium-ion non-EV batteries: List 4A 7.5% -> 25% from 2026.
"$tw" -q add tariff --id us-301-cn-li-ion-non-ev-batteries "${s301[@]}" --hs 8507.60.0020 \
  --rate 7.5% --from 2020-02-14 --heading 9903.88.15 --act ustr-301-list4a \
  --title "Section 301 on lithium-ion non-electric-vehicle batteries" \
  --note "List 4A at 7.5% (the earlier 15% step of 2019-09-01 is not recorded); confidence medium"
"$tw" -q amend us-301-cn-li-ion-non-ev-batteries --from 2026-01-01 --rate 25% --heading 9903.91.06 \
  --act ustr-301-review-2024 \
  --note "four-year review, U.S. note 31(g), which from 2026 names all of 8507.60.00; confidence high"

# Parts of lead-acid batteries: 7.5% -> 25%.
"$tw" -q add tariff --id us-301-cn-battery-parts "${s301[@]}" --hs 8507.90.40 \
  --rate 7.5% --from 2020-02-14 --heading 9903.88.15 --act ustr-301-list4a \
  --title "Section 301 on battery parts (non-lithium-ion batteries)" \
  --note "old rate 7.5% per the White House fact sheet; List 4A, its heading and start date are assumed (7.5% is the List 4A rate); confidence low"
"$tw" -q amend us-301-cn-battery-parts --from 2024-09-27 --rate 25% --heading 9903.91.01 \
  --act ustr-301-review-2024 --note "four-year review, U.S. note 31(b); confidence high"

# --- Section 301, four-year review: graphite, magnets, critical minerals (from 0%) ------------

"$tw" -q add tariff --id us-301-cn-natural-graphite "${s301[@]}" \
  --hs 2504.10.10 --hs 2504.10.50 --hs 2504.90.00 \
  --rate 25% --from 2026-01-01 --heading 9903.91.06 --act ustr-301-review-2024 \
  --announced 2024-09-13 --title "Section 301 on natural graphite" \
  --note "four-year review, U.S. note 31(g); no Section 301 duty before (0%); confidence high"

"$tw" -q add tariff --id us-301-cn-permanent-magnets "${s301[@]}" --hs 8505.11.00 \
  --rate 25% --from 2026-01-01 --heading 9903.91.06 --act ustr-301-review-2024 \
  --announced 2024-09-13 --title "Section 301 on permanent magnets" \
  --note "four-year review, U.S. note 31(g); no Section 301 duty before (0%); confidence high"

"$tw" -q add tariff --id us-301-cn-critical-minerals "${s301[@]}" "${critical_minerals[@]}" \
  --rate 25% --from 2024-09-27 --heading 9903.91.01 --act ustr-301-review-2024 \
  --announced 2024-09-13 --title "Section 301 on other critical minerals (26 lines)" \
  --note "four-year review, U.S. note 31(b); no Section 301 duty before (0%); confidence high"

# --- Section 301, four-year review: steel and aluminum (old rate 0-7.5%, not recorded) ---------

"$tw" -q add tariff --id us-301-cn-steel-aluminum "${s301[@]}" "${steel_aluminum[@]}" \
  --rate 25% --from 2024-09-27 --heading 9903.91.01 --act ustr-301-review-2024 \
  --announced 2024-09-13 --title "Section 301 on steel and aluminum products (321 lines)" \
  --note "four-year review, U.S. note 31(b); the old rate (0-7.5%, mostly List 4A) is not known per line and not recorded; confidence high"

# --- Section 301, four-year review: semiconductors and solar cells (25% -> 50%) ---------------

"$tw" -q add tariff --id us-301-cn-semiconductors "${s301[@]}" "${semiconductors[@]}" \
  --rate 25% --from 2018-08-23 --heading 9903.88.01/9903.88.02 \
  --title "Section 301 on semiconductors (16 lines)" \
  --note "25% under List 1 or List 2; the list of each line is not recorded, so no act is named and the start is the List 2 date (2018-08-23), when both lists were at 25%; List 1 lines may have paid from 2018-07-06; confidence medium"
"$tw" -q amend us-301-cn-semiconductors --from 2025-01-01 --rate 50% --heading 9903.91.05 \
  --act ustr-301-review-2024 --note "four-year review, U.S. note 31(f); confidence high"

"$tw" -q add tariff --id us-301-cn-solar-cells "${s301[@]}" --hs 8541.42.00 --hs 8541.43.00 \
  --rate 25% --from 2018-08-23 --heading 9903.88.02 --act ustr-301-list2 \
  --title "Section 301 on solar cells, whether or not assembled into modules" \
  --note "List 2; confidence high"
"$tw" -q amend us-301-cn-solar-cells --from 2024-09-27 --rate 50% --heading 9903.91.02 \
  --act ustr-301-review-2024 --note "four-year review, U.S. note 31(c); confidence high"

# --- Section 301, four-year review: ship-to-shore cranes (from 0%) ----------------------------

"$tw" -q add tariff --id us-301-cn-sts-cranes "${s301[@]}" --hs 8426.19.00 \
  --rate 25% --from 2024-09-27 --heading 9903.92.10 --act ustr-301-review-2024 \
  --announced 2024-09-13 --title "Section 301 on ship-to-shore gantry cranes" \
  --note "only STS gantry cranes as described in 8426.19.00; no Section 301 duty before (0%); exclusion 9903.91.09 (contracts before 2024-05-14, entered before 2026-05-14) not recorded; confidence high"

# --- Section 301, four-year review: syringes and needles, enteral-syringe exclusion -----------

"$tw" -q add tariff --id us-301-cn-syringes-needles "${s301[@]}" --hs 9018.31.00 --hs 9018.32.00 \
  --rate 100% --from 2024-09-27 --heading 9903.91.03 --act ustr-301-review-2024 \
  --announced 2024-09-13 --title "Section 301 on syringes and needles" \
  --note "four-year review, U.S. note 31(d); no Section 301 duty before (0%); confidence high"

# 0% on the 10-digit line overrides the 100% on 9018.31.00 (the most specific line of one
# authority applies) until 2026-01-01, when the 100% applies again.
"$tw" -q add tariff --id us-301-cn-enteral-syringes-exclusion "${s301[@]}" --hs 9018.31.0080 \
  --rate 0% --from 2024-09-27 --to 2026-01-01 --heading 9903.91.10 --act ustr-301-review-2024 \
  --announced 2024-09-13 --title "Section 301 exclusion: enteral syringes" \
  --note "no additional duty under 9903.91.10 until 2025-12-31; confidence high"

# --- Section 301, four-year review: facemasks, medical gloves ---------------------------------

# Four facemask lines: 25% from 2024-09-27, 50% from 2026 (old rate 0-7.5%, not recorded).
"$tw" -q add tariff --id us-301-cn-facemasks "${s301[@]}" \
  --hs 6307.90.9842 --hs 6307.90.9844 --hs 6307.90.9850 --hs 6307.90.9875 \
  --rate 25% --from 2024-09-27 --heading 9903.91.01 --act ustr-301-review-2024 \
  --announced 2024-09-13 --title "Section 301 on respirators and facemasks" \
  --note "four-year review, U.S. note 31(b); the old rate (0-7.5%, List 4A) is not known per line and not recorded; confidence high"
"$tw" -q amend us-301-cn-facemasks --from 2026-01-01 --rate 50% --heading 9903.91.07 \
  --act ustr-301-review-2024 --note "four-year review, U.S. note 31(h); confidence high"

# Disposable textile face masks: 7.5% -> 25% in 2025 -> 50% in 2026.
"$tw" -q add tariff --id us-301-cn-disposable-textile-facemasks "${s301[@]}" --hs 6307.90.9870 \
  --rate 7.5% --from 2020-02-14 --heading 9903.88.15 --act ustr-301-list4a \
  --title "Section 301 on disposable textile face masks" \
  --note "old rate 7.5% per FACTS; List 4A, its heading and start date are assumed (7.5% is the List 4A rate); confidence low"
"$tw" -q amend us-301-cn-disposable-textile-facemasks --from 2025-01-01 --rate 25% --heading 9903.91.04 \
  --act ustr-301-review-2024 --note "four-year review, U.S. note 31(e); confidence high"
"$tw" -q amend us-301-cn-disposable-textile-facemasks --from 2026-01-01 --rate 50% --heading 9903.91.07 \
  --act ustr-301-review-2024 --note "four-year review, U.S. note 31(h); confidence high"

# Medical and surgical rubber gloves: List 4A 7.5% -> 50% in 2025 -> 100% in 2026.
"$tw" -q add tariff --id us-301-cn-medical-gloves "${s301[@]}" --hs 4015.12.10 \
  --rate 7.5% --from 2020-02-14 --heading 9903.88.15 --act ustr-301-list4a \
  --title "Section 301 on medical and surgical rubber gloves" \
  --note "List 4A at 7.5% (the earlier 15% step of 2019-09-01 is not recorded); confidence medium"
"$tw" -q amend us-301-cn-medical-gloves --from 2025-01-01 --rate 50% --heading 9903.91.05 \
  --act ustr-301-review-2024 --note "four-year review, U.S. note 31(f); confidence high"
"$tw" -q amend us-301-cn-medical-gloves --from 2026-01-01 --rate 100% --heading 9903.91.08 \
  --act ustr-301-review-2024 \
  --note "four-year review, U.S. note 31(i); heading 9903.91.08 by the technical fix in FR 2024-29462 (CBP CSMS 63577329); confidence high"

# --- Section 301, December 2024: tungsten, polysilicon and wafers -----------------------------

"$tw" -q add tariff --id us-301-cn-tungsten "${s301[@]}" \
  --hs 8101.94.00 --hs 8101.99.10 --hs 8101.99.80 \
  --rate 25% --from 2025-01-01 --heading 9903.91.11 --act ustr-301-tungsten-wafers-2024 \
  --announced 2024-12-11 --title "Section 301 on tungsten products" \
  --note "the rate before 2025 is not verified and not recorded; confidence high (rate, date), medium (heading)"

"$tw" -q add tariff --id us-301-cn-polysilicon-wafers "${s301[@]}" --hs 2804.61.00 --hs 3818.00.00 \
  --rate 50% --from 2025-01-01 --act ustr-301-tungsten-wafers-2024 \
  --announced 2024-12-11 --title "Section 301 on polysilicon and wafers" \
  --note "the rate before 2025 is not verified and not recorded; heading probably 9903.91.05, not verified, so not recorded; confidence high (rate, date)"

# --- MFN (column 1 general), HTS 2025 rates ---------------------------------------------------
# From 2018-01-01, the start of the sample window, not the date each rate began.

mfn_note="HTS 2025 column 1 general rate; the start 2018-01-01 is the start of the sample window, not the rate's origin"
mfn_line() { # ID HS RATE CONFIDENCE TITLE
  "$tw" -q add tariff --id "$1" "${mfn[@]}" --hs "$2" --rate "$3" --from 2018-01-01 \
    --act us-hts-2025 --title "US MFN: $5" --note "$mfn_note; confidence $4"
}

mfn_line us-mfn-8703-80 8703.80.00 2.5% high "vehicles with only electric motors for propulsion"
mfn_line us-mfn-8703-60 8703.60.00 2.5% medium-high "plug-in hybrid vehicles, spark ignition"
mfn_line us-mfn-8703-70 8703.70.00 2.5% medium-high "plug-in hybrid vehicles, diesel"
mfn_line us-mfn-8702-40-31 8702.40.31 2% medium-high "electric buses for 16 or more persons"
mfn_line us-mfn-8507-60 8507.60.00 3.4% high "lithium-ion batteries"
mfn_line us-mfn-8507-90-40 8507.90.40 3.5% medium-high "parts of lead-acid batteries"
mfn_line us-mfn-8541-42 8541.42.00 Free high "photovoltaic cells"
mfn_line us-mfn-8541-43 8541.43.00 Free high "photovoltaic modules"
mfn_line us-mfn-8542-31 8542.31.00 Free medium-high "processors and controllers"
mfn_line us-mfn-8505-11 8505.11.00 2.1% medium-high "permanent magnets of metal"
mfn_line us-mfn-8101-94 8101.94.00 6.6% medium-high "unwrought tungsten"
mfn_line us-mfn-9018-31 9018.31.00 Free medium-high "syringes"
mfn_line us-mfn-4015-12-10 4015.12.10 Free medium-high "medical and surgical gloves"
mfn_line us-mfn-2504-10-50 2504.10.50 Free medium-high "natural graphite"
mfn_line us-mfn-2602 2602.00.00 Free medium-high "manganese ores"
mfn_line us-mfn-2804-61 2804.61.00 Free medium-high "polysilicon (silicon of 99.99% or more)"
mfn_line us-mfn-3818 3818.00.00 Free medium-high "doped wafers"
mfn_line us-mfn-7208-51 7208.51.00 Free medium-high "steel plate"
mfn_line us-mfn-8426-19 8426.19.00 Free medium-high "cranes"
