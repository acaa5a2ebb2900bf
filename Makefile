# Embudo: see README.md. Every target works on a fresh Debian machine with Go.
SHELL := /bin/bash
GO ?= go
ADDR ?= localhost:8000
STATIC_DIR ?= build/static
STATIC_PREFIX ?=
FUZZTIME ?= 10s
WASM_FLAGS := -trimpath -ldflags="-s -w"

.PHONY: run build wasm wasmsrc server test unit e2e bench bench-go fuzz static vet fmt clean axe

run: build ## build the wasm and serve the app on http://localhost:8000
	./build/embudo -addr $(ADDR)

build: wasm server

# app.wasm, and pre-compressed .br/.gz siblings of it and of every text
# asset, for the server and static hosts (app/buildtools/precompress).
# The wasm is built against a copy of go-app without its server files and
# with an engine that renders within the event (see app/buildtools/wasmsrc).
WASM_SRC := build/wasm-src
wasmsrc:
	$(GO) run ./app/buildtools/wasmsrc -go $(GO) -out $(WASM_SRC)

wasm: wasmsrc
	GOOS=js GOARCH=wasm $(GO) build -modfile=$(WASM_SRC)/go.mod $(WASM_FLAGS) -o web/app.wasm ./app
	$(GO) run ./app/buildtools/precompress web

server:
	$(GO) build -trimpath -o build/embudo ./app

test: vet wasm axe ## every test; browser tests skip without Chromium unless E2E=required
	$(GO) test -count=1 ./...

# axe-core for the accessibility audit (a test dependency from npm, never
# served); without npm the audit is skipped.
AXE_JS := build/axe/node_modules/axe-core/axe.min.js
axe: $(AXE_JS)
$(AXE_JS):
	@if command -v npm >/dev/null; then npm install --silent --no-audit --no-fund --prefix build/axe axe-core@4.14.1; \
	else echo "npm not installed: the accessibility audit will be skipped"; fi

unit:
	$(GO) test -count=1 -short ./...

# make bench: builds, serves on loopback, measures in headless Chromium
# (and Lighthouse, installed from npm when it can be) and prints every
# figure against its budget; build/bench.json keeps them.
LIGHTHOUSE := build/lighthouse/node_modules/.bin/lighthouse
bench: wasm ## every performance figure against its budget
	@mkdir -p build
	$(GO) test -run='^$$' -bench=. -benchmem ./funnel | tee build/bench-go.txt
	GOOS=js GOARCH=wasm $(GO) build -modfile=$(WASM_SRC)/go.mod -trimpath -ldflags=-w -o build/app-names.wasm ./app
	@test -x $(LIGHTHOUSE) || { command -v npm >/dev/null && npm install --silent --no-audit --no-fund --prefix build/lighthouse lighthouse@12.8.2; } \
		|| echo "lighthouse could not be installed: its figures are skipped"
	BENCH=1 BENCH_GO=$(abspath build/bench-go.txt) BENCH_WASM_NAMES=$(abspath build/app-names.wasm) BENCH_JSON=$(abspath build/bench.json) \
		LIGHTHOUSE=$(abspath $(LIGHTHOUSE)) $(GO) test -count=1 -timeout=30m -run='^TestBench$$' -v ./app/e2e

bench-go:
	$(GO) test -run='^$$' -bench=. -benchmem ./funnel

fuzz: ## run every fuzz target for FUZZTIME each
	@for t in $$($(GO) test -list '^Fuzz' ./funnel | grep '^Fuzz'); do \
		echo "== $$t"; $(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) ./funnel || exit 1; \
	done

static: build ## pre-render the whole site into STATIC_DIR (STATIC_PREFIX=/embudo for a sub-path)
	./build/embudo -static $(STATIC_DIR) -prefix "$(STATIC_PREFIX)"

# The browser's packages are vetted twice for js/wasm: against the pinned
# go-app, and against the patched copy app.wasm is built from (with that
# copy's engine), so the edited engine is checked like our own code.
WASM_PKGS := ./app ./app/ui/... ./app/text/... ./app/numfmt/... ./funnel/... github.com/maxence-charriere/go-app/v10/pkg/app
vet: wasmsrc
	@test -z "$$(gofmt -l app funnel)" || { gofmt -l app funnel; echo "gofmt needed"; exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/...
	GOOS=js GOARCH=wasm $(GO) vet -modfile=$(WASM_SRC)/go.mod $(WASM_PKGS)

fmt:
	gofmt -w .

clean:
	rm -rf build web/app.wasm web/*.gz web/*.br
