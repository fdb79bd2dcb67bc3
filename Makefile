# The front door. `make run` and `make test` each work alone on a fresh Debian 12 machine:
# they install what is missing (make deps), build, then run or test.
.PHONY: all deps build test test-sanitize fuzz run bundle golden bench format tidy clean

JOBS ?= $(shell nproc)
BIN := build/bin/analyst-toolkit
SAMPLE ?= tests/data/requirements-en.md

all: build

deps:
	@bash tools/install-deps.sh
	@bash tools/install-npm-packages.sh

build: deps
	@test -f build/build.ninja || cmake --preset release
	cmake --build --preset release -j $(JOBS)

test: build
	ctest --preset release -j $(JOBS)

# The unit and integration tests under AddressSanitizer + UndefinedBehaviorSanitizer
# (build-sanitize/), then the server's concurrency tests under ThreadSanitizer (build-tsan/).
# Each is a build of its own: the first run takes a while. (-Wno-maybe-uninitialized there:
# the instrumentation makes GCC 12 report uninitialised reads inside libstdc++'s <regex>;
# BOOST_ASIO_DISABLE_FENCED_BLOCK for TSan, which does not model Asio's standalone fences: the
# scheduler hands handlers over under its mutex, which TSan does see.)
test-sanitize: deps
	@test -f build-sanitize/build.ninja || cmake --preset sanitize
	cmake --build --preset sanitize -j $(JOBS)
	ctest --preset sanitize -j $(JOBS)
	@test -f build-tsan/build.ninja || cmake --preset tsan
	cmake --build --preset tsan -j $(JOBS)
	ctest --preset tsan -j $(JOBS)

# The libFuzzer targets of tests/fuzz (clang, build-fuzz/), 10 minutes each; they read the
# release tree's data, hence `build` first. tools/fuzz.sh --help for shorter runs.
fuzz: build
	bash tools/fuzz.sh

# `make run` shows the findings on a sample specification, then serves the web app and the
# HTTP API on http://127.0.0.1:8080 (HOST and PORT change it) until Ctrl-C.
HOST ?= 127.0.0.1
PORT ?= 8080
run: build
	@echo "== analyst-toolkit check --scores $(SAMPLE)"
	@$(BIN) check --scores $(SAMPLE); status=$$?; [ $$status -le 1 ] || exit $$status
	@echo "== analyst-toolkit serve: open http://$(HOST):$(PORT)/ (the API is under /api/v1)"
	@$(BIN) serve --host $(HOST) --port $(PORT)

# The CodeDeploy revision: dist/analyst-toolkit-<version>.zip (deploy/bundle.sh, docs/deployment.md).
bundle: build
	@bash deploy/bundle.sh build dist

# Rewrites tests/golden from the current output; review the diff before committing it.
golden: build
	ATK_UPDATE_GOLDEN=1 build/bin/cli_tests --gtest_filter='Samples/Golden.*'

bench: build
	@bash tools/install-deps.sh bench/debian-packages.txt
	bench/check-throughput
	bench/suggest
	bench/accents-fr
	bench/rules-eval
	bench/http
	bench/translate
	bench/synonyms
	bench/web-typing
	bench/reliability

# clang-format 14 is not in Debian 12's default set; install it here only.
format:
	@command -v clang-format >/dev/null || bash tools/install-deps.sh tools/dev-packages.txt
	clang-format -i $$(git ls-files --cached --others --exclude-standard '*.cpp' '*.hpp')

tidy: build
	@command -v clang-tidy >/dev/null || bash tools/install-deps.sh tools/dev-packages.txt
	@# Warnings are reported, not fatal: CI builds with -Werror, tidy is advice.
	clang-tidy -p build --quiet $$(git ls-files 'core/*.cpp' 'cli/*.cpp')

clean:
	rm -rf build build-debug build-sanitize build-tsan dist
