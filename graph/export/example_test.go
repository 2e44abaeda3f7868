package export_test

import (
	"fmt"
	"os"

	"github.com/knakk/rdf"
	"github.com/msckg/msckg/graph/export"
)

func ExampleTurtle() {
	paper, _ := rdf.NewIRI("https://w3id.org/msckg/id/paper/pmid/28565834")
	typ, _ := rdf.NewIRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
	class, _ := rdf.NewIRI("https://w3id.org/msckg/ontology#Paper")
	title, _ := rdf.NewIRI("http://purl.org/dc/terms/title")
	text, _ := rdf.NewLiteral(`Platelets > 50×10⁹/L: a "two-year" follow-up`)
	quads := []rdf.Quad{
		{Triple: rdf.Triple{Subj: paper, Pred: title, Obj: text}},
		{Triple: rdf.Triple{Subj: paper, Pred: typ, Obj: class}},
	}
	err := export.Turtle(os.Stdout, quads, map[string]string{
		"mkg":     "https://w3id.org/msckg/ontology#",
		"dcterms": "http://purl.org/dc/terms/",
		"foaf":    "http://xmlns.com/foaf/0.1/",
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// @prefix dcterms: <http://purl.org/dc/terms/> .
	// @prefix mkg:     <https://w3id.org/msckg/ontology#> .
	//
	// <https://w3id.org/msckg/id/paper/pmid/28565834>
	//     a mkg:Paper ;
	//     dcterms:title "Platelets > 50×10⁹/L: a \"two-year\" follow-up" .
}

func ExampleForOutput() {
	for _, path := range []string{"graph.ttl", "graph.nq", "graph.nt"} {
		f, err := export.ForOutput(path, "")
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(path, "→", f.Name)
	}
	// Output:
	// graph.ttl → turtle
	// graph.nq → nquads
	// graph.nt → ntriples
}
