package graph

import (
	"strconv"
	"strings"

	"github.com/msckg/msckg/graph/identity"
	"github.com/msckg/msckg/mappings"
)

// paper is one Paper node and the sources that describe it, best first.
type paper struct {
	iri     string
	sources []*source

	// Chosen values for the union view.
	title, abstract, language         string
	volume, issue, pageStart, pageEnd string
	doi, pmid, pmcid                  string
	issued                            mappings.Date
	abstractSource                    *source // whose abstract (and facts) the paper carries
	journal                           *journal
	slots                             []*slot
	unmatched                         []unmatchedAuthor

	why   string // why its sources are one paper (identity.ResolvePapers)
	apart bool   // a record kept out of the paper whose identifiers it carries
}

func paperIDKeys(r *mappings.Record) []string {
	var keys []string
	if r.DOI != "" {
		keys = append(keys, "doi:"+strings.ToLower(r.DOI))
	}
	if r.PMID != "" {
		keys = append(keys, "pmid:"+r.PMID)
	}
	if r.PMCID != "" {
		keys = append(keys, "pmcid:"+strings.ToUpper(r.PMCID))
	}
	return keys
}

// identityKeysOf folds what paper identity reads from record r.
func identityKeysOf(label string, r *mappings.Record) identity.Record {
	k := identity.Record{
		Label: label,
		DOI:   strings.ToLower(r.DOI),
		PMID:  r.PMID,
		PMCID: strings.ToUpper(r.PMCID),
		Title: normTitle(r.Title),
		Year:  r.Issued.Year,
	}
	if r.Title == "" && r.Guessed["kind"] == mappings.KindAbstractOnly {
		// An abstract read alone (--from abstract): its text names it.
		k.Abstract = normTitle(r.Abstract.Text)
	}
	for _, a := range r.Authors {
		var n identity.Name
		family, rest := a.Family, a.Given
		if a.Collective || (a.Family == "" && a.Given == "") {
			family, rest = a.AsWritten, ""
		}
		n.Family = strings.ReplaceAll(normTitle(family), " ", "")
		for _, w := range strings.Fields(normTitle(family + " " + rest)) {
			n.Words = appendUnique(n.Words, w)
		}
		if n.Family == "" && len(n.Words) == 0 {
			continue
		}
		n.Words = appendUnique(n.Words, n.Family)
		k.Authors = append(k.Authors, n)
	}
	return k
}

// groupPapers makes the papers from the identity answer (identity.ResolvePapers),
// with the joins it refused.
func groupPapers(sources []*source, mint minter) ([]*paper, []Refusal) {
	keys := make([]identity.Record, len(sources))
	for i, s := range sources {
		keys[i] = identityKeysOf(s.label(), &s.Record)
	}
	id := identity.ResolvePapers(keys)
	papers := make([]*paper, 0, len(id.Clusters))
	paperOf := make([]*paper, len(sources))
	minted := map[string][]*paper{}
	for _, c := range id.Clusters {
		p := &paper{why: c.Why, apart: c.Apart}
		for _, i := range c.Members {
			p.sources = append(p.sources, sources[i])
			paperOf[i] = p
		}
		byRank(p.sources)
		choosePaperValues(p, mint)
		papers = append(papers, p)
		minted[p.iri] = append(minted[p.iri], p)
	}
	// Two papers the identity rules kept apart must not share an IRI (two
	// identifier-less records with the same abstract, say): each gets a
	// suffix from its best source's hash.
	for _, ps := range minted {
		if len(ps) < 2 {
			continue
		}
		for _, p := range ps {
			p.iri += "/" + p.sources[0].sha[:8]
		}
	}
	var refusals []Refusal
	for _, f := range id.Refusals {
		labels := []string{sources[f.Record].label()}
		for _, o := range f.Others {
			labels = append(labels, sources[o].label())
		}
		refusals = append(refusals, Refusal{Kind: "paper", Subject: paperOf[f.Record].iri, Records: labels, Reason: f.Reason})
	}
	return papers, refusals
}

// choosePaperValues picks one value per functional property: the best
// ranked source that gives one. The date is the best-ranked source's,
// made more precise by another source that agrees with it.
func choosePaperValues(p *paper, mint minter) {
	first := func(get func(r *mappings.Record) string) string {
		for _, s := range p.sources {
			if v := get(&s.Record); v != "" {
				return v
			}
		}
		return ""
	}
	p.title = first(func(r *mappings.Record) string { return r.Title })
	p.language = first(func(r *mappings.Record) string { return r.Language })
	p.volume = first(func(r *mappings.Record) string { return r.Volume })
	p.issue = first(func(r *mappings.Record) string { return r.Issue })
	p.pageStart = first(func(r *mappings.Record) string { return r.PageStart })
	p.pageEnd = first(func(r *mappings.Record) string { return r.PageEnd })
	p.doi = strings.ToLower(first(func(r *mappings.Record) string { return r.DOI }))
	p.pmid = first(func(r *mappings.Record) string { return r.PMID })
	p.pmcid = strings.ToUpper(first(func(r *mappings.Record) string { return r.PMCID }))
	for _, s := range p.sources {
		if s.Record.Abstract.Text != "" || s.hasAbstract {
			p.abstract = s.Record.Abstract.Text // "" in a light copy: see emitPaper
			p.abstractSource = s
			break
		}
	}
	for _, s := range p.sources {
		d := s.Record.Issued
		if d.IsZero() {
			continue
		}
		if p.issued.IsZero() {
			p.issued = d
			continue
		}
		if refines(p.issued, d) {
			p.issued = d
		}
	}
	switch {
	case p.apart:
		p.iri = mint.paperByRecord(p.sources[0].sha)
	case p.doi != "":
		p.iri = mint.paperByDOI(p.doi)
	case p.pmid != "":
		p.iri = mint.paperByPMID(p.pmid)
	case p.title != "":
		p.iri = mint.paperByTitle(p.title, p.issued.Year)
	default:
		// No identifier and no title (a page that gave only an abstract):
		// the abstract stands in for the title in the hash.
		p.iri = mint.paperByTitle(p.abstract, p.issued.Year)
	}
}

// paperKey orders papers by year (unknown years last), then IRI; a
// person's earliest paper names them when several share a name. Made
// when needed: few people share a name, and every paper would keep one.
func paperKey(p *paper) string {
	if p.issued.Year == 0 {
		return "9999 " + p.iri
	}
	return strconv.Itoa(p.issued.Year) + " " + p.iri
}

// refines reports whether d says everything have says and more.
func refines(have, d mappings.Date) bool {
	if d.Year != have.Year {
		return false
	}
	switch {
	case have.Month == 0:
		return d.Month != 0
	case have.Day == 0:
		return d.Month == have.Month && d.Day != 0
	}
	return false
}

// sameDate reports whether a source's date agrees with the chosen one at
// the source's own precision (a year-only source agrees with any day of
// that year).
func sameDate(chosen, d mappings.Date) bool {
	if d.Year != chosen.Year {
		return false
	}
	if d.Month != 0 && d.Month != chosen.Month {
		return false
	}
	if d.Day != 0 && d.Day != chosen.Day {
		return false
	}
	return true
}

// unmatchedAuthor is an author one source lists that the best-ranked
// author list of the paper does not have.
type unmatchedAuthor struct {
	src    *source
	author mappings.Author
}

// mappingsRecordOf wraps a reference's identifiers in a Record so the
// paper identity keys apply to references too.
func mappingsRecordOf(ref mappings.Reference) mappings.Record {
	return mappings.Record{DOI: ref.DOI, PMID: ref.PMID}
}

func lowerDOI(doi string) string { return strings.ToLower(doi) }
