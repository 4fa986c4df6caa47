# tradewatch: `make demo` and `make test` are the only commands a fresh Debian 12 machine needs.
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_SEED  ?= 0
JOBS       ?= $(shell nproc)
CMAKE_FLAGS = -DTRADEWATCH_WERROR=ON

# Debian packages the build and the tests need (see README.md for why each is there).
# The benchmark's tools and its data generator: `make bench`, and `make test`, which runs the
# benchmark once at a tiny size so that it keeps working.
BENCH_DEPS = python3 hyperfine sqlite-utils time
DEPS = cmake g++ make pkg-config libsqlite3-dev libcli11-dev libfmt-dev catch2 \
       nlohmann-json3-dev libutf8proc-dev libtomlplusplus-dev sqlite3 chromium $(BENCH_DEPS)
# and for the fuzz targets: clang with libFuzzer
FUZZ_DEPS = clang-16 libclang-rt-16-dev

.PHONY: all deps build test unit asan fuzz demo bench format lint clean

all: build

# Installs the Debian packages of $(1) that are missing (as root), or names them.
define install_missing
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing packages; run: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi
endef

deps:
	$(call install_missing,$(DEPS))

build: deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

# The whole suite, then again under AddressSanitizer and UndefinedBehaviorSanitizer, then
# each fuzz target for a few seconds, from a fixed seed so that the run is repeatable.
test: unit asan
	$(MAKE) fuzz FUZZ_SECONDS=10 FUZZ_SEED=1

unit: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

asan: deps
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_FLAGS) -DTRADEWATCH_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

# Each libFuzzer target (fuzz/) for FUZZ_SECONDS, under ASan and UBSan; a crash is kept in
# fuzz/regressions/, which every test run replays.
fuzz:
	$(call install_missing,$(FUZZ_DEPS))
	CXX=clang++-16 cmake -S . -B $(FUZZ_BUILD) $(CMAKE_FLAGS) -DTRADEWATCH_FUZZ=ON >/dev/null
	cmake --build $(FUZZ_BUILD) --target fuzz_targets -j $(JOBS)
	FUZZ_SEED=$(FUZZ_SEED) bash fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

# Loads the samples into a fresh store and prints the May–October 2024 change report for US
# measures on China, the layered duty on a Chinese EV on 2024-10-01 and 2025-05-01 and its
# timeline, a screening and the sample checks (see samples/demo.sh).
demo: build
	@bash samples/demo.sh $(BUILD)/tradewatch $(BUILD)/demo.db

# The side-by-side benchmark (bench/bench.py): import, point query, change report, export, dump,
# load and growth over 1,000,000 generated tariff lines, and screening over 100,000 listings, each
# beside its baseline (the sqlite3 CLI, sqlite-utils, a minimal C++ loader); prints the table and
# writes bench/results.json. BENCH_ARGS passes options, e.g. BENCH_ARGS="--lines 100000".
bench: build
	$(call install_missing,$(BENCH_DEPS))
	bash bench/bench.sh $(BUILD)/tradewatch $(BENCH_ARGS)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

lint: build
	clang-tidy -p $(BUILD) --quiet $$(git ls-files 'src/*.cpp')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
