package mappings

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf16"
)

// Latin-1/Windows-1252 and UTF-16 with a byte-order mark are read as
// text (issue 11: "café" became "caf\uFFFD" silently); what stays
// unreadable is reported per record.
func TestInputEncodings(t *testing.T) {
	utf16le := func(s string, big bool) []byte {
		var b []byte
		if big {
			b = []byte{0xFE, 0xFF}
		} else {
			b = []byte{0xFF, 0xFE}
		}
		for _, u := range utf16.Encode([]rune(s)) {
			if big {
				b = append(b, byte(u>>8), byte(u))
			} else {
				b = append(b, byte(u), byte(u>>8))
			}
		}
		return b
	}
	ris := "TY  - JOUR\nTI  - Stem cells in Zürich café\nAU  - Müller, Jürgen\nPY  - 2020\nER  - \n"
	for name, in := range map[string][]byte{
		"windows-1252": []byte("TY  - JOUR\nTI  - Stem cells in Z\xfcrich caf\xe9\nAU  - M\xfcller, J\xfcrgen\nPY  - 2020\nER  - \n"),
		"utf-16le":     utf16le(ris, false),
		"utf-16be":     utf16le(ris, true),
		"utf-8":        []byte(ris),
	} {
		f, r, err := Open(strings.NewReader(string(in)), "")
		if err != nil || f.Name != "ris" {
			t.Fatalf("%s: detected %v, %v", name, f, err)
		}
		var recs []Record
		for rec, err := range f.Read(r) {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			recs = append(recs, rec)
		}
		if len(recs) != 1 || recs[0].Title != "Stem cells in Zürich café" || recs[0].Authors[0].Family != "Müller" || len(recs[0].Warnings) != 0 {
			t.Errorf("%s: %+v", name, recs)
		}
	}

	// UTF-8 with one Latin-1 record: not transcoded (it would corrupt the
	// UTF-8), and the damaged record says so.
	mixed := ris + "TY  - JOUR\nTI  - caf\xe9 au lait\nPY  - 2021\nER  - \n"
	recs, errs := readAll(t, "ris", []byte(mixed))
	if len(recs) != 2 || len(errs) != 0 || recs[0].Title != "Stem cells in Zürich café" {
		t.Fatalf("mixed: %+v %v", recs, errs)
	}
	if len(recs[0].Warnings) != 0 || len(recs[1].Warnings) != 1 || !strings.Contains(recs[1].Warnings[0], "U+FFFD") {
		t.Errorf("mixed: warnings %q and %q, want only the second record's", recs[0].Warnings, recs[1].Warnings)
	}
}

// Evidence of the encoding past the first SniffSize bytes: a seekable
// input is checked whole before the decoder is chosen, so a Latin-1
// record after 64 KiB of ASCII is read as text; an input that cannot
// seek keeps the choice made on its head, and what that garbles is
// reported. A file of UTF-8 and stray Latin-1 stays UTF-8 whichever part
// comes first.
func TestEncodingEvidenceWholeInput(t *testing.T) {
	ascii := "TY  - JOUR\nTI  - Stem cells, a long record\nAB  - " + strings.Repeat("Mesenchymal stem cells. ", SniffSize/24+10) + "\nPY  - 2020\nER  - \n\n"
	latin1 := "TY  - JOUR\nTI  - Stem cells in Z\xfcrich caf\xe9\nAU  - M\xfcller, J\xfcrgen\nPY  - 2021\nER  - \n\n"
	utf8Rec := "TY  - JOUR\nTI  - Stem cells in Zürich café\nAU  - Müller, Jürgen\nPY  - 2021\nER  - \n\n"
	type want struct {
		title  string // of the second record
		warned []int  // records with a U+FFFD warning
	}
	seekable := func(s string) io.Reader { return strings.NewReader(s) }
	stream := func(s string) io.Reader { return struct{ io.Reader }{strings.NewReader(s)} }
	for _, c := range []struct {
		name string
		in   io.Reader
		want want
	}{
		{"ASCII head, Latin-1 later, seekable", seekable(ascii + latin1), want{"Stem cells in Zürich café", nil}},
		{"ASCII head, Latin-1 later, a stream", stream(ascii + latin1), want{"Stem cells in Z\uFFFDrich caf\uFFFD", []int{2}}},
		{"Latin-1 head, UTF-8 later, seekable", seekable(latin1 + ascii + utf8Rec), want{"Stem cells, a long record", []int{1}}},
		{"UTF-8 head, Latin-1 later, seekable", seekable(utf8Rec + ascii + latin1), want{"Stem cells, a long record", []int{3}}},
		{"all Latin-1, seekable", seekable(latin1 + ascii + latin1), want{"Stem cells, a long record", nil}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, r, err := Open(c.in, "")
			if err != nil || f.Name != "ris" {
				t.Fatalf("detected %v, %v", f, err)
			}
			var recs []Record
			var warned []int
			for rec, err := range f.Read(r) {
				if err != nil {
					t.Fatal(err)
				}
				recs = append(recs, rec)
				for _, w := range rec.Warnings {
					if strings.Contains(w, "U+FFFD") {
						warned = append(warned, rec.Number)
					}
				}
			}
			if len(recs) < 2 || recs[1].Title != c.want.title {
				t.Fatalf("%d records, the second titled %q; want %q", len(recs), recs[min(1, len(recs)-1)].Title, c.want.title)
			}
			if fmt.Sprint(warned) != fmt.Sprint(c.want.warned) {
				t.Errorf("records warned of U+FFFD: %v, want %v", warned, c.want.warned)
			}
			for _, rec := range recs {
				if strings.Contains(rec.Title, "Zürich") && rec.Authors[0].Family != "Müller" {
					t.Errorf("record %d: author %q", rec.Number, rec.Authors[0].Family)
				}
			}
		})
	}
}

// The evidence gathered over chunks does not depend on where they are
// cut: a multi-byte sequence split between two is still well-formed.
func TestEncodingEvidenceChunks(t *testing.T) {
	for _, c := range []struct {
		chunks []string
		w1252  bool
	}{
		{[]string{"caf\xc3", "\xa9 au lait"}, false},
		{[]string{"caf\xe9", " au lait"}, true},
		{[]string{"caf\xe9 ", "\xc3\xa9"}, false}, // mixed: stays UTF-8
		{[]string{"ends cut \xc3"}, true},
		{[]string{"plain ASCII"}, false},
		{[]string{"undefined \x81 byte \xe9"}, false},
		{[]string{"binary \x00 \xe9"}, false},
	} {
		var e encodingEvidence
		for _, ch := range c.chunks {
			e.add([]byte(ch))
		}
		e.end()
		if e.windows1252() != c.w1252 {
			t.Errorf("%q: Windows-1252 %v, want %v", c.chunks, e.windows1252(), c.w1252)
		}
	}
}
