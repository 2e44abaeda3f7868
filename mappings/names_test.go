package mappings

import "testing"

func TestParseName(t *testing.T) {
	cases := []struct {
		in            string
		order         NameOrder
		family, given string
		collective    bool
	}{
		{"Wang, Xiaohua", FamilyFirst, "Wang", "Xiaohua", false},
		{"Wang,Xiaohua", FamilyFirst, "Wang", "Xiaohua", false},
		{"Wang, Xiaohua", GivenFirst, "Wang", "Xiaohua", false}, // a comma decides whatever the order
		{"Xiaohua Wang", GivenFirst, "Wang", "Xiaohua", false},
		{"Wang Xiaohua", FamilyFirst, "Wang", "Xiaohua", false},
		{"Bo ZHANG", GivenFirst, "Zhang", "Bo", false},
		{"Xiang-Feng TANG", GivenFirst, "Tang", "Xiang-Feng", false},
		{"Nan-Hai WU", GivenFirst, "Wu", "Nan-Hai", false},
		{"ZHANG, Bo", FamilyFirst, "Zhang", "Bo", false},
		{"Tong Tong", GivenFirst, "Tong", "Tong", false},
		{"Vincent van Gogh", GivenFirst, "van Gogh", "Vincent", false},
		{"Maria de la Cruz", GivenFirst, "de la Cruz", "Maria", false},
		{"van Gogh, Vincent", FamilyFirst, "van Gogh", "Vincent", false},
		{"Madonna", GivenFirst, "Madonna", "", false},
		{"Wang X", FamilyFirst, "Wang", "X", false},
		{"Wang XH", FamilyFirst, "Wang", "XH", false},
		{"Wang X", GivenFirst, "Wang", "X", false},
		{"X. Wang", GivenFirst, "Wang", "X.", false},
		{"X.H. Wang", GivenFirst, "Wang", "X.H.", false},
		{"  Kai Mu, ", GivenFirst, "Mu", "Kai", false},
		{"ITP Study Group", GivenFirst, "ITP Study Group", "", true},
		{"", GivenFirst, "", "", false},
	}
	for _, c := range cases {
		a := ParseName(c.in, c.order)
		if a.Family != c.family || a.Given != c.given || a.Collective != c.collective {
			t.Errorf("ParseName(%q, %d) = family %q given %q collective %v; want %q %q %v",
				c.in, c.order, a.Family, a.Given, a.Collective, c.family, c.given, c.collective)
		}
	}
	if a := ParseName("  Bo   ZHANG ", GivenFirst); a.AsWritten != "Bo ZHANG" {
		t.Errorf("AsWritten = %q, want the name as printed, trimmed", a.AsWritten)
	}
}

func FuzzParseName(f *testing.F) {
	for _, s := range []string{"Wang, Xiaohua", "Bo ZHANG", "Vincent van Gogh", "Wang XH", ",", "-", "A B C D"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, o := range []NameOrder{GivenFirst, FamilyFirst} {
			a := ParseName(s, o)
			if a.AsWritten != "" && a.Family == "" && a.Given == "" {
				t.Fatalf("ParseName(%q) lost the name: %+v", s, a)
			}
		}
	})
}
