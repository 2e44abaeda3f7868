#!/usr/bin/env bash
# Whole-command speed and memory of msckg on generated corpora (make bench-cli).
#
# Not part of `make test` or CI: it takes minutes and gigabytes. It builds
# bin/msckg and bin/gencorpus, writes PubMed XML and RIS corpora of each size
# under .cache/bench/ (kept between runs: the same seed gives the same bytes),
# runs `msckg build FILE -o .cache/bench/out.nq` under /usr/bin/time -v and
# prints a Markdown table: wall time, CPU time, records/s, peak RSS; then
# `rapper` parses msckg's own N-Triples output (apt-get install
# raptor2-utils), and a second table says whether each of issue 13's
# targets is met, with the measured figure beside it.
#
# When Catmandu with its RIS importer and RDF exporter is installed
# (apt-get install libcatmandu-ris-perl libcatmandu-rdf-perl), the peer
# pipeline `catmandu convert RIS --fix ... to RDF --type NTriples` runs on the
# same RIS files. It only maps fields to RDF: no identity, no extraction, no
# validation, so it is a floor, not a like-for-like competitor.
#
# Settings (environment):
#   BENCH_SIZES    record counts (default "3000 10000 30000")
#   BENCH_FORMATS  corpus formats (default "pubmed-xml ris")
#   BENCH_SEED     generator seed (default 1)
#   BENCH_MEM_CAP_KB  address-space cap for each run (ulimit -v), default 3/4
#                  of MemAvailable, so a run too big for this machine fails
#                  alone instead of pushing the machine into the OOM killer
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${BENCH_SIZES:-"3000 10000 30000"}
formats=${BENCH_FORMATS:-"pubmed-xml ris"}
seed=${BENCH_SEED:-1}
avail_kb=$(awk '/^MemAvailable:/ {print $2}' /proc/meminfo)
cap_kb=${BENCH_MEM_CAP_KB:-$((avail_kb * 3 / 4))}
dir=.cache/bench
mkdir -p "$dir" bin

command -v /usr/bin/time >/dev/null || { echo "bench-cli: needs GNU time (apt-get install time)" >&2; exit 2; }

echo "== building bin/msckg and bin/gencorpus" >&2
go build -o bin/msckg ./cmd/msckg
go build -o bin/gencorpus ./cmd/gencorpus

ext() { case $1 in pubmed-xml) echo xml ;; ris) echo ris ;; medline) echo nbib ;; esac; }

# corpus FORMAT N: prints the path of the corpus, generating it once.
corpus() {
	local f="$dir/corpus-$1-$2-seed$seed.$(ext "$1")"
	if [ ! -s "$f" ]; then
		echo "== generating $f" >&2
		bin/gencorpus -format "$1" -n "$2" -seed "$seed" -o "$f"
	fi
	echo "$f"
}

# secs "h:mm:ss" or "m:ss.ss" -> seconds
secs() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }' <<<"$1"; }

# measure TOOL INPUT RECORDS OUTPUT CMD...: runs CMD under time -v and the
# memory cap, and prints one table row; OUTPUT's lines are the statements.
measure() {
	local tool=$1 input=$2 records=$3 output=$4
	shift 4
	local tv="$dir/time.txt" log="$dir/$tool-$(basename "$input").log" rc=0
	echo "== $tool: $*" >&2
	(ulimit -v "$cap_kb"; /usr/bin/time -v -o "$tv" "$@" >"$dir/stdout" 2>"$log") || rc=$?
	local wall rss_kb cpu
	wall=$(secs "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tv")")
	rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tv")
	cpu=$(awk '/User time \(seconds\)|System time \(seconds\)/ { t += $NF } END { printf "%.1f", t }' "$tv")
	last_wall=$wall last_cpu=$cpu last_rss_kb=$rss_kb last_rc=$rc
	local rate="–" note=""
	if [ "$rc" -eq 0 ]; then
		rate=$(awk -v n="$records" -v s="$wall" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
	else
		if grep -q "out of memory" "$log"; then
			note=" (failed: out of memory under the $((cap_kb / 1024)) MiB cap; see $log)"
		else
			note=" (failed, exit $rc; see $log)"
		fi
	fi
	local stmts="–"
	if [ "$rc" -eq 0 ] && [ -f "$output" ]; then
		# rapper -c says how many triples it parsed; other outputs hold one a line
		stmts=$(sed -n 's/.*Parsing returned \([0-9]*\) triples.*/\1/p' "$output")
		[ -n "$stmts" ] || stmts=$(wc -l <"$output")
	fi
	[ "$keep_output" = 1 ] || rm -f "$output"
	printf '| %s | %s | %s | %s s | %s s | %s | %s MiB | %s%s |\n' "$tool" "$(basename "$input")" "$records" "$wall" "$cpu" "$rate" \
		"$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')" "$stmts" "$note"
}
keep_output=0

# targets collects one line per measured target: name, figure, goal, met.
targets=""
target() { targets+="| $1 | $2 | $3 | $4 |"$'\n'; }
met() { awk -v a="$1" -v b="$2" -v op="$3" 'BEGIN { if ((op == "ge" && a + 0 >= b + 0) || (op == "le" && a + 0 <= b + 0)) print "met"; else print "**not met**" }'; }

peer=""
if command -v catmandu >/dev/null && perl -MCatmandu::Importer::RIS -MCatmandu::Exporter::RDF -e1 2>/dev/null; then
	peer="$dir/peer-ris-to-rdf.fix"
	# RIS tags to Dublin Core / BIBO in aREF, the form Catmandu::RDF exports.
	cat >"$peer" <<'EOF'
copy_field(DO, _id)
prepend(_id, "https://doi.org/")
add_field(a, bibo_AcademicArticle)
move_field(TI, dct_title)
move_field(AU, dct_creator)
move_field(AB, dct_abstract)
move_field(T2, dct_isPartOf)
move_field(SN, bibo_issn)
move_field(PY, dct_issued)
move_field(VL, bibo_volume)
move_field(IS, bibo_issue)
move_field(SP, bibo_pageStart)
move_field(EP, bibo_pageEnd)
move_field(DO, bibo_doi)
move_field(AN, bibo_pmid)
move_field(KW, dct_subject)
move_field(LA, dct_language)
retain(_id, a, dct_title, dct_creator, dct_abstract, dct_isPartOf, bibo_issn, dct_issued, bibo_volume, bibo_issue, bibo_pageStart, bibo_pageEnd, bibo_doi, bibo_pmid, dct_subject, dct_language)
EOF
else
	echo "== Catmandu RIS/RDF not installed: peer pipeline skipped" >&2
fi

echo "Machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(awk '/^MemTotal:/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM; $(go version | cut -d' ' -f3); memory cap per run $((cap_kb / 1024)) MiB; msckg at $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo
echo "| tool | input | records | wall time | CPU time | records/s | peak RSS | statements out |"
echo "|---|---|---|---|---|---|---|---|"
have_rapper=0
command -v rapper >/dev/null && have_rapper=1
for n in $sizes; do
	for f in $formats; do
		in=$(corpus "$f" "$n")
		keep_output=$have_rapper
		measure msckg "$in" "$n" "$dir/out.nt" bin/msckg build "$in" -o "$dir/out.nt"
		keep_output=0
		m_wall=$last_wall m_cpu=$last_cpu m_rss=$last_rss_kb m_rc=$last_rc
		if [ "$m_rc" -eq 0 ] && [ "$n" -ge 30000 ]; then
			rate=$(awk -v n="$n" -v s="$m_wall" 'BEGIN { printf "%.0f", n / s }')
			target "$f at $n records, end to end" "$rate records/s (CPU $m_cpu s)" "≥ 2,500 records/s" "$(met "$rate" 2500 ge)"
		fi
		if [ "$m_rc" -eq 0 ] && [ "$n" -eq 100000 ]; then
			mib=$((m_rss / 1024))
			target "peak memory, $f at 100,000 records" "$mib MiB" "≤ 1,024 MiB" "$(met "$mib" 1024 le)"
		fi
		if [ "$have_rapper" = 1 ] && [ "$m_rc" -eq 0 ]; then
			measure rapper "$in" "$n" "$dir/rapper.out" sh -c 'rapper -i ntriples -c "$1" 2>"$2"' sh "$dir/out.nt" "$dir/rapper.out"
			rm -f "$dir/out.nt"
			if [ "$last_rc" -eq 0 ]; then
				ratio=$(awk -v a="$m_wall" -v b="$last_wall" 'BEGIN { printf "%.1f", a / b }')
				cratio=$(awk -v a="$m_cpu" -v b="$last_cpu" 'BEGIN { printf "%.1f", a / b }')
				# Build time is wall time: msckg may use every core, rapper uses one.
				target "build against rapper's parse of its N-Triples, $f, $n records" "$ratio× wall ($cratio× CPU)" "≤ 3×" "$(met "$ratio" 3 le)"
			fi
		fi
		if [ -n "$peer" ] && [ "$f" = ris ]; then
			measure catmandu "$in" "$n" "$dir/peer.nt" \
				sh -c 'catmandu convert RIS --fix "$1" to RDF --type NTriples <"$2" >"$3"' sh "$peer" "$in" "$dir/peer.nt"
		fi
	done
done

if [ -n "$targets" ]; then
	echo
	echo "| target (issue 13) | measured | goal | |"
	echo "|---|---|---|---|"
	printf '%s' "$targets"
fi
