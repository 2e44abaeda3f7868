package wos

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msckg/msckg/mappings"
)

// authors reads the full names (AF), or the short ones (AU) when there
// are no full names or their counts differ, ties each author to the
// addresses (C1) and ORCID (OI) that name them, and adds group authors.
func (f fields) authors() []mappings.Author {
	names := f["AF"]
	if len(names) == 0 || (len(f["AU"]) > 0 && len(f["AU"]) != len(names)) {
		names = f["AU"]
	}
	var out []mappings.Author
	for _, n := range names {
		if a := mappings.ParseName(mappings.CleanText(n), mappings.FamilyFirst); a.AsWritten != "" {
			out = append(out, a)
		}
	}
	f.tieAddresses(out)
	f.tieORCIDs(out)
	for _, tag := range []string{"CA", "GP"} {
		for _, g := range f[tag] {
			if g = mappings.CleanText(g); g != "" {
				out = append(out, mappings.Author{AsWritten: g, Family: g, Collective: true})
			}
		}
	}
	return out
}

// find returns the one author written as name ("Wang, Xiaohua"), or -1
// when none or several are.
func find(authors []mappings.Author, name string) int {
	name = strings.ToLower(mappings.CleanText(name))
	at := -1
	for i, a := range authors {
		if strings.ToLower(a.AsWritten) == name {
			if at >= 0 {
				return -1
			}
			at = i
		}
	}
	return at
}

// tieAddresses reads C1 items "[Wang, Xiaohua; Sun, Wei] Siping Hosp,
// Dept Hematol, …": the address belongs to the authors in brackets. An
// address without brackets is tied only when the record has one author;
// otherwise nothing says whose it is.
func (f fields) tieAddresses(authors []mappings.Author) {
	for _, item := range f["C1"] {
		item = mappings.CleanText(item)
		names, addr := "", item
		if strings.HasPrefix(item, "[") {
			end := strings.Index(item, "]")
			if end < 0 {
				continue
			}
			names, addr = item[1:end], mappings.CleanText(item[end+1:])
		}
		if addr == "" {
			continue
		}
		var at []int
		switch {
		case names != "":
			for _, n := range strings.Split(names, ";") {
				if i := find(authors, n); i >= 0 {
					at = append(at, i)
				}
			}
		case len(authors) == 1:
			at = []int{0}
		}
		for _, i := range at {
			if !slices.Contains(authors[i].Affiliations, addr) {
				authors[i].Affiliations = append(authors[i].Affiliations, addr)
			}
		}
	}
}

// tieORCIDs reads OI "Law, Christopher/0000-0002-1825-0097; …". The name
// is the one of the researcher's profile, which may be fuller than the
// record's: it matches an author written the same way, or else the one
// author of that family name whose given name starts with the same
// letter. An iD with a wrong check digit is dropped.
func (f fields) tieORCIDs(authors []mappings.Author) {
	for _, item := range semicolonList(f.text("OI")) {
		slash := strings.LastIndex(item, "/")
		if slash < 0 {
			continue
		}
		id := mappings.ValidORCID(item[slash+1:])
		if id == "" {
			continue
		}
		i := find(authors, item[:slash])
		if i < 0 {
			i = findByInitial(authors, mappings.ParseName(mappings.CleanText(item[:slash]), mappings.FamilyFirst))
		}
		if i >= 0 && authors[i].ORCID == "" {
			authors[i].ORCID = id
		}
	}
}

func findByInitial(authors []mappings.Author, p mappings.Author) int {
	if p.Family == "" || p.Given == "" {
		return -1
	}
	at := -1
	for i, a := range authors {
		if strings.EqualFold(a.Family, p.Family) && initial(a.Given) != 0 && initial(a.Given) == initial(p.Given) {
			if at >= 0 {
				return -1
			}
			at = i
		}
	}
	return at
}

func initial(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return unicode.ToLower(r)
}
