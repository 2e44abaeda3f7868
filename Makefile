# The README's test command is `make test`; CI (.ci/run) calls it too.
JENA_BIN ?= $(CURDIR)/.cache/jena-bin
export MSCKG_JENA_BIN ?= $(JENA_BIN)

.PHONY: test build seeds fmt vet bench jena fuzz

build:
	go build -o bin/msckg ./cmd/msckg

# Builds the graph of the bundled sample records.
seeds:
	go run ./cmd/msckg build testdata/seeds -o seeds.ttl -o seeds.nq

# Jena wrappers for the independent checks, when Jena is installed
# (apt-get install default-jre-headless libapache-jena-java unzip).
jena:
	@if [ -f /usr/share/java/jena-core.jar ] && command -v java >/dev/null; then \
		bash .ci/jena-setup.sh $(JENA_BIN) >/dev/null; \
	else \
		echo "make: Jena not installed; tests that need riot/shacl/sparql will say so and skip"; \
	fi

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { gofmt -l .; echo "gofmt: files above need formatting"; exit 1; }
	go vet ./...

# The last line names every skipped test and why (a missing checker is
# a skip, not a pass); the exit status is go test's.
test: jena vet
	go build -o .cache/testsummary ./cmd/testsummary
	go test -race -count=1 -timeout 45m -json ./... | .cache/testsummary

bench:
	go test -run '^$$' -bench . -benchmem ./...

# Whole-command speed and memory on generated corpora (minutes, gigabytes;
# not part of test or CI). BENCH_SIZES="3000 10000" narrows it.
.PHONY: bench-cli
bench-cli:
	bash .ci/bench-cli.sh

# Every fuzz target for FUZZTIME seconds each (default 60); not part of test or CI.
FUZZTIME ?= 60
fuzz:
	bash .ci/fuzz.sh $(FUZZTIME)
