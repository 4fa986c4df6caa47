#!/usr/bin/env python3
"""Builds the screening evaluation set, or a large store of listings for the speed benchmark.

  generate.py eval SAMPLES_LOAD_SH OUT_DIR   listings.ndjson and cases.csv in OUT_DIR
  generate.py listings COUNT OUT_FILE        COUNT generated listings, native NDJSON
  generate.py names COUNT OUT_FILE           COUNT names to screen, one a line

The evaluation listings are the Entity List names recorded by samples/load.sh and generated
names. Each case is an input name and the listing it must find (empty for a near-miss, which
must find nothing): true variants of listed names (typos, dropped or reordered words,
abbreviations, other legal forms, transliterations, Chinese names) and near-misses (other
companies with the same place and trade words, other numbered institutes, ordinary
company names). Everything is seeded, so the output is the same on every run.
"""

import csv
import json
import random
import re
import sys

PLACES = ["Beijing", "Shanghai", "Shenzhen", "Hefei", "Wuhan", "Chengdu", "Tianjin", "Nanjing", "Hangzhou",
          "Guangzhou", "Xian", "Changsha", "Dalian", "Qingdao", "Harbin", "Moscow", "Tehran", "Dubai", "Minsk",
          "Hong Kong", "Novosibirsk", "Karachi", "Almaty", "Tashkent", "Yerevan"]
TRADES = ["Technology", "Electronics", "Aviation", "Semiconductor", "Optical", "Trading", "Logistics", "Machinery",
          "Precision Instruments", "Photonics", "Materials", "Shipping", "Marine", "Energy", "Defense", "Aerospace",
          "Microelectronics", "Navigation", "Communication", "Automation", "Industrial", "Import and Export"]
FORMS = ["Co., Ltd.", "Co. Ltd", "Limited", "LLC", "Corporation", "Inc.", "GmbH", "JSC", "OOO", "Company Limited",
         "Group Co., Ltd.", "Ltd."]
ABBREVIATIONS = {"Technology": "Tech", "National": "Natl.", "Laboratory": "Lab", "International": "Intl",
                 "Institute": "Inst.", "Electronics": "Elec.", "Corporation": "Corp.", "Company": "Co.",
                 "Limited": "Ltd.", "Information": "Info", "Academy": "Acad.", "University": "Univ.",
                 "Engineering": "Eng.", "Equipment": "Equip.", "Manufacturing": "Mfg.", "Center": "Ctr."}
ONSETS = ["b", "ch", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "q", "r", "s", "sh", "t", "w", "x", "y", "z",
          "zh"]
RHYMES = ["a", "ai", "an", "ang", "ao", "e", "ei", "en", "eng", "i", "ian", "iang", "in", "ing", "ong", "ou", "u",
          "uan", "un", "uo"]
HAN = list("中科星图华为创新电子技术光学航天精密仪器信息量子计算网络安全数据能源材料海洋通信自动化集团研究院")
ORDINARY = ["Acme Plumbing Supplies Ltd", "Sunrise Bakery LLC", "Green Valley Dairy Farm", "Northwind Traders Inc.",
            "Bluebird Florists", "Maple Leaf Furniture Co.", "Riverside Dental Clinic", "Golden Gate Coffee Roasters",
            "Harbor View Hotel Group", "Silver Line Taxi Company", "Evergreen Landscaping Services",
            "Summit Outdoor Gear GmbH", "Oakwood Property Management", "Redwood Veterinary Hospital",
            "Atlas Office Cleaning Ltd.", "Pioneer Car Rentals", "Lighthouse Bookshop", "Cedar Creek Winery",
            "Blue Ocean Seafood Restaurant", "Prairie Wind Insurance Agency", "Walmart Inc.", "Toyota Motor Corporation",
            "Siemens AG", "Nestle S.A.", "Unilever PLC", "Samsung Electronics Co., Ltd.", "Sony Group Corporation",
            "Deutsche Bank AG", "Banco Santander S.A.", "Carrefour SA"]


def coined(rng):
    return "".join(rng.choice(ONSETS) + rng.choice(RHYMES) for _ in range(rng.choice([2, 2, 3]))).capitalize()


def generated_listing(rng, index, used):
    while True:
        word = coined(rng)
        if word.lower() not in used:
            used.add(word.lower())
            break
    place = rng.choice(PLACES)
    trade = rng.choice(TRADES)
    form = rng.choice(FORMS)
    shape = rng.random()
    if shape < 0.5:
        name = f"{place} {word} {trade} {form}"
    elif shape < 0.8:
        name = f"{word} {trade} ({place}) {form}"
    else:
        name = f"{word} {trade} {form}"
    aliases = []
    if rng.random() < 0.2:
        aliases.append("".join(rng.choice(HAN) for _ in range(rng.randint(4, 6))) + rng.choice(["有限公司",
                                                                                                "股份有限公司"]))
    if rng.random() < 0.1:
        aliases.append(word.upper())
    country = "RU" if place in ("Moscow", "Novosibirsk") else "IR" if place == "Tehran" else "CN"
    return {"id": f"gen-{index:06d}", "list": rng.choice(["Entity List", "Entity List", "SDN"]), "imposer": "US",
            "name": name, "aliases": aliases, "type": "entity", "country": country, "from": "2024-05-09"}, word


def edit_distance(a, b):
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def words(name):
    return name.split()


def typo(rng, token):
    i = rng.randrange(1, len(token) - 1)
    kind = rng.choice(["swap", "drop", "double", "replace"])
    if kind == "swap" and token[i] != token[i + 1]:
        return token[:i] + token[i + 1] + token[i] + token[i + 2:]
    if kind == "drop":
        return token[:i] + token[i + 1:]
    if kind == "double":
        return token[:i] + token[i] + token[i:]
    letters = "aeiou" if token[i] in "aeiou" else "bcdfghklmnprstvz"
    return token[:i] + rng.choice(letters.replace(token[i], "")) + token[i + 1:]


def distinctive(name, coined_word):
    if coined_word:
        return coined_word
    candidates = [w for w in re.findall(r"[A-Za-z]+", name) if len(w) >= 6 and w not in ABBREVIATIONS
                  and w not in ("Technology", "Research", "Science", "Sciences", "Quantum", "Institute")]
    return max(candidates, key=len) if candidates else None


def strip_form(name):
    for form in sorted(FORMS, key=len, reverse=True):
        if name.endswith(" " + form):
            return name[: -len(form) - 1]
    return name


def variants(rng, listing, coined_word):
    """True variants of a listed name: (kind, input)."""
    name = listing["name"]
    result = []
    token = distinctive(name, coined_word)
    if token and len(token) >= 5:
        result.append(("typo", name.replace(token, typo(rng, token), 1)))
    abbreviated = " ".join(ABBREVIATIONS.get(w.strip(",."), w) for w in words(name))
    if abbreviated != name:
        result.append(("abbreviation", abbreviated))
    base = strip_form(name)
    result.append(("legal form", base + " " + rng.choice(["Ltd", "Limited", "LLC", "Co", "Company", "Inc", ""])))
    parts = words(re.sub(r"[(),.]", " ", base))
    if len(parts) >= 3:
        rotated = parts[1:] + parts[:1]
        result.append(("word order", " ".join(rotated)))
        droppable = [w for w in parts if w.lower() in ("technology", "electronics", "trading", "group", "industrial",
                                                       "and", "of", "for")]
        if droppable:
            result.append(("dropped word", " ".join(w for w in parts if w != droppable[0])))
    result.append(("case and punctuation", re.sub(r"[(),.]", "", name).upper()))
    others = [w for w in re.findall(r"[A-Za-z]{6,}", base) if w != token]
    if token and len(token) >= 5 and others:
        other = rng.choice(others)
        result.append(("two typos", base.replace(token, typo(rng, token), 1).replace(other, typo(rng, other), 1)))
    if coined_word:
        variant = coined_word.replace("x", "ks").replace("zh", "z").replace("ph", "f").replace("ch", "tch")
        if variant != coined_word:
            result.append(("transliteration", name.replace(coined_word, variant.capitalize())))
    for alias in listing["aliases"]:
        if any("\u4e00" <= c <= "\u9fff" for c in alias):
            result.append(("chinese", alias.replace("股份有限公司", "有限公司") if "股份" in alias
                           else alias.replace("有限公司", "") + "股份有限公司"))
    rng.shuffle(result)
    return result[:4]


def near_misses(rng, listing, coined_word, used):
    """Names that must not match `listing`: another company with its place and trade words."""
    name = listing["name"]
    result = []
    if coined_word:
        while True:
            other = coined(rng)
            if other.lower() not in used and abs(len(other) - len(coined_word)) <= 3:
                break
        result.append(("other company", name.replace(coined_word, other)))
        # A name that starts like the listed one and then differs.
        first = re.match(r"(?:zh|ch|sh|[a-z])(?:iang|uan|ang|eng|ian|ing|ong|ai|an|ao|ei|en|in|ou|un|uo|[aeiu])",
                         coined_word.lower())
        if first:
            while True:
                similar = (first.group(0) + coined(rng).lower()).capitalize()
                if similar.lower() not in used and edit_distance(similar.lower(), coined_word.lower()) >= 3:
                    break
            result.append(("similar name", name.replace(coined_word, similar)))
    number = re.search(r"(\d+)(st|nd|rd|th)", name)
    if number:
        other = int(number.group(1)) + rng.choice([1, 2, 3, 7]) * 10 + 1
        result.append(("other number", name.replace(number.group(0), f"{other}th")))
    return result


def sample_listings(load_sh):
    text = open(load_sh, encoding="utf-8").read()
    listings = []
    for match in re.finditer(r'^el_listing ([a-z0-9-]+) "([^"]+)"(.*?)(?=^el_listing |\Z)', text, re.M | re.S):
        aliases = re.findall(r'--alias "([^"]+)"', match.group(3))
        listings.append({"id": match.group(1), "list": "Entity List", "imposer": "US", "name": match.group(2),
                         "aliases": aliases, "type": "entity", "country": "CN", "from": "2024-05-09"})
    return listings


def evaluation(load_sh, out_dir):
    rng = random.Random(20240509)
    used = set()
    listings = [(listing, None) for listing in sample_listings(load_sh)]
    for index in range(1, 271):
        listings.append(generated_listing(rng, index, used))
    cases = []
    seen = set()

    def add(kind, text, expected):
        text = " ".join(text.split())
        if text and text.lower() not in seen:
            seen.add(text.lower())
            cases.append({"input": text, "expected": expected, "kind": kind})

    for listing, coined_word in listings:
        for kind, text in variants(rng, listing, coined_word):
            add(kind, text, listing["id"])
    for listing, coined_word in listings:
        for kind, text in near_misses(rng, listing, coined_word, used):
            add(kind, text, "")
    for text in ORDINARY:
        add("ordinary company", text, "")
    with open(f"{out_dir}/listings.ndjson", "w", encoding="utf-8") as out:
        for listing, _ in listings:
            out.write(json.dumps(listing, ensure_ascii=False) + "\n")
    with open(f"{out_dir}/cases.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, ["input", "expected", "kind"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(cases)


STREETS = ["Zhongguancun Street", "Rue de la Paix", "Calle Mayor", "Leninsky Prospekt", "Sheikh Zayed Road",
           "Avenida Paulista", "Straße des 17. Juni", "Nanjing Road", "Valiasr Street", "Tverskaya Street"]
ACCENTED = ["Société", "Électronique", "Compañía", "Técnica", "Übersee", "Åland", "Ölçüm", "Düzce", "Indústria",
            "Řešení"]


def many_listings(count, out_file):
    # The listings of many_names; each also gets an address and some an accented alias, drawn
    # from a second generator so that the names stay those many_names screens.
    rng = random.Random(100000)
    extra = random.Random(100001)
    used = set()
    with open(out_file, "w", encoding="utf-8") as out:
        for index in range(1, count + 1):
            listing, word = generated_listing(rng, index, used)
            listing["address"] = [f"{extra.randrange(1, 999)} {extra.choice(STREETS)}, {extra.choice(PLACES)}"]
            if extra.random() < 0.1:
                listing["aliases"].append(f"{extra.choice(ACCENTED)} {word} {extra.choice(ACCENTED)}")
            out.write(json.dumps(listing, ensure_ascii=False) + "\n")


def many_names(count, out_file):
    # Half variants of generated listings (the same seed as many_listings), half other names;
    # OUT_FILE.expected holds, for each variant, its line and the listing it must find.
    rng = random.Random(100000)
    used = set()
    listed = [generated_listing(rng, index, used) for index in range(1, count + 1)]
    other = random.Random(7)
    with open(out_file, "w", encoding="utf-8") as out, open(out_file + ".expected", "w", encoding="utf-8") as expected:
        writer = csv.writer(expected, lineterminator="\n")
        writer.writerow(["input", "expected"])
        for index in range(count):
            if index % 2 == 0:
                listing, coined_word = listed[other.randrange(len(listed))]
                name = " ".join(variants(other, listing, coined_word)[0][1].split())
                out.write(name + "\n")
                writer.writerow([name, listing["id"]])
            else:
                out.write(f"{coined(other)} {other.choice(TRADES)} {other.choice(FORMS)}\n")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "eval":
        evaluation(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "listings":
        many_listings(int(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "names":
        many_names(int(sys.argv[2]), sys.argv[3])
    else:
        sys.exit(__doc__)
