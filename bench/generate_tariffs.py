#!/usr/bin/env python3
"""Native files of tariff lines for `make bench`: realistic in shape, the same on every run.

  generate_tariffs.py COUNT OUT_DIR

writes into OUT_DIR:
  acts.csv      the acts the lines cite (import it first: lines name them)
  tariffs.csv   COUNT rows of tariff lines (native CSV, every column)
  probe.json    a question whose answer has lines: {"imposer", "origin", "hs", "on"}, and the
                dates of a change report, {"changes_from", "changes_to"}

The lines spread over about 5,000 product codes (6, 8 and 10 digits), 50 origins and `*`,
10 imposers, each with an MFN layer on all origins and measures of other authorities
(trade remedies, retaliation, safeguards) on some origins; dates run from 2015 to 2026. A
line has one to three versions, each ending where the next starts, and a fifth of lines end,
so that about half of all rows are closed intervals. Notes and titles hold commas, quotes and
accented letters, so that CSV quoting is exercised. Everything comes from one seed.
"""

import csv
import datetime
import json
import random
import sys

IMPOSERS = ["US", "EU", "CN", "GB", "JP", "CA", "KR", "IN", "BR", "AU"]
ORIGINS = ["CN", "VN", "MX", "DE", "JP", "KR", "IN", "TW", "TH", "MY", "ID", "TR", "RU", "BR", "CA", "GB", "FR", "IT",
           "ES", "NL", "BE", "PL", "CZ", "AT", "SE", "CH", "NO", "US", "AU", "NZ", "ZA", "EG", "MA", "NG", "SA", "AE",
           "IL", "PK", "BD", "LK", "PH", "SG", "HK", "AR", "CL", "PE", "CO", "UA", "KZ", "BY"]
AUTHORITIES = {
    "US": ["Section 301", "Section 232", "Anti-dumping", "Countervailing", "Section 201"],
    "EU": ["Anti-dumping", "Anti-subsidy", "Safeguard", "Rebalancing"],
    "CN": ["Retaliation", "Anti-dumping", "Countervailing"],
}
OTHER_AUTHORITIES = ["Anti-dumping", "Countervailing", "Safeguard", "Surtax"]
MEASURES_PER_IMPOSER = 20
FIRST_DAY = datetime.date(2015, 1, 1)
DAYS = (datetime.date(2026, 12, 31) - FIRST_DAY).days
COLUMNS = ["measure", "imposer", "authority", "origin", "hs", "company", "rate", "heading", "from", "to", "act",
           "end_act", "title", "announced", "exclusive", "note"]
NOTES = ['Excludes parts, accessories and "kits" of heading 8708', 'Annex II, item 12: "as amended", see note 3',
         "Suspended for goods in transit, on proof of shipment", 'Rate for "other" exporters, after review',
         "Applies to goods entered, or withdrawn from warehouse, for consumption", "Règlement d'exécution, article 2"]


def day(offset):
    return (FIRST_DAY + datetime.timedelta(days=offset)).isoformat()


def product_codes(rng, count):
    """`count` distinct codes of 6, 8 and 10 digits under real-looking chapters, dotted."""
    codes = set()
    while len(codes) < count:
        chapter = rng.choice([c for c in range(1, 98) if c != 77])
        digits = f"{chapter:02d}{rng.randrange(1, 100):02d}{rng.randrange(0, 100):02d}"
        length = rng.choice([6, 8, 8, 10, 10, 10])
        digits += "".join(str(rng.randrange(10)) for _ in range(length - 6))
        codes.add(digits)
    dotted = []
    for digits in sorted(codes):
        parts = [digits[:4], digits[4:6], digits[6:8], digits[8:10]]
        dotted.append(".".join(p for p in parts if p))
    return dotted


def rate(rng, mfn):
    shape = rng.random()
    if mfn:
        if shape < 0.25:
            return "Free"
        if shape < 0.85:
            return f"{rng.choice([1, 2, 2.5, 3.4, 4, 5, 6.5, 8, 10, 12])}%"
        if shape < 0.95:
            return f"{rng.randrange(1, 90) / 10}¢/kg"
        return f"{rng.randrange(1, 90) / 10}¢/kg + {rng.choice([2, 5, 6])}%"
    if shape < 0.9:
        return f"{rng.choice([7.5, 10, 15, 20, 25, 30, 35.6, 50, 100, 142.3])}%"
    return f"EUR {rng.randrange(100, 90000) / 1000}/100 kg"


def measures_of(rng):
    """Each imposer's MFN measure and its others: (id, imposer, authority, origins, acts, fields)."""
    measures = []
    acts = []
    for imposer in IMPOSERS:
        authorities = AUTHORITIES.get(imposer, OTHER_AUTHORITIES)
        for index in range(MEASURES_PER_IMPOSER):
            mfn = index == 0
            authority = "MFN" if mfn else authorities[index % len(authorities)]
            measure_id = f"{imposer.lower()}-{'mfn' if mfn else authority.lower().replace(' ', '-')}-{index:03d}"
            origins = ["*"] if mfn else rng.sample(ORIGINS, rng.randrange(3, 12))
            origins = [o for o in origins if o != imposer] or ["CN"]
            measure_acts = []
            for revision in range(rng.randrange(2, 5)):
                act_id = f"{measure_id}-act-{revision}"
                published = day(rng.randrange(DAYS))
                acts.append({"id": act_id, "imposer": imposer,
                             "title": f"{authority}: {measure_id}, revision {revision} (\"notice\")",
                             "citation": f"{rng.randrange(80, 91)} FR {rng.randrange(1000, 99999)}",
                             "published": published})
                measure_acts.append(act_id)
            title = "MFN, column 1 general" if mfn else f"{authority} on goods of {', '.join(origins[:3])}" + ("; Règlement (UE)" if imposer == "EU" else "")
            fields = {"title": title, "announced": day(rng.randrange(DAYS)),
                      "exclusive": f"{imposer.lower()}-remedies:{index % 3 + 1}" if index % 7 == 3 else ""}
            measures.append((measure_id, imposer, authority, origins, measure_acts, fields))
    return measures, acts


def versions(rng):
    """The [from, to) day offsets of a line's versions: one to three back to back, a fifth ended."""
    count = rng.choices([1, 2, 3], [0.6, 0.2, 0.2])[0]
    ended = rng.random() < 0.2
    days = sorted(rng.sample(range(DAYS), count + 1))
    bounds = [(days[i], days[i + 1]) for i in range(count)]
    if not ended:
        bounds[-1] = (bounds[-1][0], None)
    return bounds


def generate(count, out_dir):
    rng = random.Random(20150101)
    codes = product_codes(rng, 5000)
    measures, acts = measures_of(rng)
    with open(f"{out_dir}/acts.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, ["id", "imposer", "title", "citation", "published"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(acts)
    probe = None
    written = 0
    # Line t belongs to measure t mod M; its j-th line takes the origin and code at j, then a
    # named exporter once the measure has a line on every pair, so that no two lines are one.
    line = 0
    with open(f"{out_dir}/tariffs.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        while written < count:
            measure_id, imposer, authority, origins, measure_acts, fields = measures[line % len(measures)]
            j = line // len(measures)
            line += 1
            mfn = authority == "MFN"
            pairs = len(origins) * len(codes)
            origin = origins[j % len(origins)]
            code = codes[(j // len(origins) * 7 + hash_offset(measure_id)) % len(codes)]
            company = "" if j < pairs else f"Exporter {j // pairs} Co., Ltd."
            bounds = versions(rng)
            for revision, (start, end) in enumerate(bounds):
                if written == count:
                    break
                note = rng.choice(NOTES) if rng.random() < 0.3 else ""
                row = [measure_id, imposer, authority, origin, code, company, rate(rng, mfn),
                       "" if mfn else f"99{rng.randrange(3, 4):02d}.{rng.randrange(1, 99):02d}.{rng.randrange(1, 99):02d}",
                       day(start), "" if end is None else day(end), measure_acts[min(revision, len(measure_acts) - 1)],
                       measure_acts[-1] if end is not None and revision == len(bounds) - 1 else "", fields["title"],
                       fields["announced"], fields["exclusive"], note]
                writer.writerow(row)
                written += 1
                if probe is None and imposer == "US" and not mfn and end is None and len(code) > 7:
                    probe = {"imposer": imposer, "origin": origin, "hs": code, "on": day(max(start, DAYS - 30))}
    probe = probe or {"imposer": "US", "origin": "CN", "hs": codes[0], "on": day(DAYS - 30)}
    probe.update({"changes_from": "2024-01-01", "changes_to": "2024-06-30"})
    with open(f"{out_dir}/probe.json", "w", encoding="utf-8") as out:
        json.dump(probe, out)
        out.write("\n")


def hash_offset(text):
    """A stable offset per measure (Python's hash of a string changes between runs)."""
    return sum(ord(c) * 31 ** i for i, c in enumerate(text)) % 5000


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    generate(int(sys.argv[1]), sys.argv[2])
