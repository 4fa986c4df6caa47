#!/usr/bin/env bash
# Records the real US tariff measures on goods of China that /work/shared/FACTS.md documents:
# the Section 301 history of the 2024 four-year review (all 14 product groups, FR 2024-21217),
# the December 2024 increases on tungsten, polysilicon and wafers (FR 2024-29462), the US MFN
# (column 1 general) base rates of the lines used in examples, the 2025 IEEPA and Section 232
# duties that apply to goods of China, and the BIS Entity List rules of 2024 and early 2025 that
# involve China, with the entities added on 2024-05-09.
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
s232_steel=() s232_aluminum=()
hs_args s232_steel "$here/hs/s232-steel.txt" 24
hs_args s232_aluminum "$here/hs/s232-aluminum.txt" 7

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

# --- Acts of 2025: IEEPA and Section 232 ------------------------------------------------------

"$tw" -q add act --id eo-14195 --imposer US \
  --title "EO 14195: IEEPA duty on products of China to address the synthetic opioid supply chain, 10% under heading 9903.01.20" \
  --citation "EO 14195" \
  --url "https://www.whitehouse.gov/presidential-actions/2025/02/imposing-duties-to-address-the-synthetic-opioid-supply-chain-in-the-peoples-republic-of-china/" \
  --announced 2025-02-01

"$tw" -q add act --id eo-14228 --imposer US \
  --title "EO 14228: IEEPA synthetic-opioid duty on products of China raised from 10% to 20% (heading 9903.01.24)" \
  --citation "EO 14228" \
  --url "https://www.whitehouse.gov/presidential-actions/2025/03/further-amendment-to-duties-addressing-the-synthetic-opioid-supply-chain-in-the-peoples-republic-of-china/" \
  --announced 2025-03-03

"$tw" -q add act --id eo-2025-11-04-opioid --imposer US \
  --title "EO of 2025-11-04, Modifying Duties Addressing the Synthetic Opioid Supply Chain in the PRC: heading 9903.01.24 from 20% to 10%" \
  --url "https://www.whitehouse.gov/presidential-actions/2025/11/modifying-duties-addressing-the-synthetic-opioid-supply-chain-in-the-peoples-republic-of-china/" \
  --announced 2025-11-04

"$tw" -q add act --id eo-14257 --imposer US \
  --title "EO 14257: reciprocal tariff, 10% baseline under heading 9903.01.25 and country rates (China 9903.01.63)" \
  --citation "EO 14257" \
  --url "https://www.whitehouse.gov/presidential-actions/2025/04/regulating-imports-with-a-reciprocal-tariff-to-rectify-trade-practices-that-contribute-to-large-and-persistent-annual-united-states-goods-trade-deficits/" \
  --announced 2025-04-02

"$tw" -q add act --id eo-14259 --imposer US \
  --title "EO 14259: reciprocal rate on China (heading 9903.01.63) set at 84% in place of 34%" \
  --citation "EO 14259" \
  --url "https://www.whitehouse.gov/presidential-actions/2025/04/amendment-to-recipricol-tariffs-and-updated-duties-as-applied-to-low-value-imports-from-the-peoples-republic-of-china/" \
  --announced 2025-04-08

"$tw" -q add act --id eo-14266 --imposer US \
  --title "EO 14266: reciprocal rate on China (heading 9903.01.63) raised from 84% to 125%" \
  --citation "EO 14266" \
  --url "https://www.whitehouse.gov/presidential-actions/2025/04/modifying-reciprocal-tariff-rates-to-reflect-trading-partner-retaliation-and-alignment/" \
  --announced 2025-04-09

"$tw" -q add act --id eo-14298 --imposer US \
  --title "EO 14298: Geneva arrangement; heading 9903.01.63 reset to 34% and suspended for 90 days, 10% under 9903.01.25 remains" \
  --citation "EO 14298" \
  --url "https://www.whitehouse.gov/presidential-actions/2025/05/modifying-reciprocal-tariff-rates-to-reflect-discussions-with-the-peoples-republic-of-china/" \
  --announced 2025-05-12

"$tw" -q add act --id eo-2025-08-11-reciprocal --imposer US \
  --title "EO of 2025-08-11: suspension of heading 9903.01.63 extended to 2025-11-10" \
  --url "https://www.whitehouse.gov/presidential-actions/2025/08/further-modifying-reciprocal-tariff-rates-to-reflect-ongoing-discussions-with-the-peoples-republic-of-china/" \
  --announced 2025-08-11

"$tw" -q add act --id eo-2025-11-04-reciprocal --imposer US \
  --title "EO of 2025-11-04 (economic and trade arrangement with China): suspension of heading 9903.01.63 extended to 2026-11-10" \
  --url "https://www.whitehouse.gov/presidential-actions/2025/11/modifying-reciprocal-tariff-rates-consistent-with-the-economic-and-trade-arrangement-between-the-united-states-and-the-peoples-republic-of-china/" \
  --announced 2025-11-04

"$tw" -q add act --id eo-14289 --imposer US \
  --title "EO 14289: goods under Section 232 autos do not also pay Section 232 steel or aluminum duties" \
  --citation "EO 14289" \
  --url "https://www.whitehouse.gov/presidential-actions/2025/04/addressing-certain-tariffs-on-imported-articles/" \
  --announced 2025-04-29

"$tw" -q add act --id procl-10895 --imposer US \
  --title "Proclamation 10895: Section 232 duty on aluminum articles and derivatives raised from 10% to 25%" \
  --citation "Proclamation 10895" \
  --url "https://www.whitehouse.gov/presidential-actions/2025/02/adjusting-imports-of-aluminum-into-the-united-states/" \
  --announced 2025-02-10

"$tw" -q add act --id procl-10896 --imposer US \
  --title "Proclamation 10896: Section 232 duty on steel articles and derivatives, 25% for all countries, exemptions and quotas ended" \
  --citation "Proclamation 10896" \
  --url "https://www.whitehouse.gov/presidential-actions/2025/02/adjusting-imports-of-steel-into-the-united-states/" \
  --announced 2025-02-10

"$tw" -q add act --id procl-2025-06-03 --imposer US \
  --title "Proclamation of 2025-06-03: Section 232 steel and aluminum duties raised from 25% to 50%, United Kingdom stays at 25%" \
  --url "https://www.whitehouse.gov/presidential-actions/2025/06/adjusting-imports-of-aluminum-and-steel-into-the-united-states/" \
  --announced 2025-06-03

"$tw" -q add act --id procl-10908 --imposer US \
  --title "Proclamation 10908: Section 232 duty of 25% on automobiles (9903.94.01) and listed automobile parts (9903.94.05)" \
  --citation "Proclamation 10908" \
  --url "https://www.whitehouse.gov/presidential-actions/2025/03/adjusting-imports-of-automobiles-and-autombile-parts-into-the-united-states/" \
  --announced 2025-03-26

# --- Acts: BIS Entity List rules involving China, 2024 and early 2025 -------------------------
# --added/--removed are the counts by country the rule declares; a rule whose split FACTS.md
# does not give has none.

"$tw" -q add act --id bis-el-2024-02-27 --imposer US \
  --title "BIS: additions to, revisions of and one removal from the Entity List (2 entities under 7 entries)" \
  --citation "89 FR 14403" --document-number 2024-03674 \
  --url "https://lexbuild.dev/fr/2024/02/2024-03674" \
  --announced 2024-02-27 \
  --added CA=1 --added CN=1 --added IN=1 --added JP=1 --added MY=1 --added SE=1 --added AE=1 \
  --removed AE=1

"$tw" -q add act --id bis-el-2024-04-11 --imposer US \
  --title "BIS: 11 entities added to the Entity List (PRC military modernization; Russia; UAVs)" \
  --url "https://bis.gov/press-release/commerce-adds-11-entities-entity-list-supporting-prc-military-modernization-and" \
  --announced 2024-04-11 \
  --added CN=6 --added RU=3 --added AE=2

"$tw" -q add act --id bis-el-2024-05-09 --imposer US \
  --title "BIS: 37 entities of China added to the Entity List (22 quantum-related, 4 UAS, 11 high-altitude balloon; shipments to Russia)" \
  --citation "89 FR 41886" \
  --url "http://bis.gov/press-release/commerce-adds-37-prc-entities-entity-list-enabling-prc-quantum-and-aerospace-programs" \
  --announced 2024-05-09 \
  --added CN=37

"$tw" -q add act --id bis-el-2024-06-18 --imposer US \
  --title "BIS: Russia/Belarus sanctions rule that also adds 5 entities and 8 addresses to the Entity List, China among them" \
  --citation "89 FR 51644" --document-number 2024-13148 \
  --url "https://regulations.justia.com/regulations/fedreg/2024/06/18/2024-13148.html" \
  --announced 2024-06-18 --published 2024-06-18

"$tw" -q add act --id bis-el-2024-07-03 --imposer US \
  --title "BIS: addition of entities to and revision of entries on the Entity List (6 entries)" \
  --citation "89 FR 55033" --document-number 2024-14635 \
  --url "https://regulations.justia.com/regulations/fedreg/2024/07/03/2024-14635.html" \
  --announced 2024-07-03 \
  --added CN=2 --added ZA=1 --added AE=2 --added GB=1

"$tw" -q add act --id bis-el-2024-11-01 --imposer US \
  --title "BIS: additions to and revisions of the Entity List (RIN 0694-AJ94)" \
  --document-number 2024-25411 \
  --url "https://frtracker.app/fr/2024-25411" \
  --announced 2024-11-01

"$tw" -q add act --id bis-el-2024-12-02 --imposer US \
  --title "BIS: 140 entities of China, Japan, South Korea and Singapore added (advanced-node ICs and SME), 14 China entries modified (RIN 0694-AJ77)" \
  --document-number 2024-28267 \
  --url "https://frtracker.app/fr/2024-28267" \
  --announced 2024-12-02

"$tw" -q add act --id bis-el-2025-01-16-china --imposer US \
  --title "BIS: 11 entities of China added to the Entity List, 1 India entry revised" \
  --citation "90 FR 4617" --document-number 2025-00704 \
  --url "https://frtracker.app/fr/2025-00704" \
  --announced 2025-01-16 \
  --added CN=11

"$tw" -q add act --id bis-el-2025-01-16-china-singapore --imposer US \
  --title "BIS: 16 entities of China and Singapore added to the Entity List" \
  --citation "90 FR 4621" --document-number 2025-00480 \
  --url "https://frtracker.app/fr/2025-00480" \
  --announced 2025-01-16 \
  --added CN=14 --added SG=2

"$tw" -q add act --id bis-el-2025-03-25-china-taiwan --imposer US \
  --title "BIS: 12 entities of China and Taiwan added to the Entity List" \
  --citation "90 FR 14046" --document-number 2025-05427 \
  --url "https://frtracker.app/fr/2025-05427" \
  --announced 2025-03-25 --published 2025-03-28 \
  --added CN=11 --added TW=1

"$tw" -q add act --id bis-el-2025-03-25-70-entities --imposer US \
  --title "BIS: 70 entities of China, Iran, Pakistan, South Africa and the UAE added to the Entity List (second rule of 2025-03-25)" \
  --url "https://dragonplusinsight.com/new-us-export-control-list-adds-70-foreign-entities-including-42-from-china" \
  --announced 2025-03-25 \
  --added CN=42 --added IR=2 --added PK=19 --added ZA=3 --added AE=4

# --- IEEPA synthetic-opioid ("fentanyl") duty on products of China -------------------------------

"$tw" -q add tariff --id us-ieepa-fentanyl-cn --imposer US --origin CN --origin HK \
  --authority "IEEPA fentanyl" --hs '*' \
  --rate 10% --from 2025-02-04 --heading 9903.01.20 --act eo-14195 \
  --announced 2025-02-01 --title "IEEPA duty on products of China and Hong Kong (synthetic opioid supply chain)" \
  --note "all products; the listed exceptions (donations, informational materials, in transit) are not recorded; CBP notice 90 FR 9431; confidence high"
"$tw" -q amend us-ieepa-fentanyl-cn --from 2025-03-04 --rate 20% --heading 9903.01.24 \
  --act eo-14228 --note "EO 14228 changes \"10 percent\" to \"20 percent\" in EO 14195; 90 FR 11426 (2025-03-06); confidence high"
"$tw" -q amend us-ieepa-fentanyl-cn --from 2025-11-10 --rate 10% --heading 9903.01.24 \
  --act eo-2025-11-04-opioid --note "9903.01.24 amended from 20% to 10% (CBP CSMS 66749380); confidence high"

# --- IEEPA reciprocal tariff: 10% baseline, China's country rate and its suspension -------------

# The baseline and the country rate are one authority: China's line (origin-specific) applies in
# place of the baseline while it is in force. Goods under Section 232 steel, aluminum, autos or
# auto parts do not pay it (group eo-14257).
"$tw" -q add tariff --id us-ieepa-reciprocal-baseline --imposer US --origin '*' \
  --authority "IEEPA reciprocal" --hs '*' --exclusive eo-14257:1 \
  --rate 10% --from 2025-04-05 --heading 9903.01.25 --act eo-14257 \
  --announced 2025-04-02 --title "IEEPA reciprocal tariff: 10% baseline" \
  --note "all origins and products; the exceptions of Annex II and the country rates other than China's are not recorded; confidence high"

# The 34% that EO 14257 scheduled for 2025-04-09 was replaced by 84% before it applied.
"$tw" -q add tariff --id us-ieepa-reciprocal-cn --imposer US --origin CN --origin HK --origin MO \
  --authority "IEEPA reciprocal" --hs '*' --exclusive eo-14257:1 \
  --rate 84% --from 2025-04-09 --heading 9903.01.63 --act eo-14259 \
  --announced 2025-04-02 --title "IEEPA reciprocal tariff: country rate on China (Annex I)" \
  --note "84% by EO 14259 in place of the 34% that EO 14257 scheduled for 2025-04-09, which never applied; confidence high"
"$tw" -q amend us-ieepa-reciprocal-cn --from 2025-04-10 --rate 125% --heading 9903.01.63 \
  --act eo-14266 --note "\"84%\" replaced by \"125%\"; confidence high"
"$tw" -q end us-ieepa-reciprocal-cn --on 2025-05-14 --act eo-14298

"$tw" -q add other --id us-ieepa-reciprocal-cn-suspension --imposer US \
  --partner CN --partner HK --partner MO --authority "IEEPA reciprocal" \
  --text "Heading 9903.01.63 reset to 34% and suspended for 90 days; the 10% of heading 9903.01.25 remains (US-China Joint Statement of 2025-05-12)" \
  --from 2025-05-14 --act eo-14298 \
  --title "Suspension of the reciprocal country rate on China (heading 9903.01.63)" \
  --note "Geneva arrangement; confidence high"
"$tw" -q amend us-ieepa-reciprocal-cn-suspension --from 2025-08-12 \
  --text "Suspension of heading 9903.01.63 (34%) extended to 2025-11-10; the 10% of heading 9903.01.25 remains" \
  --act eo-2025-08-11-reciprocal --note "confidence high"
"$tw" -q amend us-ieepa-reciprocal-cn-suspension --from 2025-11-10 \
  --text "Suspension of heading 9903.01.63 (34%) extended to 2026-11-10; the 10% of heading 9903.01.25 remains" \
  --act eo-2025-11-04-reciprocal --note "confidence high"
"$tw" -q end us-ieepa-reciprocal-cn-suspension --on 2026-11-10 --act eo-2025-11-04-reciprocal

# --- Section 232 steel and aluminum ------------------------------------------------------------
# Scope chosen for the sample (FACTS.md gives no product codes): steel headings 7206-7229,
# aluminum headings 7601 and 7604-7609. Derivatives are not recorded.

steel_note="product scope: headings 7206-7229, chosen for the sample (FACTS.md gives no codes); the 25% in force before for most countries is not recorded"
"$tw" -q add tariff --id us-232-steel --imposer US --origin '*' --authority "Section 232 steel" \
  "${s232_steel[@]}" --exclusive eo-14257:2 --exclusive eo-14289:1 \
  --rate 25% --from 2025-03-12 --act procl-10896 \
  --announced 2025-02-10 --title "Section 232 on steel articles (headings 7206-7229)" \
  --note "all countries, exemptions and quotas ended; $steel_note; 90 FR 11249 (2025-03-05); confidence high (rate, date), medium (FR page)"
"$tw" -q amend us-232-steel --from 2025-06-04 --rate 50% --act procl-2025-06-03 \
  --note "all origins except the United Kingdom; confidence high"

"$tw" -q add tariff --id us-232-steel-gb --imposer US --origin GB --authority "Section 232 steel" \
  "${s232_steel[@]}" --exclusive eo-14257:2 --exclusive eo-14289:1 \
  --rate 25% --from 2025-06-04 --act procl-2025-06-03 \
  --announced 2025-06-03 --title "Section 232 on steel articles of the United Kingdom (headings 7206-7229)" \
  --note "the United Kingdom stays at 25% when the rate for other origins rises to 50%; confidence high"

aluminum_note="product scope: headings 7601 and 7604-7609, chosen for the sample (FACTS.md gives no codes); the earlier 10% (start date not in FACTS.md) is not recorded"
"$tw" -q add tariff --id us-232-aluminum --imposer US --origin '*' --authority "Section 232 aluminum" \
  "${s232_aluminum[@]}" --exclusive eo-14257:2 --exclusive eo-14289:1 \
  --rate 25% --from 2025-03-12 --act procl-10895 \
  --announced 2025-02-10 --title "Section 232 on aluminum articles (headings 7601, 7604-7609)" \
  --note "raised from 10%; $aluminum_note; confidence high"
"$tw" -q amend us-232-aluminum --from 2025-06-04 --rate 50% --act procl-2025-06-03 \
  --note "all origins except the United Kingdom; confidence high"

"$tw" -q add tariff --id us-232-aluminum-gb --imposer US --origin GB --authority "Section 232 aluminum" \
  "${s232_aluminum[@]}" --exclusive eo-14257:2 --exclusive eo-14289:1 \
  --rate 25% --from 2025-06-04 --act procl-2025-06-03 \
  --announced 2025-06-03 --title "Section 232 on aluminum articles of the United Kingdom (headings 7601, 7604-7609)" \
  --note "the United Kingdom stays at 25% when the rate for other origins rises to 50%; confidence high"

# --- Section 232 automobiles and automobile parts ----------------------------------------------
# Two authorities, so that neither hides the other where their codes meet. Goods under them pay
# neither the reciprocal duty (eo-14257) nor Section 232 steel or aluminum (eo-14289).

"$tw" -q add tariff --id us-232-autos --imposer US --origin '*' --authority "Section 232 autos" \
  --hs 8703 --exclusive eo-14257:2 --exclusive eo-14289:2 \
  --rate 25% --from 2025-04-03 --heading 9903.94.01 --act procl-10908 \
  --announced 2025-03-26 --title "Section 232 on passenger vehicles (heading 8703)" \
  --note "FACTS.md: Annex I, 8703.xx incl. 8703.80.00; recorded on all of heading 8703; light trucks (codes not in FACTS.md) and 9903.94.03 (USMCA non-US content) not recorded; 90 FR 14705 (2025-04-03); confidence high"

"$tw" -q add tariff --id us-232-auto-parts --imposer US --origin '*' --authority "Section 232 auto parts" \
  --hs 8708 --exclusive eo-14257:2 --exclusive eo-14289:2 \
  --rate 25% --from 2025-05-03 --heading 9903.94.05 --act procl-10908 \
  --announced 2025-03-26 --title "Section 232 on automobile parts (approximated by heading 8708)" \
  --note "FACTS.md says \"listed auto parts\" and gives no codes; heading 8708 stands in for the list, an approximation; confidence high (rate, date), low (scope)"

# --- Entity List: entities of China added on 2024-05-09 (89 FR 41886) -------------------------
# 31 of the 37: the 25 names of the ecscreening.com list (cut off after the 25th), then 6 names
# from other sources. Licence for all items subject to the EAR, presumption of denial.

el_listing() { # ID NAME NOTE [OPTION...]
  local id=$1 name=$2 note=$3
  shift 3
  "$tw" -q add listing --id "$id" --imposer US --list "Entity List" --name "$name" --type entity \
    --country CN --from 2024-05-09 --license-requirement "all items subject to the EAR" \
    --license-policy "presumption of denial" --act bis-el-2024-05-09 --authority "EAR 744.11" \
    --note "$note" "$@"
}
listed="name as listed by ecscreening.com; confidence high (listing, date), medium (FR page)"
further="name from one secondary source, the English name a translation or press rendering; confidence medium"

el_listing el-aee-shenzhen-yidian-aviation-technology "AEE Shenzhen Yidian Aviation Technology Co., Ltd." "$listed"
el_listing el-beijing-academy-of-quantum-information-sciences "Beijing Academy of Quantum Information Sciences" "$listed"
el_listing el-beijing-bdstar-navigation "Beijing BDStar Navigation Co., Ltd." "$listed"
el_listing el-beijing-leike-defense-technology "Beijing Leike Defense Technology Co., Ltd." "$listed"
el_listing el-beijing-ruidakang-technology "Beijing Ruidakang Technology Co., Ltd." "$listed"
el_listing el-beijing-tianhaida-technology "Beijing Tianhaida Technology Co., Ltd." "$listed"
el_listing el-beijing-zhongshang-dingsheng "Beijing Zhongshang Dingsheng Mechanical and Electrical Equipment Co., Ltd." "$listed"
el_listing el-cetc-chip-technology "CETC Chip Technology Co., Ltd." "$listed"
el_listing el-ceyear-technologies "Ceyear Technologies Co., Ltd." "$listed"
el_listing el-chengdu-day-communication-technology "Chengdu Day Communication Technology Co., Ltd." "$listed"
el_listing el-chengdu-zongheng-automation-technology "Chengdu Zongheng Automation Technology Co., Ltd." "$listed"
el_listing el-cetc-16th-research-institute "China Electronics Technology Group Corporation 16th Research Institute" "$listed"
el_listing el-cetc-32nd-research-institute "China Electronics Technology Group Corporation 32nd Research Institute" "$listed"
el_listing el-cetc-36th-research-institute "China Electronics Technology Group Corporation 36th Research Institute" "$listed"
el_listing el-cetc-41st-research-institute "China Electronics Technology Group Corporation 41st Research Institute" "$listed"
el_listing el-cetc-45th-research-institute "China Electronics Technology Group Corporation 45th Research Institute" "$listed"
el_listing el-cetc-electronic-equipment-group "China Electronics Technology Group Corporation Electronic Equipment Group Co., Ltd." "$listed"
el_listing el-cas-quantum-information-and-quantum-physics "Chinese Academy of Science, Center for Excellence in Quantum Information and Quantum Physics" "$listed"
el_listing el-cas-institute-of-physics "Chinese Academy of Sciences, Institute of Physics" "$listed"
el_listing el-cas-key-laboratory-for-quantum-information "Chinese Academy of Sciences, Key Laboratory for Quantum Information" "$listed"
el_listing el-cas-shanghai-institute-of-microsystem "Chinese Academy of Sciences' Shanghai Institute of Microsystem and Information Technology" "$listed"
el_listing el-csic-pride-nanjing-cryogenic-technology "CSIC Pride (Nanjing) Cryogenic Technology Co., Ltd." "$listed"
el_listing el-geovis-technology "GEOVIS Technology Co., Ltd." "$listed"
el_listing el-hefei-national-laboratory-quantum "Hefei National Laboratory for Quantum Information Science" "$listed"
el_listing el-hexin-xingtong-technology-beijing "Hexin Xingtong Technology (Beijing) Co., Ltd." \
  "the source list is cut off after \"Hexin Xingtong Technology (Beijing)\"; \"Co., Ltd.\" completes it; confidence high (listing, date), medium (name, FR page)"

el_listing el-shenzhen-yidian-technology "Shenzhen Yidian Technology Co., Ltd." \
  "exportcompliancedaily, among the entities that shipped to Russia; not established whether it is the same entity as AEE Shenzhen Yidian Aviation Technology Co., Ltd.; $further"
el_listing el-origin-quantum-computing-technology-hefei "Origin Quantum Computing Technology (Hefei) Co., Ltd." \
  "youyongwang.cn (Chinese), one of the 22 quantum entities; $further" \
  --alias "本源量子计算科技(合肥)股份有限公司"
el_listing el-shanghai-quantum-science-research-center "Shanghai Quantum Science Research Center" \
  "youyongwang.cn (Chinese), one of the 22 quantum entities; $further"
el_listing el-shenzhen-institute-of-quantum-science "Shenzhen Institute of Quantum Science and Engineering" \
  "youyongwang.cn (Chinese), one of the 22 quantum entities; $further"
el_listing el-university-of-science-and-technology-of-china "University of Science and Technology of China" \
  "youyongwang.cn (Chinese), one of the 22 quantum entities; $further"
el_listing el-quantum-yangtze-river-delta-innovation-center "Quantum Science and Technology Yangtze River Delta Industrial Innovation Center" \
  "youyongwang.cn (Chinese), one of the 22 quantum entities; $further"
