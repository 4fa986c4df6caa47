#!/usr/bin/env bash
# `make bench`: every figure of tradewatch beside its baseline (the sqlite3 CLI, sqlite-utils,
# a minimal C++ loader), measured in one run on the same generated files; prints the table and
# writes bench/results.json. See bench/bench.py for the figures and their options.
#
# usage: bench.sh TRADEWATCH [--lines N] [--listings M] [--names K] [--runs R] [--out FILE] [--tiny]
set -euo pipefail
exec python3 "$(dirname "$0")/bench.py" "$@"
