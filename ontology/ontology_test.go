package ontology

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/knakk/rdf"
)

// mkgConstants type-checks terms.go and returns every exported string
// constant whose value is an IRI in the mkg: namespace, keyed by value.
// Type-checking (rather than reading literals) evaluates MKG + "X".
func mkgConstants(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "terms.go", nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("parsing terms.go: %v", err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("ontology", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatalf("type-checking terms.go: %v", err)
	}
	consts := make(map[string]string)
	for _, name := range pkg.Scope().Names() {
		c, ok := pkg.Scope().Lookup(name).(*types.Const)
		if !ok || !c.Exported() || c.Val().Kind() != constant.String {
			continue
		}
		v := constant.StringVal(c.Val())
		if !strings.HasPrefix(v, MKG) || v == MKG {
			continue
		}
		if other, dup := consts[v]; dup {
			t.Errorf("constants %s and %s both name %s", other, name, v)
		}
		consts[v] = name
	}
	if len(consts) < 50 {
		t.Fatalf("found only %d mkg: constants in terms.go; the scan is broken", len(consts))
	}
	return consts
}

// graph indexes msckg.ttl: subject → predicate → objects.
type graph map[string]map[string][]rdf.Object

func loadGraph(t *testing.T) (graph, []rdf.Triple) {
	t.Helper()
	ts, err := triples()
	if err != nil {
		t.Fatal(err)
	}
	g := make(graph)
	for _, tr := range ts {
		s := tr.Subj.String()
		if g[s] == nil {
			g[s] = make(map[string][]rdf.Object)
		}
		g[s][tr.Pred.String()] = append(g[s][tr.Pred.String()], tr.Obj)
	}
	return g, ts
}

func (g graph) iris(s, p string) []string {
	var out []string
	for _, o := range g[s][p] {
		out = append(out, o.String())
	}
	return out
}

func (g graph) has(s, p, o string) bool { return slices.Contains(g.iris(s, p), o) }

// englishLiterals returns the @en literals of s p.
func (g graph) englishLiterals(s, p string) []string {
	var out []string
	for _, o := range g[s][p] {
		if l, ok := o.(rdf.Literal); ok && l.Lang() == "en" {
			out = append(out, l.String())
		}
	}
	return out
}

func TestEveryConstantIsDeclared(t *testing.T) {
	consts := mkgConstants(t)
	g, _ := loadGraph(t)
	for _, iri := range slices.Sorted(maps.Keys(consts)) {
		name := consts[iri]
		if len(g[iri][RDFType]) == 0 {
			t.Errorf("%s (%s) has no rdf:type in msckg.ttl", name, iri)
		}
		if n := len(g.englishLiterals(iri, RDFSLabel)); n != 1 {
			t.Errorf("%s (%s) has %d rdfs:label@en, want 1", name, iri, n)
		}
		if n := len(g.englishLiterals(iri, RDFSComment)); n != 1 {
			t.Errorf("%s (%s) has %d rdfs:comment@en, want 1", name, iri, n)
		}
	}
}

func TestEveryTermHasConstant(t *testing.T) {
	consts := mkgConstants(t)
	_, ts := loadGraph(t)
	seen := make(map[string]bool)
	for _, tr := range ts {
		for _, term := range []rdf.Term{tr.Subj, tr.Pred, tr.Obj} {
			if term.Type() == rdf.TermIRI && strings.HasPrefix(term.String(), MKG) {
				seen[term.String()] = true
			}
		}
	}
	for _, iri := range slices.Sorted(maps.Keys(seen)) {
		if _, ok := consts[iri]; !ok {
			t.Errorf("msckg.ttl uses %s, which has no constant in terms.go", iri)
		}
	}
}

// kinds are the OWL kinds every mkg: term is exactly one of.
var kinds = []string{OWL + "Class", OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "NamedIndividual"}

func TestEveryTermHasOneKind(t *testing.T) {
	consts := mkgConstants(t)
	g, _ := loadGraph(t)
	for _, iri := range slices.Sorted(maps.Keys(consts)) {
		var got []string
		for _, k := range kinds {
			if g.has(iri, RDFType, k) {
				got = append(got, k)
			}
		}
		if len(got) != 1 {
			t.Errorf("%s is typed %v, want exactly one of %v", iri, got, kinds)
		}
	}
}

func TestPropertiesHaveDomainAndRange(t *testing.T) {
	g, _ := loadGraph(t)
	props := 0
	for _, s := range slices.Sorted(maps.Keys(g)) {
		object, datatype := g.has(s, RDFType, OWL+"ObjectProperty"), g.has(s, RDFType, OWL+"DatatypeProperty")
		if !object && !datatype {
			continue
		}
		props++
		if n := len(g[s][RDFS+"domain"]); n != 1 {
			t.Errorf("%s has %d rdfs:domain, want 1", s, n)
		}
		ranges := g[s][RDFS+"range"]
		if len(ranges) != 1 {
			t.Errorf("%s has %d rdfs:range, want 1", s, len(ranges))
			continue
		}
		r := ranges[0]
		isDatatype := strings.HasPrefix(r.String(), XSD) || g.has(r.String(), RDFType, RDFS+"Datatype")
		if object && isDatatype {
			t.Errorf("object property %s has the datatype range %s", s, r)
		}
		if datatype && !isDatatype {
			t.Errorf("datatype property %s has the non-datatype range %s", s, r)
		}
	}
	if props < 40 {
		t.Errorf("found only %d properties in msckg.ttl", props)
	}
}

// valueClasses are the classes of the controlled values and concepts.
var valueClasses = []string{
	StudyDesignClass, AgeGroupClass, SexClass, DiseasePhaseClass, RouteClass,
	OutcomeTypeClass, Therapy, ConditionClass, Tissue, ArmRoleClass,
}

func TestIndividualsAreTypedConcepts(t *testing.T) {
	g, _ := loadGraph(t)
	for _, c := range valueClasses {
		if !g.has(c, RDFS+"subClassOf", SKOSConcept) {
			t.Errorf("%s is not a subclass of skos:Concept", c)
		}
	}
	for _, s := range slices.Sorted(maps.Keys(g)) {
		if !g.has(s, RDFType, OWL+"NamedIndividual") {
			continue
		}
		if !g.has(s, RDFType, SKOSConcept) {
			t.Errorf("%s is not typed skos:Concept", s)
		}
		n := 0
		for _, c := range valueClasses {
			if g.has(s, RDFType, c) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s has %d value classes, want 1 of %v", s, n, valueClasses)
		}
	}
}

// TestContract checks the statements ONTOLOGY.md asks msckg.ttl to make:
// the alignments with standard vocabularies, the symmetric links, the
// datatypes of counted and measured values, and the concept hierarchy.
func TestContract(t *testing.T) {
	g, _ := loadGraph(t)
	sub, typ, rng := RDFS+"subClassOf", RDFType, RDFS+"range"
	symmetric := OWL + "SymmetricProperty"
	tests := []struct{ s, p, o string }{
		{Paper, sub, SchemaScholarlyArticle},
		{Author, sub, FOAFPerson},
		{Author, sub, SchemaPerson},
		{Authorship, sub, PRORoleInTime},
		{Journal, sub, FaBiOJournal},
		{Journal, sub, SchemaPeriodical},
		{Cohort, sub, PICOPopulation},
		{ArmClass, sub, Cohort},
		{Subgroup, sub, Cohort},
		{HasArm, rng, ArmClass},
		{SubgroupOf, rng, Cohort},
		{ArmRole, rng, ArmRoleClass},
		{Total, rng, XSDInteger},
		{ControlArm, typ, ArmRoleClass},
		{Intervention, sub, PICOIntervention},
		{Outcome, sub, PICOOutcome},
		{Trial, sub, SchemaMedicalTrial},
		{Evidence, sub, OATextQuoteSelector},
		{Evidence, sub, OATextPositionSelector},
		{SourceRecord, sub, PROVEntity},

		{SharesAuthorWith, typ, symmetric},
		{CitesSameTrialAs, typ, symmetric},
		{CoAuthorWith, typ, symmetric},
		{PossiblySameAs, typ, symmetric},
		{MeSHMajorTopic, RDFS + "subPropertyOf", DCSubject},

		{Position, rng, XSDInteger},
		{Size, rng, XSDInteger},
		{Patients, rng, XSDInteger},
		{Courses, rng, XSDInteger},
		{RecordNumber, rng, XSDInteger},
		{CitationCount, rng, XSDInteger},
		{Median, rng, XSDDecimal},
		{Refractory, rng, XSDBoolean},
		{Dose, rng, SchemaQuantitativeValue},
		{Value, rng, SchemaQuantitativeValue},
		{Timepoint, rng, SchemaQuantitativeValue},
		{Age, rng, SchemaQuantitativeValue},
		{Agent, rng, SKOSConcept},
		{StudyDesign, rng, StudyDesignClass},
		{OutcomeType, rng, OutcomeTypeClass},
		{Route, rng, RouteClass},

		{MSC, SKOSCloseMatch, MeSH + "D045164"},
		{UmbilicalCordMSC, SKOSBroader, MSC},
		{BoneMarrowMSC, SKOSBroader, MSC},
		{AdiposeMSC, SKOSBroader, MSC},
		{PlacentaMSC, SKOSBroader, MSC},
		{Intravenous, typ, RouteClass},
		{IntraBoneMarrow, typ, RouteClass},
		{CaseReport, typ, StudyDesignClass},
		{MixedAges, typ, AgeGroupClass},
		{MixedSex, typ, SexClass},
		{Chronic, typ, DiseasePhaseClass},
		{CompleteResponse, typ, OutcomeTypeClass},
	}
	for _, tt := range tests {
		if !g.has(tt.s, tt.p, tt.o) {
			t.Errorf("msckg.ttl lacks <%s> <%s> <%s>", tt.s, tt.p, tt.o)
		}
	}
}

// contractMeSH is the list in ONTOLOGY.md, "Verified MeSH descriptors":
// the only MeSH IRIs the project may use.
var contractMeSH = []string{
	"D016553", "D013921", "D045164", "D014470", "D000069283", "D016572", "D008775",
	"D003907", "D011241", "D011695", "D008103", "D000741", "D005776",
}

func TestOnlyVerifiedMeSH(t *testing.T) {
	_, ts := loadGraph(t)
	for _, tr := range ts {
		for _, term := range []rdf.Term{tr.Subj, tr.Obj} {
			id, ok := strings.CutPrefix(term.String(), MeSH)
			if term.Type() == rdf.TermIRI && ok && !slices.Contains(contractMeSH, id) {
				t.Errorf("msckg.ttl uses the unverified MeSH IRI %s", term)
			}
		}
	}
}

// TestLexiconConceptsDeclared keeps lexicon.tsv and msckg.ttl in step:
// every mkg: concept the lexicon maps words to must be declared, with the
// same label and the same mkg: broader concept, or the graph would carry
// IRIs (or labels) the ontology does not know.
func TestLexiconConceptsDeclared(t *testing.T) {
	data, err := os.ReadFile("lexicon.tsv")
	if os.IsNotExist(err) {
		t.Skip("no lexicon.tsv yet")
	}
	if err != nil {
		t.Fatal(err)
	}
	g, _ := loadGraph(t)
	expand := func(curie string) string {
		if local, ok := strings.CutPrefix(curie, "mkg:"); ok {
			return MKG + local
		}
		return ""
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 4 {
			t.Errorf("lexicon.tsv:%d: %d columns, want at least 4", n, len(cols))
			continue
		}
		iri := expand(cols[1])
		if iri == "" {
			continue // a MeSH descriptor, checked by the lexicon's own tests
		}
		if len(g[iri][RDFType]) == 0 {
			t.Errorf("lexicon.tsv:%d: %s is not declared in msckg.ttl (add it there and to terms.go)", n, cols[1])
			continue
		}
		if labels := g.englishLiterals(iri, RDFSLabel); !slices.Contains(labels, cols[2]) {
			t.Errorf("lexicon.tsv:%d: %s is labelled %q, msckg.ttl says %q", n, cols[1], cols[2], labels)
		}
		if b := expand(cols[3]); b != "" && !g.has(iri, SKOSBroader, b) {
			t.Errorf("lexicon.tsv:%d: %s has broader %s, msckg.ttl does not say so", n, cols[1], cols[3])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestParserAgreesWithRapper guards against knakk/rdf silently stopping
// early or dropping statements: Raptor must count the same triples.
func TestParserAgreesWithRapper(t *testing.T) {
	bin, err := exec.LookPath("rapper")
	if err != nil {
		t.Skip("rapper not installed (apt-get install raptor2-utils)")
	}
	out, err := exec.Command(bin, "-q", "-i", "turtle", "-o", "ntriples", "msckg.ttl").Output()
	if err != nil {
		t.Fatalf("rapper: %v", err)
	}
	_, ts := loadGraph(t)
	if want := bytes.Count(out, []byte("\n")); len(ts) != want {
		t.Errorf("knakk/rdf read %d triples from msckg.ttl, rapper %d", len(ts), want)
	}
}

func TestDeclared(t *testing.T) {
	d, err := Declared()
	if err != nil {
		t.Fatal(err)
	}
	for _, iri := range []string{Paper, StudyDesign, Size, Intravenous, UmbilicalCordMSC, StatedIssued} {
		if !d[iri] {
			t.Errorf("Declared() lacks %s", iri)
		}
	}
	for _, iri := range []string{MKG + "NoSuchTerm", MKG, SchemaScholarlyArticle, MeSH + "D045164"} {
		if d[iri] {
			t.Errorf("Declared() has %s", iri)
		}
	}
	delete(d, Paper)
	again, err := Declared()
	if err != nil {
		t.Fatal(err)
	}
	if !again[Paper] {
		t.Error("changing one Declared() map changed the next")
	}
	if len(again) != len(mkgConstants(t)) {
		t.Errorf("Declared() has %d terms, terms.go %d constants", len(again), len(mkgConstants(t)))
	}
}

func TestLabels(t *testing.T) {
	l, err := Labels()
	if err != nil {
		t.Fatal(err)
	}
	for iri, want := range map[string]string{
		Paper: "Paper", CompleteResponse: "Complete response", IntraBoneMarrow: "Intra-bone-marrow",
	} {
		if l[iri] != want {
			t.Errorf("Labels()[%s] = %q, want %q", iri, l[iri], want)
		}
	}
}

func TestTurtleIsACopy(t *testing.T) {
	a := Turtle()
	a[0] = 'X'
	if Turtle()[0] == 'X' {
		t.Error("Turtle() returns the embedded bytes, not a copy")
	}
}
