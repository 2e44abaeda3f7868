package goldset

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
)

// Targets of issue 10 on the locked test set.
const (
	TargetClinicalPrecision = 0.95
	TargetClinicalRecall    = 0.75
	TargetMetaPrecision     = 0.97
)

// PageReport is the score of msckg's readings of a set of pages: their
// metadata and their clinical facts, counted apart.
type PageReport struct {
	Records  int
	Declined int // pages no reader took
	Meta     Report
	Clinical Report
	// ClinicalDeclined counts, per fact type and "" for all, the gold
	// clinical facts on pages no reader took: misses the extractor never
	// saw, so the gap column can say which misses are the reader's.
	ClinicalDeclined map[string]int
}

// ScorePages reads every page of docs as `msckg build` would and scores
// the reading against the annotation. An unreadable file is an error.
func ScorePages(docs []UnseenDoc) (PageReport, error) {
	r := PageReport{Meta: newReport(MetaTypes), Clinical: newReport(FactTypes), ClinicalDeclined: map[string]int{}}
	for _, d := range docs {
		rd, err := ReadPage(d.TextFile)
		if err != nil {
			return r, err
		}
		r.Records++
		gold := goldAtoms(d.Facts)
		if rd.Record == nil {
			r.Declined++
			for typ, atoms := range gold {
				r.ClinicalDeclined[typ] += len(atoms)
				r.ClinicalDeclined[""] += len(atoms)
			}
		}
		r.Meta.add(d.ID, metaAtoms(d.Kind, d.Meta), readingAtoms(rd, d.Meta))
		r.Clinical.add(d.ID, gold, factAtoms(rd.Facts))
	}
	return r, nil
}

// Split divides the unseen records by the hash rule (InTestSet).
func Split(docs []UnseenDoc) (test, dev []UnseenDoc) {
	for _, d := range docs {
		if InTestSet(d.ID) {
			test = append(test, d)
		} else {
			dev = append(dev, d)
		}
	}
	return test, dev
}

// UnseenTable renders the test-set scores per fact type with the
// development set and the team's own gold abstracts (own; clinical facts
// only) beside them, the target of each type and the test set's gap to it.
func UnseenTable(test, dev PageReport, own Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Test set: %d records (%d declined by the page reader); development set: %d records (%d declined); own gold: %d abstracts.\n\n",
		test.Records, test.Declined, dev.Records, dev.Declined, len(own.Docs))
	b.WriteString("| fact type | test gold | test read | test right | test P | test R | dev P | dev R | own P | own R | target | gap on the test set |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n")
	row := func(name string, t, d, o Counts, hasOwn bool, tp, tr float64, declined int) {
		op, or := "–", "–"
		if hasOwn {
			op, or = fmtP(o), fmtR(o)
		}
		target := fmt.Sprintf("P ≥ %.2f", tp)
		if tr > 0 {
			target += fmt.Sprintf(", R ≥ %.2f", tr)
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			name, t.Gold, t.Predicted, t.TP, fmtP(t), fmtR(t), fmtP(d), fmtR(d), op, or, target, gap(t, tp, tr, declined))
	}
	for _, typ := range MetaTypes {
		row(typ, test.Meta.ByType[typ], dev.Meta.ByType[typ], Counts{}, false, TargetMetaPrecision, 0, 0)
	}
	row("**page metadata**", test.Meta.Overall, dev.Meta.Overall, Counts{}, false, TargetMetaPrecision, 0, 0)
	for _, typ := range FactTypes {
		row(typ, test.Clinical.ByType[typ], dev.Clinical.ByType[typ], own.ByType[typ], true,
			TargetClinicalPrecision, TargetClinicalRecall, test.ClinicalDeclined[typ])
	}
	row("**clinical facts**", test.Clinical.Overall, dev.Clinical.Overall, own.Overall, true,
		TargetClinicalPrecision, TargetClinicalRecall, test.ClinicalDeclined[""])
	return b.String()
}

func fmtP(c Counts) string {
	if c.Predicted == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", c.Precision())
}

func fmtR(c Counts) string {
	if c.Gold == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", c.Recall())
}

// gap says by how much, in facts, the test set misses each target, and
// how many of the missed facts sit on pages the reader declined.
func gap(c Counts, minP, minR float64, declined int) string {
	var parts []string
	switch {
	case c.Predicted == 0:
		parts = append(parts, "P: nothing read")
	case c.Precision() < minP:
		parts = append(parts, fmt.Sprintf("P −%.2f (%d wrong of %d read)", minP-c.Precision(), c.FP(), c.Predicted))
	}
	switch {
	case minR == 0:
	case c.Gold == 0:
		parts = append(parts, "R: no gold facts")
	case c.Recall() < minR:
		need := int(math.Ceil(minR*float64(c.Gold)-1e-9)) - c.TP
		msg := fmt.Sprintf("R −%.2f (%d of %d found, %d more needed", minR-c.Recall(), c.TP, c.Gold, need)
		if declined > 0 {
			msg += fmt.Sprintf("; %d of the %d missed are on declined pages", declined, c.FN())
		}
		parts = append(parts, msg+")")
	}
	if len(parts) == 0 {
		return "met"
	}
	return strings.Join(parts, "; ")
}

// Floor is the lowest test-set precision a fact type may have; NoFloor
// when the type had nothing read when floors were last recorded.
type Floor float64

// NoFloor marks a fact type without a recorded floor ("-" in the file).
const NoFloor Floor = -1

// ReadFloors reads floors.tsv: "# comments" and "type<TAB>floor" lines.
func ReadFloors(path string) (map[string]Floor, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("floors: %w", err)
	}
	floors := map[string]Floor{}
	known := nameSet(append(append([]string{}, MetaTypes...), FactTypes...)...)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		typ, v, ok := strings.Cut(line, "\t")
		if !ok || strings.Contains(v, "\t") {
			return nil, fmt.Errorf("floors: %s:%d: want \"type<TAB>floor\", got %q", path, n, line)
		}
		if !known[typ] {
			return nil, fmt.Errorf("floors: %s:%d: unknown fact type %q", path, n, typ)
		}
		if _, dup := floors[typ]; dup {
			return nil, fmt.Errorf("floors: %s:%d: %s given twice", path, n, typ)
		}
		if v == "-" {
			floors[typ] = NoFloor
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || f > 1 {
			return nil, fmt.Errorf("floors: %s:%d: %q is not a precision between 0 and 1", path, n, v)
		}
		floors[typ] = Floor(f)
	}
	return floors, nil
}

// Unfloored are the fact types without a precision floor: views of a
// type that another type floors whole. outcome.type scores an outcome's
// type alone, so removing a wrong outcome whose type was right lowers
// it and a floor on it would forbid fixing wrong facts; "outcome" floors
// the same readings, type, patients, value and time together.
var Unfloored = map[string]bool{"outcome.type": true}

// RaiseFloors returns the floors file for the measured test-set report:
// each type's floor becomes its measured precision (rounded down to 4
// places), but a floor is never lowered. Lowering one is an edit by hand
// that a reviewer sees.
func RaiseFloors(old map[string]Floor, test PageReport) string {
	var b strings.Builder
	b.WriteString("# Lowest test-set precision per fact type (goldset.TestUnseenEvaluation).\n")
	b.WriteString("# Written by `go test ./mappings/evidence/goldset -run TestUnseenEvaluation -update-floors`,\n")
	b.WriteString("# which only raises floors; \"-\" means nothing was read when they were recorded.\n")
	b.WriteString("# outcome.type has no floor (goldset.Unfloored): outcome floors the same readings whole.\n")
	for _, set := range []struct {
		types []string
		r     Report
	}{{MetaTypes, test.Meta}, {FactTypes, test.Clinical}} {
		for _, typ := range set.types {
			if Unfloored[typ] {
				continue
			}
			f, ok := old[typ]
			if !ok {
				f = NoFloor
			}
			if c := set.r.ByType[typ]; c.Predicted > 0 {
				if m := Floor(math.Floor(c.Precision()*1e4) / 1e4); m > f {
					f = m
				}
			}
			if f == NoFloor {
				fmt.Fprintf(&b, "%s\t-\n", typ)
			} else {
				fmt.Fprintf(&b, "%s\t%s\n", typ, strconv.FormatFloat(float64(f), 'f', -1, 64))
			}
		}
	}
	return b.String()
}

// LockEntry is one locked test-set record: the SHA-256 of its page and of
// its annotation, hex.
type LockEntry struct {
	ID, Text, JSON string
}

// Lock computes the lock of the test-set records among docs, in id order.
func Lock(docs []UnseenDoc) ([]LockEntry, error) {
	var out []LockEntry
	for _, d := range docs {
		if !InTestSet(d.ID) {
			continue
		}
		t, err := fileSHA(d.TextFile)
		if err != nil {
			return nil, err
		}
		j, err := fileSHA(d.File)
		if err != nil {
			return nil, err
		}
		out = append(out, LockEntry{ID: d.ID, Text: t, JSON: j})
	}
	sort.Slice(out, func(i, k int) bool { return out[i].ID < out[k].ID })
	return out, nil
}

func fileSHA(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("lock: %w", err)
	}
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:]), nil
}

// FormatLock writes LOCK.tsv.
func FormatLock(entries []LockEntry) string {
	var b strings.Builder
	b.WriteString("# Locked test set of testdata/gold/unseen: id, sha256 of <id>.txt, sha256 of <id>.json.\n")
	b.WriteString("# Regenerate only deliberately: go test ./mappings/evidence/goldset -run TestUnseenLock -update-lock\n")
	for _, e := range entries {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", e.ID, e.Text, e.JSON)
	}
	return b.String()
}

// ReadLock parses LOCK.tsv.
func ReadLock(path string) ([]LockEntry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	var out []LockEntry
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || len(f[1]) != 64 || len(f[2]) != 64 {
			return nil, fmt.Errorf("lock: %s:%d: want \"id<TAB>sha256<TAB>sha256\", got %q", path, n, line)
		}
		out = append(out, LockEntry{ID: f[0], Text: f[1], JSON: f[2]})
	}
	return out, nil
}
