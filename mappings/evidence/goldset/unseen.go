package goldset

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// UnseenDoc is one record of the unseen evaluation set: a stored page
// (<id>.txt, read by msckg as a user's file) and its hand annotation
// (<id>.json). The contract is in testdata/gold/README.md ("The unseen
// set").
type UnseenDoc struct {
	ID         string    `json:"id"`
	URL        string    `json:"url"`
	SourceKind string    `json:"sourceKind"`
	Topic      string    `json:"topic"`
	Kind       string    `json:"kind"`
	Meta       PageMeta  `json:"meta"`
	Facts      GoldFacts `json:"facts"`
	Notes      string    `json:"notes"`

	File     string `json:"-"` // the annotation's path
	TextFile string `json:"-"` // the page's path
}

// PageMeta is the bibliographic description the page states. Nil and
// empty mean the page does not say.
type PageMeta struct {
	Title   *string      `json:"title"`
	Authors []GoldAuthor `json:"authors"`
	Year    *int         `json:"year"`
	Journal *string      `json:"journal"`
	DOI     *string      `json:"doi"`
	PMID    *string      `json:"pmid"`
	Trials  []string     `json:"trials"`
}

// GoldAuthor is one name as the page prints it, split into family and
// given name by the annotator.
type GoldAuthor struct {
	Family string `json:"family"`
	Given  string `json:"given"`
}

// Vocabularies of the unseen set's own fields.
var (
	sourceKinds = nameSet("publisher", "pubmed", "pmc", "aggregator", "catalogue", "registry",
		"conference", "preprint", "news", "chinese-site", "review-site", "other")
	topics     = nameSet("msc-itp", "msc-neighbour", "itp-other-drug", "review", "registration")
	pageKinds  = nameSet("Paper", "Trial", "NotARecord")
	unseenID   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	doiPattern = regexp.MustCompile(`^10\.[0-9]{4,9}/\S+$`)
	pmidDigits = regexp.MustCompile(`^[1-9][0-9]{0,8}$`)
)

// InTestSet is the split rule: a record belongs to the locked test set
// when the first byte of the SHA-256 of its id is below 0x60 (about 37.5 %
// of ids), otherwise to the development set. The hash decides, so nobody
// chooses what is tested.
func InTestSet(id string) bool {
	h := sha256.Sum256([]byte(id))
	return h[0] < 0x60
}

// LoadUnseen reads every <id>.json in dir with its <id>.txt, in name
// order, and validates both. Other files (the lock, floors, notes) are
// not records. A broken record is an error naming its file and field; all
// of them are reported together.
func LoadUnseen(dir string) ([]UnseenDoc, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("unseen: %w", err)
	}
	jsons, texts := map[string]bool{}, map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		switch {
		case !e.Type().IsRegular():
		case strings.HasSuffix(name, ".json"):
			jsons[strings.TrimSuffix(name, ".json")] = true
		case strings.HasSuffix(name, ".txt"):
			texts[strings.TrimSuffix(name, ".txt")] = true
		}
	}
	var errs []error
	for stem := range texts {
		if !jsons[stem] {
			errs = append(errs, fmt.Errorf("unseen: %s: page without an annotation %s.json", filepath.Join(dir, stem+".txt"), stem))
		}
	}
	stems := make([]string, 0, len(jsons))
	for stem := range jsons {
		stems = append(stems, stem)
	}
	sort.Strings(stems)
	docs := make([]UnseenDoc, 0, len(stems))
	for _, stem := range stems {
		doc, err := readUnseen(dir, stem, texts[stem])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, doc)
	}
	// Stable order, so a broken set always gives the same message.
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("unseen: no records in %s", dir)
	}
	return docs, nil
}

func readUnseen(dir, stem string, hasText bool) (UnseenDoc, error) {
	var doc UnseenDoc
	path := filepath.Join(dir, stem+".json")
	if err := decodeStrict(path, &doc); err != nil {
		return doc, fmt.Errorf("unseen: %w", err)
	}
	var errs []error
	if doc.ID != stem {
		errs = append(errs, fmt.Errorf("id %q does not match the file name", doc.ID))
	}
	if !hasText {
		errs = append(errs, fmt.Errorf("no page text %s.txt beside it", stem))
	}
	errs = append(errs, doc.check()...)
	if len(errs) > 0 {
		return doc, fmt.Errorf("unseen: %s: %w", path, errors.Join(errs...))
	}
	doc.File = path
	doc.TextFile = filepath.Join(dir, stem+".txt")
	return doc, nil
}

// check validates the fields the unseen set adds to the gold schema.
func (d *UnseenDoc) check() []error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	if !unseenID.MatchString(d.ID) {
		bad("id %q is not lower-case [a-z0-9-]", d.ID)
	}
	// The address as the search tool gave it; some are malformed
	// ("https:///host/…") and are kept as given.
	if u, err := url.Parse(d.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host+u.Path == "" {
		bad("url %q is not the page's http(s) address", d.URL)
	}
	if !sourceKinds[d.SourceKind] {
		bad("sourceKind: unknown value %q", d.SourceKind)
	}
	if !topics[d.Topic] {
		bad("topic: unknown value %q", d.Topic)
	}
	if !pageKinds[d.Kind] {
		bad("kind: unknown value %q", d.Kind)
	}
	m := d.Meta
	if d.Kind == "NotARecord" && (m.Title != nil || len(m.Authors) > 0 || m.Year != nil ||
		m.Journal != nil || m.DOI != nil || m.PMID != nil || len(m.Trials) > 0) {
		bad("meta: a NotARecord page has no metadata")
	}
	if m.Title != nil && normalText(*m.Title) == "" {
		bad("meta.title is empty; write null when the page has none")
	}
	if m.Journal != nil && normalText(*m.Journal) == "" {
		bad("meta.journal is empty; write null when the page has none")
	}
	for i, a := range m.Authors {
		if strings.TrimSpace(a.Family) == "" {
			bad("meta.authors[%d].family is empty", i)
		}
	}
	if m.Year != nil && (*m.Year < 1900 || *m.Year > 2100) {
		bad("meta.year: %d is not a publication year", *m.Year)
	}
	if m.DOI != nil && (!doiPattern.MatchString(*m.DOI) || strings.ToLower(*m.DOI) != *m.DOI) {
		bad("meta.doi: %q is not a lower-case DOI", *m.DOI)
	}
	if m.PMID != nil && !pmidDigits.MatchString(*m.PMID) {
		bad("meta.pmid: %q is not a PubMed id", *m.PMID)
	}
	for i, t := range m.Trials {
		if !trialID.MatchString(t) {
			bad("meta.trials[%d]: %q is not a registry id", i, t)
		}
	}
	return append(errs, checkFacts(d.Facts)...)
}
