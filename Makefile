# copro: build, test and run. `make` builds ./copro; `make check` runs every
# test under AddressSanitizer and UndefinedBehaviorSanitizer; `make run`
# installs what is missing, builds and starts copro with a demo organisation.

CC       ?= cc
PKGS     := sqlite3 jansson libsodium libmicrohttpd xlsxwriter libqrencode \
            libmagic pangocairo libzip liboath libcurl libpq
OPT      ?= -O2 -g
CFLAGS   := $(OPT) -DCOPRO_FRAMEWORKS_DIR=\"$(CURDIR)/frameworks\" \
            -DCOPRO_ASSETS_DIR=\"$(CURDIR)/build/assets\" \
            -DCOPRO_LOCALE_DIR=\"$(CURDIR)/build/locale\" -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
            -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wvla \
            -Isrc $(shell pkg-config --cflags $(PKGS))
# libcsv (Debian libcsv-dev), libgettextpo (libgettextpo-dev) and cracklib
# (libcrack2-dev) ship no pkg-config file.
LDLIBS   := $(shell pkg-config --libs $(PKGS)) -lcsv -lgettextpo -lcrack -lm -lpthread
SANFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=all
# How make check links its programs (LDFLAGS, which the link lines pass;
# no object changes). A command-line script starts copro about a hundred
# times, and page faults are dear on the test machine's VM (some 15 us
# each). These two took each start of copro in test_evidence.sh from
# 5,500 faults to 4,000 and its CPU time by a fifth: the UBSan runtime
# linked in (the shared libubsan brought 6 MB of zeroed globals of its
# own, which LeakSanitizer reads page by page at every exit; the same
# handlers, messages and exit status), and no position-independent
# executable (128,000 relocations wrote to every page of its 3.4 MB of
# data at every start). No check loses anything.
SANLDFLAGS := -no-pie -static-libubsan

LIB_SRC  := $(sort $(wildcard src/core/*.c src/framework/*.c src/store/*.c \
                              src/domain/*.c src/mail/*.c src/report/*.c src/web/*.c src/web/pages/*.c \
                              src/cli/*.c))
LIB_SRC  := $(filter-out src/cli/main.c,$(LIB_SRC))
TEST_SRC := $(sort $(wildcard tests/*/test_*.c))

BUILD    ?= build
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
TESTS    := $(TEST_SRC:%.c=$(BUILD)/%)
# The benchmark programs (bench/); `make check` builds them too, since
# tests/cli/test_generate.sh runs $(BUILD)/bench-generate.
BENCH_BIN := $(BUILD)/bench-generate $(BUILD)/bench-pagetime
# The fuzzing harnesses (tests/fuzz; see `make fuzz` below).
FUZZ_NAMES   := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_REPLAY  := $(FUZZ_NAMES:%=$(BUILD)/tests/fuzz/test_fuzz_%)
FUZZ_SHARED  := tests/fuzz/world.c tests/fuzz/fuzz.h

.PHONY: all check test coverage run deps clean lint assets languages
all: copro languages

copro: $(BUILD)/copro
	cp $< $@

$(BUILD)/copro: $(BUILD)/src/cli/main.o $(BUILD)/libcopro.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# `copro --version`: the release from the file VERSION, and where the build
# came from (`git describe`, empty outside a git checkout). Only main.o
# reads version.h, and it is rewritten only when its text changes, so a new
# commit relinks copro and nothing else.
VERSION_TEXT := $(shell cat VERSION)
GIT_DESCRIBE := $(shell git describe --tags --always --dirty 2>/dev/null)
$(BUILD)/version.h: FORCE
	@mkdir -p $(BUILD)
	@printf '#define COPRO_VERSION "%s"\n#define COPRO_GIT "%s"\n' '$(VERSION_TEXT)' '$(GIT_DESCRIBE)' >$@.new
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi
$(BUILD)/src/cli/main.o: $(BUILD)/version.h
$(BUILD)/src/cli/main.o: CFLAGS += -I$(BUILD)
.PHONY: FORCE
FORCE:

$(BUILD)/libcopro.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

# What the test programs share (tests/testutil.c, tests/web/webtest.c): a
# library, so each program links only the parts it uses.
TESTUTIL_OBJ := $(BUILD)/tests/testutil.o $(BUILD)/tests/web/webtest.o
$(TESTUTIL_OBJ): CFLAGS += -Itests
$(BUILD)/tests/libtestutil.a: $(TESTUTIL_OBJ)
	rm -f $@ && ar rcs $@ $^

# Test programs hash passwords at argon2id's minimum cost: cheap_hash.o
# overrides account.c's weak password_hash_cost. Only test programs link it
# (copro and the bench programs never do); test_account links without it,
# to check the production cost.
CHEAP_HASH := $(BUILD)/tests/cheap_hash.o
FULL_COST_TESTS := $(BUILD)/tests/domain/test_account
$(TESTS): $(CHEAP_HASH)     # named here too, so make keeps it (not intermediate)

$(BUILD)/tests/%: tests/%.c $(CHEAP_HASH) $(BUILD)/tests/libtestutil.a $(BUILD)/libcopro.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -Itests -MMD -MP -o $@ $< $(if $(filter $@,$(FULL_COST_TESTS)),,$(CHEAP_HASH)) \
	    $(BUILD)/tests/libtestutil.a $(BUILD)/libcopro.a $(LDLIBS) $(shell pkg-config --libs cmocka)

# The test suite always runs on a sanitizer build of its own directory, so a
# plain `make` stays fast and `make check` catches memory errors and leaks.
# The browser tests (tests/browser) need the built assets and node_modules.
# The sub-makes build on every processor unless make was given a -j.
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
PARALLEL := $(if $(filter -j%,$(MAKEFLAGS)),,-j$(JOBS))

check: deps assets
	$(MAKE) $(PARALLEL) BUILD=build/san OPT="$(SANFLAGS)" LDFLAGS="$(SANLDFLAGS)" test

# tests/run runs the test programs side by side too (TEST_JOBS of them).
test: $(BUILD)/copro $(TESTS) $(FUZZ_REPLAY) $(BENCH_BIN) languages
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	UBSAN_OPTIONS=print_stacktrace=1 \
	tests/run $(TEST_RUN_FLAGS) $(BUILD)

# Line and branch coverage of src/ by the unit and command-line tests (not
# the browser tests), from a --coverage build of its own in build/cov;
# gcovr (Debian) prints the totals. build/cov/coverage.txt has every file.
COV_BUILD := build/cov
# -O0 for line counts that follow the source; without the optimiser GCC
# cannot see the ranges that rule out a truncated snprintf, so that
# warning (and only that one) is off in this build.
COV_FLAGS := -O0 -g --coverage -Wno-format-truncation
coverage: deps
	@mkdir -p $(COV_BUILD) && find $(COV_BUILD) -name '*.gcda' -delete
	$(MAKE) $(PARALLEL) BUILD=$(COV_BUILD) OPT="$(COV_FLAGS)" TEST_RUN_FLAGS=--no-browser test
	gcovr --root . --filter 'src/' --object-directory $(COV_BUILD) -j $(JOBS) \
	    --txt $(COV_BUILD)/coverage.txt --print-summary $(COV_BUILD)

lint:
	tests/lint

# A sub-make, so that the pkg-config flags above are read after deps has
# installed the packages on a fresh machine.
run: deps
	$(MAKE) $(PARALLEL) copro assets languages
	./scripts/run-demo

# The web front end: GOV.UK Frontend from npm, built with Sass into
# build/assets (served by copro serve).
ASSETS := build/assets
assets: $(ASSETS)/copro.css $(ASSETS)/copro.js $(ASSETS)/govuk-frontend.min.js

# `| deps`: npm itself comes from install-deps (order only: never a reason
# to run npm ci again).
node_modules/.installed: package.json package-lock.json | deps
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(ASSETS)/copro.css: web/copro.scss node_modules/.installed
	@mkdir -p $(ASSETS)
	npx sass --no-source-map --style=compressed --load-path=node_modules web/copro.scss $@

$(ASSETS)/copro.js: web/copro.js
	@mkdir -p $(ASSETS)
	cp $< $@

$(ASSETS)/govuk-frontend.min.js: node_modules/.installed
	@mkdir -p $(ASSETS)
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $@
	cp -r node_modules/govuk-frontend/dist/govuk/assets/images $(ASSETS)/

deps:
	@./scripts/install-deps

# Languages (docs/languages.md), beside the assets in build/locale: a
# catalog (msgfmt) for each translation in po/ and for the tests' two
# pseudo-locales, made from a template of the current sources (scripts/pot)
# by `copro language pseudo`; and for each, a locale of its own (localedef,
# from glibc's "C" source), since gettext answers a thread in the language
# of its locale and copro cannot count on the machine having it
# (src/core/lang.c).
LOCALE   := build/locale
PSEUDO   := en_XA ar_XB
PO_LANGS := $(basename $(notdir $(wildcard po/*.po)))
MO_PO    := $(PO_LANGS:%=$(LOCALE)/messages/%/LC_MESSAGES/copro.mo)
MO_PSEUDO := $(PSEUDO:%=$(LOCALE)/messages/%/LC_MESSAGES/copro.mo)
LOCALES  := $(PO_LANGS:%=$(LOCALE)/glibc/%.UTF-8/LC_IDENTIFICATION) \
            $(PSEUDO:%=$(LOCALE)/glibc/%.UTF-8/LC_IDENTIFICATION)
languages: $(MO_PO) $(MO_PSEUDO) $(LOCALES) $(LOCALE)/copro.pot

$(LOCALE)/copro.pot: $(LIB_SRC) src/cli/main.c $(wildcard frameworks/*.json) scripts/pot | deps
	@mkdir -p $(LOCALE)
	scripts/pot --out $@

$(LOCALE)/en_XA.po: $(LOCALE)/copro.pot $(BUILD)/copro
	$(BUILD)/copro language pseudo accented $< $@

$(LOCALE)/ar_XB.po: $(LOCALE)/copro.pot $(BUILD)/copro
	$(BUILD)/copro language pseudo rtl $< $@

$(MO_PO): $(LOCALE)/messages/%/LC_MESSAGES/copro.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

$(MO_PSEUDO): $(LOCALE)/messages/%/LC_MESSAGES/copro.mo: $(LOCALE)/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# localedef warns (and exits 1) about the "C" source's missing details,
# which gettext never reads; the file it wrote is what counts.
$(LOCALE)/glibc/%.UTF-8/LC_IDENTIFICATION: | deps
	@mkdir -p $(LOCALE)/glibc
	localedef --no-archive -c -i C -f UTF-8 $(LOCALE)/glibc/$*.UTF-8 || test -f $@

# Benchmarks: bench-generate fills a national-scale dataset, bench-pagetime
# times pages in-process on it; bench/run-area does both and writes
# bench/results-area.md (--quick: a small dataset, in under a minute).
.PHONY: bench-data bench-area bench-area-quick
$(BUILD)/bench-generate: bench/generate.c $(BUILD)/libcopro.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libcopro.a $(LDLIBS) -lm

$(BUILD)/bench-pagetime: bench/pagetime.c $(BUILD)/libcopro.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libcopro.a $(LDLIBS) -lm

bench-data:
	BUILD=$(BUILD) bench/run-area --data-only

bench-area:
	BUILD=$(BUILD) bench/run-area

bench-area-quick:
	BUILD=$(BUILD) bench/run-area --quick

# `make install` (PREFIX, default /usr/local, and DESTDIR for staging):
# copro in bin/, and what it reads (the frameworks, the web assets, the
# compiled languages) in share/copro/ beside it, where an installed copro
# looks for them (src/core/paths.h: no rebuild for the prefix); the systemd
# units of dist/ in lib/systemd/system/ with copro's path filled in.
# `make uninstall` removes them again.
PREFIX   ?= /usr/local
SHARE_TO := $(DESTDIR)$(PREFIX)/share/copro
UNITS_TO := $(DESTDIR)$(PREFIX)/lib/systemd/system
UNITS    := $(wildcard dist/*.service dist/*.timer)
.PHONY: install uninstall
install: $(BUILD)/copro assets languages
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE_TO)/frameworks $(SHARE_TO)/assets $(SHARE_TO)/locale $(UNITS_TO)
	install -m 755 $(BUILD)/copro $(DESTDIR)$(PREFIX)/bin/copro
	install -m 644 frameworks/*.json $(SHARE_TO)/frameworks/
	cp -R $(ASSETS)/. $(SHARE_TO)/assets/
	cp -R $(LOCALE)/messages $(LOCALE)/glibc $(SHARE_TO)/locale/
	for u in $(UNITS); do sed 's|/usr/local/bin/copro|$(PREFIX)/bin/copro|g' $$u >$(UNITS_TO)/$${u#dist/}; done

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/copro $(UNITS:dist/%=$(UNITS_TO)/%)
	rm -rf $(SHARE_TO)

# Load benchmarks (bench/run): wrk against copro serve and nginx serving the
# same bytes, start-up, RSS, writes/s; bench/results.md (--quick: under two
# minutes on the quick dataset, build/bench/results-quick.md). Then the same
# on PostgreSQL (bench/run-pg: a throw-away cluster, the dataset copied by
# bench/pg-load), in its own section of bench/results.md.
.PHONY: bench bench-quick bench-pg bench-pg-quick
bench:
	BUILD=$(BUILD) bench/run
	BUILD=$(BUILD) bench/run-pg

bench-pg:
	BUILD=$(BUILD) bench/run-pg

bench-pg-quick:
	BUILD=$(BUILD) bench/run-pg --quick

bench-quick:
	BUILD=$(BUILD) bench/run --quick

# The crash suite (tests/crash/crash.py, docs/crash.md): kill -9 trials,
# power-cut trials on a loop device (root) and their no-sync control.
# tests/cli/test_crash.sh runs a short version in make check.
CRASH_TRIALS ?= 40
.PHONY: crash
crash: $(BUILD)/copro
	tests/crash/crash.py kill --copro $(BUILD)/copro --trials $(CRASH_TRIALS)
	tests/crash/crash.py power --startup-write --copro $(BUILD)/copro --trials $(CRASH_TRIALS)
	tests/crash/crash.py power --no-sync --copro $(BUILD)/copro --trials 5

# Fuzzing (tests/fuzz, docs/fuzzing.md): libFuzzer harnesses, each with a
# seed corpus in tests/fuzz/corpus/NAME. `make fuzz` builds the library
# with clang's coverage and sanitizers in build/fuzz and runs each harness
# for FUZZ_SECONDS; `make check` builds each harness with replay.c instead
# of libFuzzer (no clang build of the library in CI) and replays its seeds.
$(BUILD)/tests/fuzz/test_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(FUZZ_SHARED) $(CHEAP_HASH) $(BUILD)/libcopro.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -Itests/fuzz -DFUZZ_CORPUS=\"$(CURDIR)/tests/fuzz/corpus/$*\" -o $@ $< \
	    tests/fuzz/world.c tests/fuzz/replay.c $(CHEAP_HASH) $(BUILD)/libcopro.a $(LDLIBS)
$(BUILD)/fuzz-%: tests/fuzz/fuzz_%.c $(FUZZ_SHARED) $(CHEAP_HASH) $(BUILD)/libcopro.a
	$(CC) $(CFLAGS) -fsanitize=fuzzer -Itests/fuzz -o $@ $< tests/fuzz/world.c $(CHEAP_HASH) \
	    $(BUILD)/libcopro.a $(LDLIBS)

.PHONY: fuzz
fuzz: deps
	$(MAKE) $(PARALLEL) BUILD=build/fuzz CC=clang OPT="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
	    $(FUZZ_NAMES:%=build/fuzz/fuzz-%)
	tests/fuzz/run build/fuzz $(FUZZ_SECONDS) $(FUZZ_NAMES)

clean:
	rm -rf build copro

-include $(LIB_OBJ:.o=.d) $(BUILD)/src/cli/main.d $(TESTUTIL_OBJ:.o=.d) $(TESTS:=.d)
