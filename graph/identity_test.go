package graph

import (
	"math/rand"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/msckg/msckg/graph/identity"
	"github.com/msckg/msckg/mappings"
	o "github.com/msckg/msckg/ontology"
)

// Records shaped like the fixtures in testdata/formats (pages/03, pages/06,
// pages-README.md, the Medicine paper of the seeds, pubmed-multi.xml).
func thiemePage() Input {
	return rec("pages/03-thieme-hamostaseologie.txt", "labelled-page", func(r *mappings.Record) {
		r.Title = "Pathophysiology of Autoimmune Thrombocytopenia: Current Insight with a Focus on Thrombopoiesis"
		r.DOI = "10.1055/s-0039-1678732"
		r.Issued = mappings.Date{Year: 2019, Month: 2, Day: 25}
	})
}

func pmcPage() Input {
	return rec("pages/06-pmc-bmc-immunology.txt", "labelled-page", func(r *mappings.Record) {
		r.Title = "Mesenchymal stromal cells to modulate immune reconstitution early post-hematopoietic cell transplantation"
		r.DOI, r.PMID, r.PMCID = "10.1186/s12865-015-0135-7", "26674007", "PMC4681052"
		r.Issued = mappings.Date{Year: 2015, Month: 12, Day: 16}
		r.Authors = []mappings.Author{author("Stenger", "Elizabeth O"), author("Krishnamurti", "Lakshmanan"), author("Galipeau", "Jacques")}
	})
}

// readmePage is a README listing the page fixtures, read as a labelled
// page: it picked up the Thieme page's DOI and the PMC page's PMCID.
func readmePage() Input {
	return rec("pages-README.md", "labelled-page", func(r *mappings.Record) {
		r.Title = "Web page fixtures for the labelled-page reader"
		r.DOI, r.PMCID = "10.1055/s-0039-1678732", "PMC4681052"
	})
}

func medicinePaper() Input {
	return rec("003_cb46faab3a843d5b.txt", "vufind-page", func(r *mappings.Record) {
		r.Title = "Cord-derived mesenchymal stem cells therapy for liver cirrhosis in children with refractory Henoch–Schonlein purpura"
		r.DOI = "10.1097/md.0000000000013287"
		r.Issued.Year = 2018
		r.Authors = []mappings.Author{author("Mu", "Yan"), author("Zhang", "Rongjun"), author("Gu", "Yan"), author("Li", "Hongjuan")}
	})
}

func TestIdentityRefusesConflicts(t *testing.T) {
	tests := []struct {
		name    string
		in      []Input
		papers  []string // sorted paths of each paper's sources, "+"-joined
		refused []string // path of each record kept apart, in a refusal
		reason  string   // words every refusal's text has
	}{
		{"a page with one paper's DOI and another's PMCID joins neither",
			[]Input{thiemePage(), pmcPage(), readmePage()},
			[]string{"pages-README.md", "pages/03-thieme-hamostaseologie.txt", "pages/06-pmc-bmc-immunology.txt"},
			[]string{"pages-README.md"}, "different papers"},
		{"the bridge is found whatever else joins each side",
			[]Input{thiemePage(), pmcPage(), readmePage(),
				rec("pmc-medline.nbib", "medline", func(r *mappings.Record) {
					r.Title = "Mesenchymal stromal cells to modulate immune reconstitution early post-hematopoietic cell transplantation"
					r.PMID = "26674007"
				})},
			[]string{"pages-README.md", "pages/03-thieme-hamostaseologie.txt", "pages/06-pmc-bmc-immunology.txt+pmc-medline.nbib"},
			[]string{"pages-README.md"}, "different papers"},
		{"a PMID differing from the one two records give is kept apart",
			[]Input{
				rec("pubmed.xml", "pubmed-xml", func(r *mappings.Record) { r.Title = "T"; r.DOI = "10.3892/etm.2017.4229"; r.PMID = "28565834" }),
				rec("medline.nbib", "medline", func(r *mappings.Record) { r.Title = "T"; r.DOI = "10.3892/etm.2017.4229"; r.PMID = "28565834" }),
				rec("page.txt", "labelled-page", func(r *mappings.Record) { r.Title = "T"; r.DOI = "10.3892/etm.2017.4229"; r.PMID = "28565835" }),
			},
			[]string{"medline.nbib+pubmed.xml", "page.txt"},
			[]string{"page.txt"}, "pmid 28565835 differs from pmid 28565834"},
		{"two records giving one DOI two PMIDs: neither wins",
			[]Input{
				rec("a.ris", "ris", func(r *mappings.Record) { r.Title = "T"; r.DOI = "10.1/x"; r.PMID = "1" }),
				rec("b.ris", "ris", func(r *mappings.Record) { r.Title = "T"; r.DOI = "10.1/x"; r.PMID = "2" }),
			},
			[]string{"a.ris", "b.ris"},
			[]string{"a.ris", "b.ris"}, "different pmids"},
		{"same title and year, no author in common",
			[]Input{
				rec("pubmed-multi.xml", "pubmed-xml", func(r *mappings.Record) {
					r.Title = "Immune Thrombocytopenia"
					r.PMID = "90000003"
					r.Issued.Year = 2025
					r.Authors = []mappings.Author{author("Patel", "Anika")}
				}),
				rec("review.txt", "labelled-page", func(r *mappings.Record) {
					r.Title = "Immune thrombocytopenia."
					r.Issued.Year = 2025
					r.Authors = []mappings.Author{author("Cooper", "Nichola"), author("Ghanima", "Waleed")}
				}),
			},
			[]string{"pubmed-multi.xml", "review.txt"},
			[]string{"review.txt"}, "no author in common"},
		{"identifier-less records: same title and year, no author in common",
			[]Input{
				rec("a.txt", "labelled-page", func(r *mappings.Record) {
					r.Title = "Immune Thrombocytopenia"
					r.Issued.Year = 2025
					r.Authors = []mappings.Author{author("Patel", "Anika")}
				}),
				rec("b.txt", "labelled-page", func(r *mappings.Record) {
					r.Title = "Immune thrombocytopenia"
					r.Issued.Year = 2025
					r.Authors = []mappings.Author{author("Cooper", "Nichola")}
				}),
			},
			[]string{"a.txt", "b.txt"},
			[]string{"b.txt"}, "no author in common"},
		{"a title two papers have joins neither, and says so",
			[]Input{
				rec("pubmed-multi.xml", "pubmed-xml", func(r *mappings.Record) {
					r.Title = "Immune Thrombocytopenia"
					r.PMID = "90000003"
					r.Issued.Year = 2025
				}),
				rec("other.ris", "ris", func(r *mappings.Record) {
					r.Title = "Immune thrombocytopenia"
					r.DOI = "10.1056/nejmcp1810479"
					r.Issued.Year = 2025
				}),
				rec("page.txt", "labelled-page", func(r *mappings.Record) {
					r.Title = "Immune thrombocytopenia."
					r.Issued.Year = 2025
				}),
			},
			[]string{"other.ris", "page.txt", "pubmed-multi.xml"},
			[]string{"page.txt"}, "matches several papers"},
		{"dashes, a trailing period and a missing year join when the first author agrees",
			[]Input{medicinePaper(),
				rec("medicine-page.txt", "labelled-page", func(r *mappings.Record) {
					r.Title = "Cord‐derived mesenchymal stem cells therapy for liver cirrhosis in children with refractory Henoch-Schonlein purpura."
					r.Authors = []mappings.Author{{AsWritten: "Yan Mu", Family: "Mu", Given: "Yan"}}
				})},
			[]string{"003_cb46faab3a843d5b.txt+medicine-page.txt"}, nil, ""},
		{"a missing year does not join without an author who agrees",
			[]Input{medicinePaper(),
				rec("medicine-page.txt", "labelled-page", func(r *mappings.Record) {
					r.Title = "Cord-derived mesenchymal stem cells therapy for liver cirrhosis in children with refractory Henoch–Schonlein purpura"
				})},
			[]string{"003_cb46faab3a843d5b.txt", "medicine-page.txt"}, nil, ""},
		{"same title, year missing on one side, most authors shared (first one not)",
			[]Input{medicinePaper(),
				rec("medicine.bib", "bibtex", func(r *mappings.Record) {
					r.Title = "Cord-derived mesenchymal stem cells therapy for liver cirrhosis in children with refractory Henoch—Schonlein purpura"
					r.Authors = []mappings.Author{author("Zhang", "Rongjun"), author("Gu", "Yan"), author("Li", "Hongjuan")}
				})},
			[]string{"003_cb46faab3a843d5b.txt+medicine.bib"}, nil, ""},
		{"a year on one side only, two identifier-less records whose authors swap name order",
			[]Input{
				rec("wprim.txt", "wprim-page", func(r *mappings.Record) {
					r.Title = "Application of umbilical cord mesenchymal stem cells in the treatment of children"
					r.Issued.Year = 2025
					r.Authors = []mappings.Author{{AsWritten: "Nan-Hai WU", Family: "Nan-Hai", Given: "WU"}}
				}),
				rec("zendy.txt", "zendy-page", func(r *mappings.Record) {
					r.Title = "Application of Umbilical Cord Mesenchymal Stem Cells in the Treatment of Children"
					r.Authors = []mappings.Author{author("Wu", "Nanhai")}
				}),
			},
			[]string{"wprim.txt+zendy.txt"}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clusters(tt.in); !slices.Equal(got, tt.papers) {
				t.Errorf("papers:\n got %q\nwant %q", got, tt.papers)
			}
			res := mustBuild(t, tt.in)
			if got := len(subjectsOfType(res, o.Paper)); got != len(tt.papers) || res.Summary.Papers != len(tt.papers) {
				t.Errorf("%d Paper nodes, summary %d papers, want %d", got, res.Summary.Papers, len(tt.papers))
			}
			var refused []string
			for _, r := range res.Summary.Refusals {
				refused = append(refused, strings.TrimSuffix(r.Records[0], " record 1"))
				if len(r.Records) < 2 || !strings.Contains(r.Reason, tt.reason) {
					t.Errorf("refusal %s: want both records and a reason with %q", r, tt.reason)
				}
				if !slices.ContainsFunc(res.Identity, func(e Explanation) bool {
					return e.Kind == "paper" && e.Subject == r.Subject && e.Text == r.Text()
				}) {
					t.Errorf("refusal %s is not among the identity explanations", r)
				}
			}
			sort.Strings(refused)
			if !slices.Equal(refused, tt.refused) {
				t.Errorf("refused %q, want %q", refused, tt.refused)
			}
		})
	}
}

// clusters lists the paths of the records identity.ResolvePapers makes each
// paper of, "+"-joined, sorted.
func clusters(in []Input) []string {
	keys := make([]identity.Record, len(in))
	for i := range in {
		keys[i] = identityKeysOf(in[i].Path, &in[i].Record)
	}
	var out []string
	for _, c := range identity.ResolvePapers(keys).Clusters {
		var paths []string
		for _, i := range c.Members {
			paths = append(paths, keys[i].Label)
		}
		sort.Strings(paths)
		out = append(out, strings.Join(paths, "+"))
	}
	sort.Strings(out)
	return out
}

func TestThePaperKeepsItsIRIAndTheRecordKeptApartGetsAnother(t *testing.T) {
	res := mustBuild(t, []Input{thiemePage(), pmcPage(), readmePage()})
	papers := subjectsOfType(res, o.Paper)
	for _, want := range []string{DefaultBase + "paper/doi/10.1055/s-0039-1678732", DefaultBase + "paper/doi/10.1186/s12865-015-0135-7"} {
		if !slices.Contains(papers, want) {
			t.Errorf("papers %v lack %s", papers, want)
		}
	}
	if r := res.Summary.Refusals; len(r) != 1 || !strings.HasPrefix(r[0].Subject, DefaultBase+"paper/record/") {
		t.Errorf("refusals %v, want one whose paper is named by its record", r)
	}
}

func TestPaperIdentityIndependentOfOrder(t *testing.T) {
	in := []Input{thiemePage(), pmcPage(), readmePage(), medicinePaper(),
		rec("medicine-page.txt", "labelled-page", func(r *mappings.Record) {
			r.Title = "Cord-derived mesenchymal stem cells therapy for liver cirrhosis in children with refractory Henoch–Schonlein purpura."
			r.Authors = []mappings.Author{author("Mu", "Yan")}
		}),
		rec("a.ris", "ris", func(r *mappings.Record) { r.Title = "T"; r.DOI = "10.1/x"; r.PMID = "1" }),
		rec("b.ris", "ris", func(r *mappings.Record) { r.Title = "T"; r.DOI = "10.1/x"; r.PMID = "2" }),
		rec("c.ris", "ris", func(r *mappings.Record) { r.Title = "T"; r.PMID = "2" }),
		rec("d.txt", "labelled-page", func(r *mappings.Record) { r.Title = "T"; r.Issued.Year = 2020 }),
		rec("e.txt", "labelled-page", func(r *mappings.Record) { r.Title = "T" }),
		rec("f.txt", "labelled-page", func(r *mappings.Record) { r.Title = "T"; r.Issued.Year = 2021 }),
	}
	want := mustBuild(t, in)
	rnd := rand.New(rand.NewSource(7))
	for range 30 {
		rnd.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
		got := mustBuild(t, in)
		if nquads(got) != nquads(want) {
			t.Fatal("graph depends on input order")
		}
		if !slices.EqualFunc(got.Identity, want.Identity, func(a, b Explanation) bool { return a == b }) {
			t.Fatalf("identity explanations depend on input order:\n%v\n%v", got.Identity, want.Identity)
		}
	}
}

// identity.ResolvePapers itself, not only Build, answers the same for any order of
// its input: the clusters as sets of labels, and the refusals.
func TestResolvePapersIndependentOfOrder(t *testing.T) {
	var keys []identity.Record
	for _, in := range []Input{thiemePage(), pmcPage(), readmePage(), medicinePaper(),
		rec("d.txt", "labelled-page", func(r *mappings.Record) { r.Title = "T"; r.Issued.Year = 2020 }),
		rec("e.txt", "labelled-page", func(r *mappings.Record) { r.Title = "T" }),
		rec("f.txt", "labelled-page", func(r *mappings.Record) { r.Title = "T"; r.Issued.Year = 2021 }),
		rec("g.txt", "labelled-page", func(r *mappings.Record) { r.Title = "T"; r.Issued.Year = 2021 }),
	} {
		keys = append(keys, identityKeysOf(in.Path, &in.Record))
	}
	describe := func(ks []identity.Record) string {
		id := identity.ResolvePapers(ks)
		var lines []string
		for _, c := range id.Clusters {
			var ls []string
			for _, i := range c.Members {
				ls = append(ls, ks[i].Label)
			}
			sort.Strings(ls)
			lines = append(lines, strings.Join(ls, "+"))
		}
		for _, f := range id.Refusals {
			line := "refused " + ks[f.Record].Label + ":"
			for _, i := range f.Others {
				line += " " + ks[i].Label
			}
			lines = append(lines, line+": "+f.Reason)
		}
		sort.Strings(lines)
		return strings.Join(lines, "\n")
	}
	want := describe(keys)
	if !strings.Contains(want, "refused pages-README.md") {
		t.Fatalf("the README page was not refused:\n%s", want)
	}
	rnd := rand.New(rand.NewSource(3))
	for range 30 {
		rnd.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		if got := describe(keys); got != want {
			t.Fatalf("answer depends on order:\n got %s\nwant %s", got, want)
		}
	}
}
