package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/knakk/rdf"

	"github.com/msckg/msckg/graph/rdfcheck"
	o "github.com/msckg/msckg/ontology"
)

// TestSHACLSeesEveryRecordGraph: SHACL validates the union of all graphs
// (what Turtle holds), so a statement that breaks a shape inside one
// record's named graph fails validation. Jena's SHACL reads only the
// default graph of an N-Quads file, which msckg leaves empty, so the
// N-Quads alone would always "conform".
func TestSHACLSeesEveryRecordGraph(t *testing.T) {
	inRepoRoot(t)
	dir := t.TempDir()
	nq := filepath.Join(dir, "seeds.nq")
	if code, _, stderr := runCLI(t, "", "build", "-q", "-o", nq, "testdata/seeds"); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	quads := readQuads(t, nq)
	var bad rdf.Quad
	for _, q := range quads {
		if q.Pred.String() == o.Size && strings.Contains(q.Ctx.String(), "/id/source/") {
			four, err := rdf.NewLiteral("four")
			if err != nil {
				t.Fatal(err)
			}
			bad = rdf.Quad{Triple: rdf.Triple{Subj: q.Subj, Pred: q.Pred, Obj: four}, Ctx: q.Ctx}
			break
		}
	}
	if bad.Ctx == nil {
		t.Fatal("no cohort size in a record graph")
	}
	union := func(name string, qs []rdf.Quad) string {
		var b strings.Builder
		for _, q := range qs {
			b.WriteString(q.Triple.Serialize(rdf.NTriples))
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	if !rdfcheck.Conforms(t, union("good.nt", quads), "ontology/shapes.ttl") {
		t.Fatal("the union of the seeds' graphs does not conform")
	}
	if rdfcheck.Conforms(t, union("bad.nt", append(quads, bad)), "ontology/shapes.ttl") {
		t.Errorf("a text cohort size in %s passed SHACL over the union", bad.Ctx)
	}
}
