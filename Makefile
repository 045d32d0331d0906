# Terugkeer — build, run and test.
#
#   make run    installs what is missing (Debian/Ubuntu), builds and starts the desktop app
#   make test   installs what is missing, then go vet, go test and the Xvfb smoke test
#
# CI runs `make test` through .ci/run.

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

.PHONY: all deps deps-build deps-test build run test vet unit smoke fmt-check clean

all: build

## deps: install the Debian/Ubuntu packages for building and testing that are missing
deps:
	@scripts/deps.sh build test

deps-build:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

## build: bin/terugkeer (Fyne, needs cgo) and bin/terugkeer-cli (pure Go)
build:
	CGO_ENABLED=1 $(GO) build -o bin/terugkeer ./cmd/terugkeer
	CGO_ENABLED=0 $(GO) build -o bin/terugkeer-cli ./cmd/terugkeer-cli

## run: start the desktop app (database: --db, TERUGKEER_DB or the user data directory)
run: deps-build build
	./bin/terugkeer $(ARGS)

## test: go vet, go test and the Xvfb smoke test
test: deps
	@$(MAKE) --no-print-directory vet unit smoke

vet:
	$(GO) vet ./...

# scripts/dovecot.sh starts a throw-away Dovecot on 127.0.0.1 for the IMAP integration tests
# and stops it afterwards; without Dovecot it says loudly that those tests are skipped.
unit:
	scripts/dovecot.sh run $(GO) test -timeout $(TEST_TIMEOUT) ./...

smoke:
	scripts/smoke.sh

## fmt-check: fail when a Go file is not gofmt-formatted
fmt-check:
	@files="$$(find . -name '*.go' -not -path './.cache/*' -not -path './.git/*' -print0 | xargs -0 gofmt -l)"; \
	if [ -n "$$files" ]; then echo "Niet gofmt-opgemaakt:"; echo "$$files"; exit 1; fi; \
	echo "gofmt: alles in orde"

clean:
	rm -rf bin
