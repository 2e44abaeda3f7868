package goldset

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The three update flags each rewrite one reviewed file. Each is a
// deliberate act: -update-lock after adding or correcting a test-set
// record (never to make a failing lock pass unread), -update-floors after
// precision has risen, -update after the scores changed.
var (
	updateREADME = flag.Bool("update", false, "rewrite the unseen-set table in testdata/gold/README.md and README.md")
	updateLock   = flag.Bool("update-lock", false, "rewrite testdata/gold/unseen/LOCK.tsv (deliberate: the test set changes)")
	updateFloors = flag.Bool("update-floors", false, "raise the precision floors in testdata/gold/unseen/floors.tsv to the measured values")
)

var (
	goldDir   = filepath.Join("..", "..", "..", "testdata", "gold")
	unseenDir = filepath.Join(goldDir, "unseen")
)

const (
	tableBegin = "<!-- unseen-table:begin (go test ./mappings/evidence/goldset -run TestUnseenREADME -update) -->"
	tableEnd   = "<!-- unseen-table:end -->"
)

type unseenScores struct {
	test, dev PageReport
	own       Report
	table     string
	err       error
}

var (
	scoresOnce sync.Once
	scores     unseenScores
)

// unseenScore reads and scores the whole set once per test binary.
func unseenScore(t *testing.T) unseenScores {
	t.Helper()
	scoresOnce.Do(func() {
		docs, err := LoadUnseen(unseenDir)
		if err != nil {
			scores.err = err
			return
		}
		test, dev := Split(docs)
		if scores.test, err = ScorePages(test); err != nil {
			scores.err = err
			return
		}
		if scores.dev, err = ScorePages(dev); err != nil {
			scores.err = err
			return
		}
		own, err := LoadGold(goldDir)
		if err != nil {
			scores.err = err
			return
		}
		scores.own = Score(own, extractGold)
		scores.table = UnseenTable(scores.test, scores.dev, scores.own)
	})
	if scores.err != nil {
		t.Fatal(scores.err)
	}
	return scores
}

// TestUnseenEvaluation scores msckg's readings of the unseen pages, prints
// the table with -v, and fails when a test-set precision falls below its
// floor in floors.tsv. Misses are listed for development records only:
// the test set is opened only to score.
//
//	go test ./mappings/evidence/goldset -run TestUnseenEvaluation -v
func TestUnseenEvaluation(t *testing.T) {
	s := unseenScore(t)
	if testing.Verbose() {
		fmt.Printf("%s\n", s.table) // on stdout too, to paste
	}
	t.Logf("\n%s", s.table)
	for _, r := range []Report{s.dev.Meta, s.dev.Clinical} {
		for _, d := range r.Docs {
			if len(d.Missed)+len(d.Invented) > 0 {
				t.Logf("dev %s\n  missed:   %s\n  invented: %s", d.ID,
					strings.Join(d.Missed, "\n            "), strings.Join(d.Invented, "\n            "))
			}
		}
	}
	path := filepath.Join(unseenDir, "floors.tsv")
	floors, err := ReadFloors(path)
	if err != nil && !(*updateFloors && errors.Is(err, fs.ErrNotExist)) {
		t.Fatal(err)
	}
	if *updateFloors {
		if err := os.WriteFile(path, []byte(RaiseFloors(floors, s.test)), 0o644); err != nil {
			t.Fatal(err)
		}
		if floors, err = ReadFloors(path); err != nil {
			t.Fatal(err)
		}
	}
	for _, set := range []struct {
		types []string
		r     Report
	}{{MetaTypes, s.test.Meta}, {FactTypes, s.test.Clinical}} {
		for _, typ := range set.types {
			if Unfloored[typ] {
				continue
			}
			f, ok := floors[typ]
			if !ok {
				t.Errorf("%s: no row in %s", typ, path)
				continue
			}
			c := set.r.ByType[typ]
			if f != NoFloor && c.Predicted > 0 && c.Precision() < float64(f) {
				t.Errorf("%s: test-set precision %.4f (%d right of %d read) is below its floor %v", typ, c.Precision(), c.TP, c.Predicted, f)
			}
		}
	}
}

// TestUnseenREADME keeps the table in testdata/gold/README.md, and in the
// project README where users look first, equal to the scores; -update
// rewrites both.
func TestUnseenREADME(t *testing.T) {
	s := unseenScore(t)
	for _, path := range []string{
		filepath.Join(goldDir, "README.md"),
		filepath.Join("..", "..", "..", "README.md"),
	} {
		checkTableIn(t, path, "\n"+s.table+"\n")
	}
}

// checkTableIn compares the text between the table markers of path with
// want, rewriting it under -update.
func checkTableIn(t *testing.T, path, want string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i, j := strings.Index(text, tableBegin), strings.Index(text, tableEnd)
	if i < 0 || j < i {
		t.Fatalf("%s: no table markers %q … %q", path, tableBegin, tableEnd)
	}
	if text[i+len(tableBegin):j] == want {
		return
	}
	if !*updateREADME {
		t.Fatalf("%s: the unseen-set table is stale; run\n\tgo test ./mappings/evidence/goldset -run TestUnseenREADME -update\nand review the diff. Want:\n%s", path, want)
	}
	text = text[:i+len(tableBegin)] + want + text[j:]
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestUnseenLock holds the test set still: LOCK.tsv lists exactly the
// records the hash rule puts in the test set, with the SHA-256 of their
// page and annotation. Editing a test-set record, adding one or removing
// one fails until the lock is regenerated with -update-lock, which a
// reviewer then sees in the diff.
func TestUnseenLock(t *testing.T) {
	docs, err := LoadUnseen(unseenDir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Lock(docs)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(unseenDir, "LOCK.tsv")
	if *updateLock {
		if err := os.WriteFile(path, []byte(FormatLock(want)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := ReadLock(path)
	if err != nil {
		t.Fatal(err)
	}
	locked := map[string]LockEntry{}
	for _, e := range got {
		if !InTestSet(e.ID) {
			t.Errorf("%s: %s is locked but the hash rule puts it in the development set", path, e.ID)
		}
		locked[e.ID] = e
	}
	for _, w := range want {
		g, ok := locked[w.ID]
		switch {
		case !ok:
			t.Errorf("%s: test-set record %s is not locked (new? run -update-lock deliberately)", path, w.ID)
		case g.Text != w.Text:
			t.Errorf("%s: %s.txt changed since it was locked", path, w.ID)
		case g.JSON != w.JSON:
			t.Errorf("%s: %s.json changed since it was locked", path, w.ID)
		}
		delete(locked, w.ID)
	}
	for id := range locked {
		t.Errorf("%s: locked record %s is missing from the set", path, id)
	}
	if len(want) < 15 {
		t.Errorf("test set has %d records; too few to score (issue 10 asks for 40)", len(want))
	}
}

// The split rule is the hash rule, checked against digests computed
// apart (sha256sum): a first byte of 0x5f and below is test, 0x60 and
// above is development.
func TestInTestSet(t *testing.T) {
	tests := map[string]bool{
		"0":   true,  // 5feceb66…, the highest test byte
		"du":  false, // 601b2c24…, the lowest development byte
		"b":   true,  // 3e23e816…
		"d":   true,  // 18ac3e73…
		"a":   false, // ca978112…
		"etm": false, // 87d85c19…
	}
	for id, want := range tests {
		if got := InTestSet(id); got != want {
			t.Errorf("InTestSet(%q) = %v, want %v", id, got, want)
		}
	}
}
