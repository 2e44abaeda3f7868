package ontology

import "testing"

func TestJournalsTable(t *testing.T) {
	js, err := Journals()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, j := range js {
		for _, issn := range []string{j.ISSN, j.EISSN, j.ISSNL} {
			if issn == "" {
				continue
			}
			if other, dup := seen[issn]; dup && other != j.Title {
				t.Errorf("ISSN %s belongs to both %q and %q", issn, other, j.Title)
			}
			seen[issn] = j.Title
		}
	}
	if seen["1792-0981"] != "Experimental and Therapeutic Medicine" {
		t.Errorf("Exp Ther Med missing from the table")
	}
}

func TestParseJournalsRejectsBadRows(t *testing.T) {
	for name, data := range map[string]string{
		"columns": "h\nTitle\tAbbr\n",
		"issn":    "h\nTitle\tAbbr\t17920981\t\t\tseed\n",
		"title":   "h\n\tAbbr\t1792-0981\t\t\tseed\n",
	} {
		if _, err := ParseJournals(data); err == nil {
			t.Errorf("%s: bad row accepted", name)
		}
	}
}
