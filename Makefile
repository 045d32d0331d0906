# Terugkeer — build, run and test.
#
#   make run    installs what is missing (Debian/Ubuntu), builds and starts the desktop app
#   make test   installs what is missing, then go vet, go test and the Xvfb smoke test
#
# CI runs `make test` through .ci/run.
#
#   make package-linux package-windows   release packages in dist/ (docs/packaging.md);
#   not part of make test: a cold Windows build of Fyne takes 10 minutes or more

SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c

GO ?= go
# Never let a build or test rewrite go.mod/go.sum: a missing requirement is an error.
# migrated_fynedo is what `fyne build` sets for [Migrations] fyneDo = true in FyneApp.toml:
# all UI changes from goroutines go through fyne.Do. Vet, tests and builds share it so the
# Fyne packages are compiled once.
export GOFLAGS += -mod=readonly -tags=migrated_fynedo

# Per test binary; the whole suite takes a few minutes, a cold Fyne build 4–5 more.
TEST_TIMEOUT ?= 10m
# Arguments for `make run`, e.g. make run ARGS="--db /tmp/proef.db"
ARGS ?=

# The version lives in FyneApp.toml only; the binaries get it with -ldflags -X.
VERSION := $(shell sed -n '/^\[Details\]/,/^\[/s/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS_VERSION := -X main.version=$(VERSION)
# The fyne tool (fyne.io/tools), pinned, installed into the project, not into go.mod.
FYNE_TOOLS_VERSION := v1.7.4
FYNE := $(CURDIR)/.cache/bin/fyne
# staticcheck (honnef.co/go/tools), pinned, installed into the project like the fyne tool.
STATICCHECK_VERSION := v0.8.2
STATICCHECK := $(CURDIR)/.cache/bin/staticcheck

.PHONY: all deps deps-build deps-test build run test vet vet-windows unit unit-postgres smoke race staticcheck fmt-check clean
.PHONY: deps-package fyne-tool package package-cli package-linux package-windows version

all: build

## deps: install the Debian/Ubuntu packages for building and testing that are missing
deps:
	@scripts/deps.sh build test

deps-build:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

## deps-package: the packages for make package-* (mingw-w64, nsis, librsvg2-bin, icoutils); not in make deps
deps-package:
	@scripts/deps.sh package

## build: bin/terugkeer (Fyne, needs cgo) and bin/terugkeer-cli (pure Go)
build:
	CGO_ENABLED=1 $(GO) build -ldflags "$(LDFLAGS_VERSION)" -o bin/terugkeer ./cmd/terugkeer
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS_VERSION)" -o bin/terugkeer-cli ./cmd/terugkeer-cli

## run: start the desktop app (database: --db, TERUGKEER_DB or the user data directory)
run: deps-build build
	./bin/terugkeer $(ARGS)

## test: go vet (also for Windows), go test (the app suite also on PostgreSQL) and the Xvfb smoke test
test: deps
	@$(MAKE) --no-print-directory vet vet-windows unit unit-postgres smoke

vet:
	$(GO) vet ./...

## vet-windows: go vet of every package for Windows and the Windows terugkeer-cli, so that
## the Windows-only code (GetDriveType, the Documents known folder) is compiled on every run.
# Fyne's desktop driver needs cgo and a mingw compiler for Windows (a cold build takes 10
# minutes or more, make package-windows); Fyne's `ci` tag swaps in its software driver, so
# the desktop app and the ui package are type-checked without either. macOS: package app's
# statfs lookup.
vet-windows:
	GOOS=windows CGO_ENABLED=0 $(GO) vet -tags=migrated_fynedo,ci ./...
	GOOS=windows CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS_VERSION)" -o bin/windows/terugkeer-cli.exe ./cmd/terugkeer-cli
	GOOS=darwin CGO_ENABLED=0 $(GO) vet ./app

# scripts/dovecot.sh starts a throw-away Dovecot on 127.0.0.1 for the IMAP integration tests
# and stops it afterwards; without Dovecot it says loudly that those tests are skipped. The
# OAuth2 tests start token-only ones of their own (scripts/dovecot.sh start-oauth2, through
# internal/testidp), each checking tokens at the test's identity provider.
# make test installs msgconvert first, so here its absence fails the .msg tests instead of skipping them.
# scripts/postgres.sh starts a throw-away PostgreSQL cluster on 127.0.0.1 (TERUGKEER_PG_URI) for
# the PostgreSQL backend's tests (internal/pgtest gives each test its own database) and removes
# it afterwards; without PostgreSQL it says loudly that those tests are skipped, except in CI
# (CI=true), where TERUGKEER_PG_REQUIRED=1 makes a missing server fail the run.
PG_REQUIRED := $(if $(filter true,$(CI)),TERUGKEER_PG_REQUIRED=1)
unit:
	TERUGKEER_MSGCONVERT_REQUIRED=1 $(PG_REQUIRED) scripts/dovecot.sh run scripts/postgres.sh run \
		$(GO) test -timeout $(TEST_TIMEOUT) ./...

## unit-postgres: the app and CLI suites once more, each test on a fresh PostgreSQL
## database instead of a SQLite file (TERUGKEER_TEST_BACKEND=postgres: internal/apptest's
## World, the CLI tests' --db); what only SQLite has skips there. The storage conformance
## suite already runs on both backends in make unit.
PG_SUITES ?= ./app/... ./internal/apptest ./cmd/terugkeer-cli/...
unit-postgres:
	TERUGKEER_TEST_BACKEND=postgres TERUGKEER_MSGCONVERT_REQUIRED=1 $(PG_REQUIRED) \
		scripts/dovecot.sh run scripts/postgres.sh run $(GO) test -timeout $(TEST_TIMEOUT) $(PG_SUITES)

smoke:
	scripts/smoke.sh

## staticcheck: staticcheck ./... (checks as in staticcheck.conf); installs the pinned
## version into .cache/bin first. Not part of make test: the install needs the module proxy.
staticcheck:
	@if ! "$(STATICCHECK)" -version 2>/dev/null | grep -qF '($(STATICCHECK_VERSION:v%=%))'; then \
		echo "staticcheck $(STATICCHECK_VERSION) installeren in .cache/bin"; \
		GOFLAGS= GOBIN="$(CURDIR)/.cache/bin" $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION); \
	fi
	"$(STATICCHECK)" ./...

## race: go test -race over the packages whose goroutines share data: the import's
## pipeline (app.ImportBatch), the mailbox run, the SQLite store's pool, batch and statement
## cache; with the test Dovecot. Several times slower than make unit (5½ minutes on two
## cores), so not part of make test.
RACE_PKGS ?= ./app/... ./internal/apptest ./importers/... ./storage/sqlite
race: deps
	CGO_ENABLED=1 TERUGKEER_MSGCONVERT_REQUIRED=1 scripts/dovecot.sh run \
		$(GO) test -race -timeout 30m $(RACE_PKGS)

## fmt-check: fail when a Go file is not gofmt-formatted
fmt-check:
	@files="$$(find . -name '*.go' -not -path './.cache/*' -not -path './.git/*' -print0 | xargs -0 gofmt -l)"; \
	if [ -n "$$files" ]; then echo "Niet gofmt-opgemaakt:"; echo "$$files"; exit 1; fi; \
	echo "gofmt: alles in orde"

## version: print the version from FyneApp.toml
version:
	@echo $(VERSION)

## fyne-tool: fyne.io/tools/cmd/fyne $(FYNE_TOOLS_VERSION) into .cache/bin (make package-linux uses it)
# (no grep -q: it would close the pipe early, and fyne's SIGPIPE fails the pipefail shell)
fyne-tool:
	@if ! "$(FYNE)" version 2>&1 | grep 'cli version: $(FYNE_TOOLS_VERSION)$$' >/dev/null; then \
		echo "fyne $(FYNE_TOOLS_VERSION) installeren in .cache/bin"; \
		GOFLAGS= GOBIN="$(CURDIR)/.cache/bin" $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION); \
	fi

## package: all release packages (Linux, Windows, terugkeer-cli for every platform) in dist/
package: package-linux package-windows

## package-cli: dist/terugkeer-cli-VERSION-OS-ARCH[.exe] for linux/amd64, windows/amd64, darwin/arm64, darwin/amd64
package-cli: deps-package
	packaging/package.sh cli

## package-linux: dist/terugkeer-VERSION-linux-amd64.tar.xz (fyne package) and dist/terugkeer_VERSION_amd64.deb
package-linux: deps-build deps-package fyne-tool package-cli
	packaging/package.sh linux

## package-windows: dist/terugkeer-VERSION-windows-amd64.exe and -setup.exe (mingw-w64, NSIS)
package-windows: deps-package package-cli
	packaging/package.sh windows

clean:
	rm -rf bin dist
