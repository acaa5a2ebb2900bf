# Embudo: see README.md. Every target works on a fresh Debian machine with Go.
SHELL := /bin/bash
GO ?= go
ADDR ?= localhost:8000
STATIC_DIR ?= build/static
STATIC_PREFIX ?=
FUZZTIME ?= 10s
WASM_FLAGS := -trimpath -ldflags="-s -w"

.PHONY: run build wasm server test unit e2e bench bench-go bench-browser fuzz static vet fmt clean axe

run: build ## build the wasm and serve the app on http://localhost:8000
	./build/embudo -addr $(ADDR)

build: wasm server

# app.wasm, and pre-compressed .br/.gz siblings of it and of every text
# asset, for the server and static hosts (app/precompress).
# The wasm is built against a copy of go-app without its server files and
# with an engine that renders within the event (see app/wasmsrc).
WASM_SRC := build/wasm-src
wasm:
	$(GO) run ./app/wasmsrc -out $(WASM_SRC)
	GOOS=js GOARCH=wasm $(GO) build -modfile=$(WASM_SRC)/go.mod $(WASM_FLAGS) -o web/app.wasm ./app
	$(GO) run ./app/precompress web

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

bench: bench-go bench-browser ## Go benchmarks and in-browser performance figures

bench-go:
	$(GO) test -run='^$$' -bench=. -benchmem ./funnel

bench-browser: wasm
	BENCH=1 $(GO) test -count=1 -run='^TestBench' -v ./app/e2e

fuzz: ## run every fuzz target for FUZZTIME each
	@for t in $$($(GO) test -list '^Fuzz' ./funnel | grep '^Fuzz'); do \
		echo "== $$t"; $(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) ./funnel || exit 1; \
	done

static: build ## pre-render the whole site into STATIC_DIR (STATIC_PREFIX=/embudo for a sub-path)
	./build/embudo -static $(STATIC_DIR) -prefix "$(STATIC_PREFIX)"

vet:
	@test -z "$$(gofmt -l app funnel)" || { gofmt -l app funnel; echo "gofmt needed"; exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/...

fmt:
	gofmt -w .

clean:
	rm -rf build web/app.wasm web/*.gz web/*.br
