package endnote_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/msckg/msckg/mappings"
	_ "github.com/msckg/msckg/mappings/formats/all"
	"github.com/msckg/msckg/mappings/formats/formattest"
)

func TestLibrary(t *testing.T) {
	res := formattest.ReadFile(t, "testdata/formats/endnote/endnote-msc-itp.xml", "")
	if res.Format != "endnote-xml" || len(res.Records) != 2 || len(res.Rejected) != 1 {
		t.Fatalf("read as %s: %d records, %d rejected; want endnote-xml, 2, 1", res.Format, len(res.Records), len(res.Rejected))
	}
	if re := res.Rejected[0]; re.Record != 3 || !strings.Contains(re.Error(), "no title") {
		t.Errorf("rejection %v, want record 3 with no title", re)
	}
	etm, syn := res.Records[0], res.Records[1]
	checks := []struct {
		name      string
		got, want any
	}{
		{"title", etm.Title, "Intravenous infusion umbilical cord-derived mesenchymal stem cell in primary immune thrombocytopenia: A two-year follow-up"},
		{"authors", len(etm.Authors), 8},
		{"author", [2]string{etm.Authors[0].Family, etm.Authors[0].Given}, [2]string{"Wang", "Xiaohua"}},
		{"journal", etm.Journal, mappings.Journal{Title: "Experimental and Therapeutic Medicine", Abbrev: "Exp Ther Med", ISSNs: []string{"1792-0981"}}},
		{"date", etm.Issued, mappings.Date{Year: 2017, Month: 5}},
		{"pages", [4]string{etm.Volume, etm.Issue, etm.PageStart, etm.PageEnd}, [4]string{"13", "5", "2255", "2258"}},
		{"DOI", etm.DOI, "10.3892/etm.2017.4229"},
		{"PMID from a PubMed (NLM) record's accession number", etm.PMID, "28565834"},
		{"PMCID from the PMC link", etm.PMCID, "PMC5443306"},
		{"superscripts kept", strings.HasSuffix(etm.Abstract.Text, "The hUC-MSC dose was 5×10⁷ to 1×10⁸."), true},
		{"language", etm.Language, "en"},
		{"keywords", len(etm.Keywords), 2},
		{"type", etm.PublicationTypes, []string{"Journal Article"}},
		{"unstyled values", syn.Journal.Title, "Stem Cell Research & Therapy"},
		{"a Web of Science accession number is no PMID", syn.PMID, ""},
		{"DOI from a resolver URL", syn.DOI, "10.5555/scrt.2021.0501"},
		{"date with day", syn.Issued, mappings.Date{Year: 2021, Month: 9, Day: 15}},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}
}

func TestSniffTakesNoOtherFile(t *testing.T) {
	formattest.NotStolen(t, []string{"testdata/formats/endnote"}, "endnote-xml")
}
