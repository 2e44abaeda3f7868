package mappings

import (
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
