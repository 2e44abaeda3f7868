package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/msckg/msckg/graph/rdfcheck"
	o "github.com/msckg/msckg/ontology"
)

const (
	// mazzucconi is the two-arm randomised trial of testdata/arms.
	mazzucconi = "https://w3id.org/msckg/id/paper/doi/10.1182/bloodadvances.2023010975"
	// ucmscTrial is the constructed UC-MSC plus rituximab trial of testdata/linking.
	ucmscTrial = "https://w3id.org/msckg/id/paper/doi/10.5555/hillcrest.2018.002"
)

// TestArmsAndSubgroupsCountOnce builds the samples with the two-arm
// fixtures and asks, on Jena and on Oxigraph, the questions the model of
// study cohorts, arms and subgroups exists for: how many patients a paper
// studied (each counted once), what each arm had, and whether a control
// arm is linked to MSC.
func TestArmsAndSubgroupsCountOnce(t *testing.T) {
	inRepoRoot(t)
	dir := t.TempDir()
	ttl, nq := filepath.Join(dir, "arms.ttl"), filepath.Join(dir, "arms.nq")
	code, _, stderr := runCLI(t, "", "build", "-o", ttl, "-o", nq,
		"testdata/seeds", "testdata/arms/ris-mazzucconi2024-blood-adv.ris", "testdata/linking/medline-trial.nbib")
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	v := view(readQuads(t, nq))

	// Go level: the Exp Ther Med paper studied four patients; its
	// second-course subgroup of three hangs from that cohort.
	sum := 0
	for _, c := range v.objects(etm, o.Studies) {
		for _, n := range v.objects(c, o.Size) {
			k, err := strconv.Atoi(n)
			if err != nil {
				t.Fatalf("size %q of %s: %v", n, c, err)
			}
			sum += k
		}
	}
	if sum != 4 {
		t.Errorf("Exp Ther Med sums to %d patients through mkg:studies, want 4", sum)
	}
	subs := v.subjects(o.Subgroup)
	var etmSub string
	for _, s := range subs {
		if strings.HasPrefix(s, etm+"/") {
			etmSub = s
		}
	}
	if etmSub == "" || !slices.Equal(v.objects(etmSub, o.SubgroupOf), []string{etm + "/cohort/1"}) || !slices.Equal(v.objects(etmSub, o.Size), []string{"3"}) {
		t.Errorf("Exp Ther Med subgroup %q: subgroupOf %v size %v, want 3 patients of cohort/1", etmSub, v.objects(etmSub, o.SubgroupOf), v.objects(etmSub, o.Size))
	}
	for _, s := range append(subs, v.subjects(o.ArmClass)...) {
		if len(v.objects(s, o.RDFType)) == 0 || slices.Contains(v.objects(s, o.RDFType), o.Cohort) {
			t.Errorf("%s is typed %v: an arm or subgroup must not be typed mkg:Cohort", s, v.objects(s, o.RDFType))
		}
	}

	queries := []struct {
		name, query, want string
	}{
		{"patients through mkg:studies", `
PREFIX mkg: <https://w3id.org/msckg/ontology#>
SELECT ?paper (SUM(?n) AS ?patients) WHERE { ?paper mkg:studies ?c . ?c mkg:size ?n }
GROUP BY ?paper ORDER BY ?paper`,
			"paper,patients\n" +
				"https://w3id.org/msckg/id/paper/doi/10.1097/md.0000000000013287,1\n" +
				"https://w3id.org/msckg/id/paper/doi/10.1182/bloodadvances.2023010975,113\n" +
				"https://w3id.org/msckg/id/paper/doi/10.1186/s12884-025-08177-9,1\n" +
				"https://w3id.org/msckg/id/paper/doi/10.3892/etm.2017.4229,4\n" +
				"https://w3id.org/msckg/id/paper/doi/10.5555/hillcrest.2018.002,62\n" +
				"https://w3id.org/msckg/id/paper/doi/10.7499/j.issn.1008-8830.2503173,2\n"},
		{"each arm's size, responders, denominator, rate and time point", `
PREFIX mkg: <https://w3id.org/msckg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <http://schema.org/>
SELECT ?arm ?size ?responders ?of (STR(?r) AS ?rate) (STR(?tv) AS ?at) ?unit WHERE {
  <` + mazzucconi + `> mkg:studies ?c . ?c mkg:hasArm ?a .
  ?a a mkg:Arm ; rdfs:label ?arm ; mkg:size ?size ; mkg:hasOutcome ?o .
  ?o mkg:outcomeType mkg:OverallResponse ; mkg:patients ?responders ; mkg:total ?of ;
     mkg:value/schema:value ?r ; mkg:timepoint ?t .
  ?t schema:value ?tv ; schema:unitCode ?unit .
} ORDER BY ?arm DESC(?unit) ?tv`,
			"arm,size,responders,of,rate,at,unit\n" +
				"Arm A,59,44,56,78.57,42,d\n" +
				"Arm A,59,26,43,60.47,180,d\n" +
				"Arm A,59,25,31,80.65,12,mo\n" +
				"Arm B,54,46,49,93.88,46,d\n" +
				"Arm B,54,23,39,58.97,180,d\n" +
				"Arm B,54,20,36,55.56,12,mo\n"},
		{"roles, and who received MSC", `
PREFIX mkg: <https://w3id.org/msckg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?group ?role ?size (COUNT(?msc) AS ?mscInterventions) WHERE {
  <` + ucmscTrial + `> mkg:studies ?c . ?c mkg:hasArm? ?g .
  ?g mkg:size ?size ; rdfs:label ?label .
  BIND(IF(?g = ?c, "study", ?label) AS ?group)
  OPTIONAL { ?g mkg:armRole ?role }
  OPTIONAL { ?g mkg:received ?msc . ?msc mkg:cellSource ?src }
} GROUP BY ?group ?role ?size ORDER BY ?group`,
			"group,role,size,mscInterventions\n" +
				"study,,62,0\n" +
				"the combination arm,https://w3id.org/msckg/ontology#TreatmentArm,31,1\n" +
				"the rituximab arm,https://w3id.org/msckg/ontology#ComparatorArm,31,0\n"},
		{"the combination arm's result at 12 weeks", `
PREFIX mkg: <https://w3id.org/msckg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <http://schema.org/>
SELECT ?arm ?responders ?of (STR(?r) AS ?rate) (STR(?tv) AS ?at) ?unit WHERE {
  <` + ucmscTrial + `> mkg:studies/mkg:hasArm ?a .
  ?a rdfs:label ?arm ; mkg:hasOutcome ?o .
  ?o mkg:patients ?responders ; mkg:total ?of ; mkg:value/schema:value ?r ; mkg:timepoint ?t .
  ?t schema:value ?tv ; schema:unitCode ?unit .
} ORDER BY ?arm`,
			"arm,responders,of,rate,at,unit\n" +
				"the combination arm,21,31,68,12,wk\n" +
				"the rituximab arm,13,31,42,12,wk\n"},
	}
	for _, q := range queries {
		t.Run(q.name, func(t *testing.T) {
			file := filepath.Join(dir, strings.ReplaceAll(q.name, " ", "-")+".rq")
			if err := os.WriteFile(file, []byte(q.query), 0o644); err != nil {
				t.Fatal(err)
			}
			want := parseTable(t, q.name, []byte(q.want))
			t.Run("jena", func(t *testing.T) {
				compareTables(t, wholeNumbers(jenaTable(t, rdfcheck.SPARQL(t, []string{ttl}, file), want[0])), want)
			})
			t.Run("oxigraph", func(t *testing.T) { compareTables(t, wholeNumbers(oxigraph(t, ttl, file)), want) })
		})
	}
	t.Run("shacl", func(t *testing.T) { rdfcheck.SHACL(t, ttl, "ontology/shapes.ttl") })
}

// wholeNumbers writes "12.0" as "12": Jena keeps a decimal's lexical
// form, Oxigraph its canonical one, and the value is the same.
func wholeNumbers(rows [][]string) [][]string {
	for _, r := range rows[1:] {
		for i, c := range r {
			if n, ok := strings.CutSuffix(c, ".0"); ok {
				if _, err := strconv.Atoi(n); err == nil {
					r[i] = n
				}
			}
		}
	}
	return rows
}
