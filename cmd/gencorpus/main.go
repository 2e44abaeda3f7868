// Command gencorpus writes a deterministic synthetic corpus of
// bibliographic records on MSC therapy for immune thrombocytopenia, for
// measuring msckg's speed and memory on inputs of any size.
//
//	gencorpus -format pubmed-xml -n 30000 -seed 1 -o corpus.xml
//	gencorpus -format mix -n 30000 -dup 0.05 -o corpus/   (a folder: pubmed.xml, records.ris, records.nbib)
//
// The same seed and size always give the same bytes; the same seed gives
// the same papers in every format. Records are streamed to the file.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/msckg/msckg/cmd/gencorpus/corpus"
	"github.com/msckg/msckg/graph/export"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "pubmed-xml", "output format: "+strings.Join(corpus.Formats, ", ")+", or mix (a folder with one file per format)")
	n := fs.Int("n", 1000, "number of papers")
	seed := fs.Uint64("seed", 1, "random seed; the same seed and -n give the same bytes")
	out := fs.String("o", "", "output file (a folder for -format mix); - or empty for standard output")
	dup := fs.Float64("dup", 0.05, "with -format mix: fraction of papers written a second time in another format")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gencorpus: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *format == "mix" {
		if *out == "" || *out == "-" {
			fmt.Fprintln(stderr, "gencorpus: -format mix writes a folder; give it with -o")
			return 2
		}
		st, err := corpus.WriteMix(*out, *n, *seed, *dup)
		if err != nil {
			fmt.Fprintf(stderr, "gencorpus: %v\n", err)
			return 1
		}
		fmt.Fprintf(stderr, "gencorpus: %d papers, %d written twice; records: pubmed.xml %d, records.ris %d, records.nbib %d\n",
			st.Articles, st.Duplicates, st.Records["pubmed.xml"], st.Records["records.ris"], st.Records["records.nbib"])
		return 0
	}
	write := func(w io.Writer) error { return corpus.Write(w, *format, *n, *seed) }
	var err error
	if *out == "" || *out == "-" {
		err = write(stdout)
	} else {
		err = export.WriteFileAtomic(*out, write)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gencorpus: %v\n", err)
		return 1
	}
	return 0
}
