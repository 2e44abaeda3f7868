package mappings

import (
	"testing"
	"unicode/utf8"
)

// The NLM rules (nlm.go) and inline markup (markup.go) the MEDLINE, PubMed
// XML and JATS readers share.

func TestInlineText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"30×10<sup>9</sup>/L", "30×10⁹/L"},
		{"30 &#xd7; 10<sup>9</sup>/L", "30 × 10⁹/L"},
		{"10<sup>−9</sup> M", "10⁻⁹ M"},
		{"10<sup>-12</sup>", "10⁻¹²"},
		{"Ca<sup>2+</sup>", "Ca²⁺"},
		{"CD34<sup>+</sup> cells", "CD34⁺ cells"},
		{"5 × 10<sup>6</sup> cells/kg", "5 × 10⁶ cells/kg"},
		{"10<sup>x</sup>", "10^x"},
		{"10<sup>a b</sup>", "10^(a b)"},
		{"Drug<sup>®</sup>", "Drug®"},
		{"IC<sub>50</sub>", "IC₅₀"},
		{"H<sub>2</sub>O", "H₂O"},
		{"CD4<sub>high</sub>", "CD4high"},
		{"<i>in vitro</i> and <b>bold</b> <u>under</u>", "in vitro and bold under"},
		{"<sup><i>9</i></sup>", "⁹"},
		{"p &lt; 0.05 &amp; more", "p < 0.05 & more"},
		{"line\n   broken", "line broken"},
		{`<mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML"><mml:msup><mml:mn>10</mml:mn><mml:mn>9</mml:mn></mml:msup></mml:math>/L`, "10⁹/L"},
		{`<math><msub><mi>t</mi><mrow><mn>1</mn><mo>/</mo><mn>2</mn></mrow></msub></math>`, "t1/2"},
		{`<math><mfrac><mi>a</mi><mi>b</mi></mfrac></math>`, "a/b"},
		{`<math><msqrt><mn>2</mn></msqrt></math>`, "√(2)"},
		{"unclosed <sup>9", "unclosed ⁹"},
		{"broken <sup 9", "broken <sup 9"},
		{"", ""},
	}
	for _, c := range cases {
		if got := inlineText(c.in); got != c.want {
			t.Errorf("inlineText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNLMFreeDate(t *testing.T) {
	cases := []struct {
		in   string
		want Date
	}{
		{"2017 May", Date{2017, 5, 0}},
		{"2017 May 15", Date{2017, 5, 15}},
		{"2017 May-Jun", Date{2017, 5, 0}},
		{"1998 Dec-1999 Jan", Date{1998, 12, 0}},
		{"2001 Dec 15-21", Date{2001, 12, 0}},
		{"2000 Spring", Date{2000, 0, 0}},
		{"1975-1976", Date{1975, 0, 0}},
		{"2017", Date{2017, 0, 0}},
		{"2017 Sept", Date{2017, 9, 0}},
		{"May 2017", Date{}},
		{"", Date{}},
	}
	for _, c := range cases {
		if got := nlmFreeDate(c.in); got != c.want {
			t.Errorf("nlmFreeDate(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestNLMORCID(t *testing.T) {
	cases := []struct{ in, want string }{
		{"0000-0002-1825-0097", "0000-0002-1825-0097"},
		{"https://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097"},
		{"http://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097"},
		{"orcid.org/0000000218250097", "0000-0002-1825-0097"},
		{"0000-0002-1694-233x", "0000-0002-1694-233X"},
		{"0000-0002-1825-0098", ""}, // wrong check digit
		{"0000-0002-1825-009", ""},
		{"ORCID: 0000-0002-1825-0097", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := nlmORCID(c.in); got != c.want {
			t.Errorf("nlmORCID(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNLMTrialID(t *testing.T) {
	cases := []struct{ bank, acc, want string }{
		{"ClinicalTrials.gov", "NCT01234567", "NCT01234567"},
		{"clinicaltrials.gov", " NCT01234567 ", "NCT01234567"},
		{"ClinicalTrials.gov", "NCT0123456", ""},
		{"ChiCTR", "ChiCTR-TRC-12002345", "ChiCTR-TRC-12002345"},
		{"ChiCTR", "ChiCTR2000029606", "ChiCTR2000029606"},
		{"ISRCTN", "ISRCTN12345678", "ISRCTN12345678"},
		{"ANZCTR", "ACTRN12611000123456", "ACTRN12611000123456"},
		{"GENBANK", "MN908947", ""},
		{"Dryad", "10.5061/dryad.x", ""},
	}
	for _, c := range cases {
		if got := nlmTrialID(c.bank, c.acc); got != c.want {
			t.Errorf("nlmTrialID(%q, %q) = %q, want %q", c.bank, c.acc, got, c.want)
		}
	}
}

func TestNLMPages(t *testing.T) {
	cases := []struct{ in, start, end, number string }{
		{"2255-2258", "2255", "2258", ""},
		{"2255-8", "2255", "2258", ""},
		{"1117-25", "1117", "1125", ""},
		{"501", "501", "", ""},
		{"e0123456", "", "", "e0123456"},
		{"S12-5", "S12", "S15", ""},
		{"e123-e130", "e123", "e130", ""},
		{"12-5; discussion 16", "12", "15", ""},
		{"", "", "", ""},
	}
	for _, c := range cases {
		var rec Record
		nlmPages(&rec, c.in)
		if rec.PageStart != c.start || rec.PageEnd != c.end || rec.ArticleNumber != c.number {
			t.Errorf("nlmPages(%q) = %q %q %q, want %q %q %q", c.in, rec.PageStart, rec.PageEnd, rec.ArticleNumber, c.start, c.end, c.number)
		}
	}
}

func FuzzInlineText(f *testing.F) {
	for _, s := range []string{"30×10<sup>9</sup>/L", "IC<sub>50</sub>", "<i>x</i>", "a &lt; b", "<sup>", "<math><msup><mn>1</mn></msup></math>", "<sup 9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := inlineText(s)
		if !utf8.ValidString(out) {
			t.Fatalf("inlineText(%q) = %q: invalid UTF-8", s, out)
		}
	})
}
