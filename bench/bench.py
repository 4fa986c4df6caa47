#!/usr/bin/env python3
"""The side-by-side benchmark of `make bench`: each tradewatch figure beside its baseline,
measured in the same run on the same file, as whole processes.

  bench.py TRADEWATCH [--lines N] [--listings M] [--names K] [--runs R] [--out FILE] [--tiny]

Fast commands are timed by hyperfine (median of R runs after warm-ups); slow ones by a loop
here (median of R runs after one warm-up), each under /usr/bin/time -v for its peak RSS. The
table (figure, tradewatch, baseline, ratio, peak MiB) goes to standard output and every
figure to FILE (default bench/results.json). --tiny is the run `make test` makes so that the
benchmark cannot rot: small sizes, one run, no warm-up; its times mean nothing.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
TARIFF_INDEXES = ("CREATE INDEX tariff_lines_by_code ON tariff_lines (hs, origin);\n"
                  "CREATE INDEX tariff_lines_by_line ON tariff_lines (measure, origin, hs, company, \"from\", \"to\");\n")


def size_label(count):
    for unit, name in ((1_000_000, "M"), (1_000, "k")):
        if count >= unit and count % unit == 0:
            return f"{count // unit}{name}"
    return str(count)


class Bench:
    def __init__(self, args, work):
        self.args = args
        self.work = work
        self.tw = os.path.abspath(args.tradewatch)
        self.figures = []
        self.env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", TRADEWATCH_AUTHOR="bench")

    def path(self, name):
        return os.path.join(self.work, name)

    def run(self, command, stdout=subprocess.DEVNULL, **kwargs):
        subprocess.run(command, check=True, stdout=stdout, env=self.env, **kwargs)

    def sh(self, script):
        self.run(["bash", "-c", script])

    # --- measuring ------------------------------------------------------------------------

    def timed(self, script):
        """Wall seconds and peak RSS (MiB, from /usr/bin/time -v) of one run of `script`."""
        report = self.path("time.txt")
        start = time.perf_counter()
        self.run(["/usr/bin/time", "-v", "-o", report, "bash", "-c", "exec " + script])
        seconds = time.perf_counter() - start
        with open(report, encoding="utf-8") as text:
            found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text.read())
        return seconds, round(int(found.group(1)) / 1024, 1)

    def peak_mib(self, script):
        """Peak RSS of one run of `script`, for the commands hyperfine times."""
        return self.timed(script)[1]

    def slow(self, script, prepare=None):
        """Median wall seconds of `script` over the runs after one warm-up, and its largest
        peak RSS; `prepare` runs untimed before each."""
        times, peaks = [], []
        for attempt in range(self.args.runs + (0 if self.args.tiny else 1)):
            if prepare:
                self.sh(prepare)
            seconds, peak = self.timed(script)
            if attempt > 0 or self.args.tiny:
                times.append(seconds)
                peaks.append(peak)
        return statistics.median(times), max(peaks)

    def fast(self, *scripts):
        """Median wall seconds of each of `scripts`, by hyperfine, in one run of it."""
        export = self.path("hyperfine.json")
        runs = max(self.args.runs, 1) if self.args.tiny else max(self.args.runs * 10, 10)
        warmup = 0 if self.args.tiny else 3
        self.run(["hyperfine", "-N", "--style", "none", "--warmup", str(warmup), "--runs", str(runs), "--export-json", export,
                  *scripts], stderr=subprocess.DEVNULL)
        with open(export, encoding="utf-8") as text:
            return [result["median"] for result in json.load(text)["results"]]

    def figure(self, name, tradewatch, baseline=None, baseline_name=None, unit="s", target=None, note=None):
        """Records a figure; `tradewatch` and `baseline` are (value, peak MiB) or a bare value."""
        value, peak = tradewatch if isinstance(tradewatch, tuple) else (tradewatch, None)
        base, base_peak = baseline if isinstance(baseline, tuple) else (baseline, None)
        entry = {"figure": name, "tradewatch": value, "baseline": base, "baseline_name": baseline_name,
                 "ratio": value / base if base and value is not None else None, "unit": unit, "peak_mib": peak,
                 "baseline_peak_mib": base_peak, "target": target, "note": note}
        self.figures.append(entry)
        print(f"  {name}: {format_value(value, unit)}"
              + (f" vs {baseline_name} {format_value(base, unit)}" if base is not None else ""),
              file=sys.stderr, flush=True)

    def fast_pair(self, tradewatch, baseline):
        """(median, peak MiB) of two fast commands timed in one hyperfine run."""
        tw_seconds, base_seconds = self.fast(tradewatch, baseline)
        return (tw_seconds, self.peak_mib(tradewatch)), (base_seconds, self.peak_mib(baseline))

    # --- data ------------------------------------------------------------------------------

    def generate(self, lines):
        out = self.path(f"data-{lines}")
        os.makedirs(out, exist_ok=True)
        self.run([sys.executable, os.path.join(BENCH, "generate_tariffs.py"), str(lines), out])
        with open(os.path.join(out, "probe.json"), encoding="utf-8") as text:
            return out, json.load(text)

    def fresh_store(self, store, data):
        """A store made by init with the acts the lines cite, so that an import adds only lines."""
        return (f"rm -f {store} {store}-wal {store}-shm && {self.tw} --db {store} -q init && "
                f"{self.tw} --db {store} -q import {data}/acts.csv")

    # --- figures ---------------------------------------------------------------------------

    def imports(self, lines, data, label, baselines):
        """Times the import of `lines` tariff lines; leaves the store at store-{lines}.db."""
        store = self.path(f"store-{lines}.db")
        csv = f"{data}/tariffs.csv"
        tradewatch = self.slow(f"{self.tw} --db {store} -q import {csv}", self.fresh_store(store, data))
        plain = self.path("plain.db")
        wipe = f"rm -f {plain}"
        self.figure(f"import {label} tariff lines", tradewatch, self.slow(f"{self.loader} {csv} {plain}", wipe),
                    "minimal C++ loader", target="≤ 1.4×" if baselines else None)
        if baselines:
            sqlite_import = (f"sqlite3 -batch {plain} '.import --csv {csv} tariff_lines' "
                             f"'{TARIFF_INDEXES.replace(chr(10), ' ')}'")
            self.figure(f"import {label} tariff lines", tradewatch, self.slow(sqlite_import, wipe),
                        "sqlite3 CLI .import + indexes", target="≤ 1.0×")
            utils = (f"sqlite-utils insert {plain} tariff_lines {csv} --csv && "
                     f"sqlite-utils create-index {plain} tariff_lines hs origin && "
                     f"sqlite-utils create-index {plain} tariff_lines measure origin hs company from to")
            self.figure(f"import {label} tariff lines", tradewatch, self.slow(utils, wipe), "sqlite-utils insert --csv",
                        target="≤ 0.14× (7× faster)")
        return store

    def point_query(self, store, probe, label):
        hs = re.sub(r"[^0-9]", "", probe["hs"])
        prefixes = ", ".join(["'*'"] + [f"'{hs[:n]}'" for n in range(2, len(hs) + 1)])
        on = probe["on"]
        sql = ("SELECT mv.authority, l.rate, l.measure_id, l.hs, l.origin, l.heading, l.valid_from, l.valid_to, "
               "a.citation FROM tariff_lines l JOIN measure_versions mv ON mv.measure_id = l.measure_id "
               "AND mv.superseded_in IS NULL LEFT JOIN act_versions a ON a.act_id = l.act_id "
               f"AND a.superseded_in IS NULL WHERE mv.imposer = '{probe['imposer']}' "
               f"AND l.origin IN ('{probe['origin']}', '*') AND l.hs IN ({prefixes}) "
               f"AND l.valid_from <= '{on}' AND (l.valid_to IS NULL OR l.valid_to > '{on}') "
               "AND l.superseded_in IS NULL ORDER BY mv.authority, length(l.hs) DESC")
        rate = (f"{self.tw} --db {store} rate --imposer {probe['imposer']} --origin {probe['origin']} "
                f"--hs {probe['hs']} --on {on}")
        tradewatch, baseline = self.fast_pair(rate, f'sqlite3 -readonly {store} "{sql}"')
        self.figure(f"point rate query, {label} store", tradewatch, baseline, "sqlite3 CLI, indexed SQL",
                    target="≤ 1.5×")

    def changes(self, store, probe, label):
        since, until = probe["changes_from"], probe["changes_to"]
        imposer = probe["imposer"]
        with open(os.path.join(BENCH, "changes.sql"), encoding="utf-8") as text:
            sql = text.read().replace(":imposer", f"'{imposer}'").replace(":from", f"'{since}'").replace(
                ":to", f"'{until}'")
        sql_file = self.path("changes.sql")
        with open(sql_file, "w", encoding="utf-8") as out:
            out.write(".mode csv\n.headers on\n" + sql)
        report = (f"{self.tw} --db {store} --format csv report changes --from {since} --to {until} "
                  f"--imposer {imposer} -o {self.path('changes-tw.csv')}")
        baseline = f"sqlite3 -readonly {store} < {sql_file} > {self.path('changes-sqlite.csv')}"
        tradewatch = self.slow(report)
        sqlite = self.slow(baseline)
        rows = []
        for name in ("changes-tw.csv", "changes-sqlite.csv"):
            with open(self.path(name), encoding="utf-8") as text:
                rows.append(sum(1 for _ in text) - 1)
        self.figure(f"change report {since}…{until} ({imposer}), {label} store", tradewatch, sqlite,
                    "sqlite3 CLI, one SQL statement", target="≤ 2×", note=f"rows: tradewatch {rows[0]}, sqlite3 {rows[1]}")

    def export_dump_load(self, store, label):
        export = f"{self.tw} --db {store} export --kind tariff --as csv -o {self.path('export.csv')}"
        baseline = (f"sqlite3 -readonly -csv -header {store} \"SELECT l.measure_id, mv.imposer, mv.authority, "
                    "l.origin, l.hs, l.company, l.rate, l.heading, l.valid_from, l.valid_to, l.act_id, l.end_act_id, "
                    "mv.title, mv.announced, mv.exclusive_groups, l.note FROM tariff_lines l JOIN measure_versions mv "
                    "ON mv.measure_id = l.measure_id AND mv.superseded_in IS NULL WHERE l.superseded_in IS NULL "
                    f"ORDER BY l.measure_id, l.origin, l.hs, l.company, l.valid_from\" > {self.path('export-sqlite.csv')}")
        self.figure(f"export {label} tariff lines", self.slow(export), self.slow(baseline),
                    "sqlite3 CLI writing the rows as CSV", target="≤ 2×")

        dump_dir = self.path("dump")
        dump = self.slow(f"{self.tw} --db {store} dump {dump_dir} --force")
        tables = sorted(f[:-4] for f in os.listdir(dump_dir) if f.endswith(".csv"))
        script = self.path("dump.sql")
        sqlite_dir = self.path("dump-sqlite")
        os.makedirs(sqlite_dir, exist_ok=True)
        with open(script, "w", encoding="utf-8") as sql:
            sql.write(".mode csv\n.headers on\n")
            for table in tables:
                sql.write(f".once {sqlite_dir}/{table}.csv\nSELECT * FROM \"{table}\" ORDER BY 1;\n")
        self.figure(f"dump {label} store", dump, self.slow(f"sqlite3 -readonly {store} < {script}"),
                    "sqlite3 CLI writing each table as CSV", target="≤ 2×")

        loaded = self.path("loaded.db")
        prepare = f"rm -f {loaded} {loaded}-wal {loaded}-shm && {self.tw} --db {loaded} -q init"
        plain = self.path("plain.db")
        imports = " ".join(f"'.import --csv {dump_dir}/{t}.csv {t}'" for t in tables)
        baseline = (f"sqlite3 -batch {plain} {imports} "
                    "'CREATE INDEX tariff_lines_by_code ON tariff_lines (hs, origin); "
                    "CREATE INDEX tariff_lines_by_line ON tariff_lines "
                    "(measure_id, origin, hs, company, valid_from, valid_to);'")
        self.figure(f"load {label} store", self.slow(f"{self.tw} --db {loaded} -q load {dump_dir}", prepare),
                    self.slow(baseline, f"rm -f {plain}"), "sqlite3 CLI .import of the dump + indexes")

    def screening(self):
        evaluation = ["bash", os.path.join(BENCH, "screening_eval.sh"), self.tw] + (["--tiny"] if self.args.tiny else [])
        eval_output = subprocess.run(evaluation,
                                     check=True, capture_output=True, text=True, env=self.env).stdout
        print(eval_output, file=sys.stderr)
        found = re.search(r"threshold \d+ \(default\): recall ([\d.]+)\s+precision ([\d.]+)", eval_output)
        self.figure("screening recall, evaluation set", float(found.group(1)), unit="", target="≥ 0.95")
        self.figure("screening precision, evaluation set", float(found.group(2)), unit="", target="≥ 0.9")

        count = self.args.listings
        label = size_label(count)
        generate = os.path.join(ROOT, "tests", "data", "screening", "generate.py")
        listings, names = self.path("listings.ndjson"), self.path("names.txt")
        self.run([sys.executable, generate, "listings", str(count), listings])
        self.run([sys.executable, generate, "names", str(self.args.names), names])
        store = self.path("listings.db")
        prepare = f"rm -f {store} {store}-wal {store}-shm && {self.tw} --db {store} -q init"
        script = f"{self.tw} --db {store} -q import {listings}"
        self.figure(f"import {label} listings", self.slow(script, prepare))
        with open(names, encoding="utf-8") as text:
            name = text.read().splitlines()[min(4, self.args.names - 1)]
        screen = f"{self.tw} --db {store} screen '{name}'"
        lookup = f"sqlite3 -readonly {store} \"SELECT name FROM listings WHERE measure_id = 'gen-000050'\""
        tradewatch, baseline = self.fast_pair(screen, lookup)
        self.figure(f"screen one name, {label} listings", tradewatch, baseline, "sqlite3 CLI, one indexed lookup",
                    target="≤ 3×")
        batch = f"{self.tw} --db {store} --format csv screen --batch {names} -o {self.path('batch.csv')}"
        self.figure(f"screen a batch of {size_label(self.args.names)} names, {label} listings", self.slow(batch),
                    target="< 20 s for 10k names")
        recall = subprocess.run(
            ["sqlite3", "-batch", self.path("recall.sqlite"), f".import --csv {names}.expected expected",
             f".import --csv {self.path('batch.csv')} matches",
             "SELECT 1.0 * sum(found) / count(*) FROM (SELECT EXISTS (SELECT 1 FROM matches m WHERE m.input = e.input "
             "AND m.id = e.expected) AS found FROM expected e)"], check=True, capture_output=True, text=True).stdout
        self.figure(f"screening recall of the batch's variants, {label} listings", float(recall.strip() or 0), unit="")

    def startup(self):
        seconds, = self.fast("true")
        self.figure("starting a process (true)", seconds, note="the floor under every process figure")


# What every run must measure: (start of the figure's name, its baseline, how many sizes).
REQUIRED = [
    ("starting a process", None, 1),
    ("import ", "minimal C++ loader", 3),
    ("import ", "sqlite3 CLI .import + indexes", 1),
    ("import ", "sqlite-utils insert --csv", 1),
    ("point rate query", "sqlite3 CLI, indexed SQL", 3),
    ("change report", "sqlite3 CLI, one SQL statement", 1),
    ("export ", "sqlite3 CLI writing the rows as CSV", 1),
    ("dump ", "sqlite3 CLI writing each table as CSV", 1),
    ("load ", "sqlite3 CLI .import of the dump + indexes", 1),
    ("screening recall, evaluation set", None, 1),
    ("screening precision, evaluation set", None, 1),
    ("import ", None, 1),
    ("screen one name", "sqlite3 CLI, one indexed lookup", 1),
    ("screen a batch", None, 1),
    ("screening recall of the batch", None, 1),
]


def missing_figures(figures):
    """The required figures that `figures` lacks or holds without a value."""
    missing = []
    for start, baseline, sizes in REQUIRED:
        found = [f for f in figures if f["figure"].startswith(start) and f["baseline_name"] == baseline
                 and f["tradewatch"] is not None and (baseline is None or f["baseline"] is not None)]
        if len(found) != sizes:
            missing.append(f"{start.strip()} ({baseline or 'no baseline'}): {len(found)} of {sizes}")
    return missing


def format_value(value, unit):
    if value is None:
        return "—"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.3f}"


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo", encoding="utf-8")
                if line.startswith("model name")), platform.processor())
    memory = next(int(line.split()[1]) for line in open("/proc/meminfo", encoding="utf-8")
                  if line.startswith("MemTotal"))
    sqlite = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(memory / 1024 / 1024, 1),
            "os": platform.platform(), "sqlite3": sqlite, "load_average": os.getloadavg()}


def table(figures):
    rows = [("figure", "tradewatch", "baseline", "ratio", "peak MiB (tw / baseline)", "target")]
    for f in figures:
        baseline = f"{format_value(f['baseline'], f['unit'])} ({f['baseline_name']})" if f["baseline_name"] else ""
        ratio = f"{f['ratio']:.2f}×" if f["ratio"] is not None else ""
        peak = f"{f['peak_mib']:.1f}" if f["peak_mib"] is not None else ""
        if f["baseline_peak_mib"] is not None:
            peak += f" / {f['baseline_peak_mib']:.1f}"
        rows.append((f["figure"], format_value(f["tradewatch"], f["unit"]), baseline, ratio, peak, f["target"] or ""))
    return "\n".join("| " + " | ".join(row) + " |" + ("\n|---|---:|---|---:|---:|---|" if i == 0 else "")
                     for i, row in enumerate(rows))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tradewatch")
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--names", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default=os.path.join(BENCH, "results.json"))
    parser.add_argument("--tiny", action="store_true")
    args = parser.parse_args()
    if args.tiny:
        args.lines, args.listings, args.names, args.runs = min(args.lines, 2000), min(args.listings, 300), 20, 1
    started = datetime.datetime.now(datetime.timezone.utc)
    with tempfile.TemporaryDirectory(prefix="tw-bench-") as work:
        bench = Bench(args, work)
        bench.loader = os.path.join(work, "minimal_loader")
        bench.run(["g++", "-O2", "-std=c++17", "-o", bench.loader, os.path.join(BENCH, "minimal_loader.cpp"),
                   "-lsqlite3"])
        print(f"== tariff lines: generating {args.lines:,} ==", file=sys.stderr, flush=True)
        data, probe = bench.generate(args.lines)
        label = size_label(args.lines)
        bench.startup()
        store = bench.imports(args.lines, data, label, True)
        bench.point_query(store, probe, label)
        bench.changes(store, probe, label)
        bench.export_dump_load(store, label)
        print("== growth ==", file=sys.stderr, flush=True)
        for lines in sorted({max(args.lines // 100, 100), max(args.lines // 10, 100)} - {args.lines}):
            small_data, small_probe = bench.generate(lines)
            small = bench.imports(lines, small_data, size_label(lines), False)
            bench.point_query(small, small_probe, size_label(lines))
        print("== screening ==", file=sys.stderr, flush=True)
        bench.screening()
        results = {"started": started.isoformat(timespec="seconds"), "machine": machine(),
                   "sizes": {"tariff_lines": args.lines, "listings": args.listings, "names": args.names},
                   "runs": args.runs, "tiny": args.tiny, "figures": bench.figures}
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(results, out, indent=2, ensure_ascii=False)
        out.write("\n")
    m = results["machine"]
    print(f"tradewatch benchmark, {args.lines:,} tariff lines and {args.listings:,} listings, median of "
          f"{args.runs} runs; {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, SQLite {m['sqlite3']}, "
          f"load average at the end {m['load_average'][0]:.1f}\n")
    print(table(bench.figures))
    missing = missing_figures(bench.figures)
    if missing:
        sys.exit("bench: figures missing from the results: " + "; ".join(missing))


if __name__ == "__main__":
    main()
