package export

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/knakk/rdf"
)

func TestCheckIRI(t *testing.T) {
	good := []string{
		"https://w3id.org/msckg/id/paper/doi/10.3892/etm.2017.4229",
		"http://example.org/MSC(BM)",
		"http://example.org/O'Brien",
		"http://example.org/10.1000%2Fabc",
		"http://example.org/治疗",
		"urn:isbn:0451450523",
		"mailto:someone@example.org",
		"http://example.org/#frag",
	}
	for _, s := range good {
		if err := checkIRI(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	bad := []string{
		"", "author/1", "/abs/path", "//host/x", "1http://x", ":x",
		"http://e.org/a b", "http://e.org/a\tb", "http://e.org/a\nb",
		"http://e.org/<x>", `http://e.org/"x"`, "http://e.org/{x}", "http://e.org/a|b",
		"http://e.org/a^b", "http://e.org/a`b", `http://e.org/a\b`,
		"http://e.org/\x00", "http://e.org/\x7f", "http://e.org/\u0085",
		"http://e.org/100%", "http://e.org/%zz", "http://e.org/%4",
		"http://e.org/\xff",
	}
	for _, s := range bad {
		err := checkIRI(s)
		var ie *IRIError
		if !errors.As(err, &ie) || ie.IRI != s {
			t.Errorf("%q: got %v, want an IRIError naming it", s, err)
		}
	}
}

func TestLangTagShape(t *testing.T) {
	for _, tag := range []string{"en", "EN", "zh-Hans-CN", "de-CH-1996", "sr-Latn-RS", "x-private", "en-US"} {
		if !langTag.MatchString(tag) {
			t.Errorf("%q refused", tag)
		}
	}
	for _, tag := range []string{"", "-en", "en-", "en--US", "en_US", "e1", "toolongtag", "en-toolongsubtag", "zh-漢"} {
		if langTag.MatchString(tag) {
			t.Errorf("%q accepted", tag)
		}
	}
}

func TestPrepareErrors(t *testing.T) {
	s, p := iri(ex+"s"), iri(ex+"p")
	blank, _ := rdf.NewBlank("b")
	rel, _ := rdf.NewIRI("author/1")
	pct, _ := rdf.NewIRI("http://e.org/%zz")
	badUTF8, _ := rdf.NewLiteral("x\xffy")
	cases := []struct {
		name string
		q    rdf.Quad
		want string
	}{
		{"nil subject", rdf.Quad{Triple: rdf.Triple{Pred: p, Obj: s}}, "quad 0: subject: missing term"},
		{"nil predicate", rdf.Quad{Triple: rdf.Triple{Subj: s, Obj: s}}, "quad 0: predicate: missing term"},
		{"nil object", rdf.Quad{Triple: rdf.Triple{Subj: s, Pred: p}}, "quad 0: object: missing term"},
		{"relative subject", q(rel, ex+"p", s, ""), `quad 0: subject: invalid IRI "author/1"`},
		{"relative object", q(s, ex+"p", rel, ""), `quad 0: object: invalid IRI "author/1"`},
		{"relative graph", rdf.Quad{Triple: rdf.Triple{Subj: s, Pred: p, Obj: s}, Ctx: rel}, `quad 0: graph: invalid IRI "author/1"`},
		{"bad percent", q(s, ex+"p", pct, ""), `invalid IRI "http://e.org/%zz"`},
		{"relative datatype", q(s, ex+"p", rdf.NewTypedLiteral("1", rel), ""), `object: literal "1": datatype: invalid IRI "author/1"`},
		{"bad UTF-8", q(s, ex+"p", badUTF8, ""), "not valid UTF-8"},
		{"blank graph kept", rdf.Quad{Triple: rdf.Triple{Subj: s, Pred: p, Obj: s}, Ctx: blank}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, f := range Formats() {
				var b bytes.Buffer
				err := f.WriteQuads(&b, []rdf.Quad{q(s, ex+"p", str("fine"), ""), c.q}, Options{})
				if c.want == "" {
					if err != nil {
						t.Errorf("%s: %v", f.Name, err)
					}
					continue
				}
				want := strings.Replace(c.want, "quad 0", "quad 1", 1)
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("%s: got %v, want %q", f.Name, err, want)
				}
				if b.Len() > 0 {
					t.Errorf("%s: wrote %d bytes before failing", f.Name, b.Len())
				}
			}
		})
	}
}

func TestBlankNodesWritten(t *testing.T) {
	b1, _ := rdf.NewBlank("cohort-1")
	g, _ := rdf.NewBlank("g1")
	in := []rdf.Quad{
		q(iri(ex+"paper"), mkg+"studies", b1, ""),
		{Triple: rdf.Triple{Subj: b1, Pred: iri(mkg + "size"), Obj: typed("4", xsdInteger)}, Ctx: g},
	}
	for _, name := range []string{"nquads", "ntriples", "turtle"} {
		out := string(write(t, name, in))
		if !strings.Contains(out, "_:cohort-1") {
			t.Errorf("%s: blank node missing:\n%s", name, out)
		}
		if got := strings.Contains(out, "_:g1"); got != (name == "nquads") {
			t.Errorf("%s: blank graph name written: %v\n%s", name, got, out)
		}
	}
}
