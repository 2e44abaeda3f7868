package labelledpage

import (
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/msckg/msckg/mappings"
)

// The page's own address. The page search stores it apart from the text,
// and a browser's select-all does not copy it, so it reaches the reader
// only when the user pastes it with the page: on a line labelled "URL:"
// (or "Source URL:", "Permalink:", …), or alone on the first line. (A
// bare URL on the last line is not taken: pages end with links to others.) Identifiers in it are the page's own, unlike those of the links
// a page prints.

var (
	// doiInAddress: a DOI in a path (".../doi/full/10.2147/PPA.S81509",
	// ".../article/10.1007%2Fs10616-012-9489-3") or a query ("doi=10.3389%2F…").
	doiInAddress = regexp.MustCompile(`(?:^|[/=:])(10\.\d{4,9}/[^\s?#&"'<>]+)`)
	// doiAddressTail: what a publisher's address adds after the DOI.
	doiAddressTail = regexp.MustCompile(`(?i)/(?:tables|figures|full|fulltext|abstract|pdf|epdf|html|references|metrics|citeas|supplementary|reader|info)(?:/.*)?$|(?i)\.(?:pdf|html?)$`)
	pmidInAddress  = regexp.MustCompile(`^/(?:pubmed/)?(\d{1,9})/?$`)
	europePMID     = regexp.MustCompile(`(?i)^/(?:article|abstract)/MED/(\d{1,9})`)
	pmcidInAddress = regexp.MustCompile(`(?i)/(PMC\d{1,9})(?:/|$)`)
	eudraCTPath    = regexp.MustCompile(`/(\d{4}-\d{6}-\d{2})(?:/|$)`)
)

// pageAddress returns the page's address when the page gives it, and
// the line it is on (-1 when none).
func pageAddress(lines []pageLine) (string, int) {
	for i, l := range lines {
		if l.field == "url" && !l.used {
			if u := bareURL(l.value); u != "" {
				return u, i
			}
		}
	}
	for i, l := range lines {
		if !l.blank {
			if u := bareURL(l.text); u != "" {
				return u, i
			}
			break
		}
	}
	return "", -1
}

// bareURL returns s when it is one http(s) URL and nothing else.
func bareURL(s string) string {
	s = strings.TrimSpace(s)
	if m := urlInPage.FindString(s); m != "" && m == s {
		return s
	}
	return ""
}

// addressIDs reads the identifiers a page's own address carries: a DOI in
// its path or query (percent-decoded), a PubMed or Europe PMC id, a PMCID,
// and a registry id of a trial registration. A search address
// ("…/pubmed/?term=…") names no record and gives nothing.
func addressIDs(raw string) (ids mappings.IDs, trial string) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return mappings.IDs{}, ""
	}
	ids = mappings.IDsFromURL(raw)
	host := strings.ToLower(strings.TrimPrefix(u.Hostname(), "www."))
	path := u.Path // decoded: "10.1007%2Fs10616…" becomes "10.1007/s10616…"
	if ids.DOI == "" {
		for _, part := range append([]string{path}, queryValues(u)...) {
			if m := doiInAddress.FindStringSubmatch(part); m != nil {
				ids.DOI = mappings.NormalizeDOI(strings.TrimRight(doiAddressTail.ReplaceAllString(m[1], ""), ".,;"))
				break
			}
		}
	}
	switch {
	case ids.PMID == "" && strings.Contains(host, "pubmed") || strings.HasSuffix(host, "ncbi.nlm.nih.gov") && strings.HasPrefix(path, "/pubmed/"):
		if m := pmidInAddress.FindStringSubmatch(path); m != nil {
			ids.PMID = mappings.NormalizePMID(m[1])
		}
	case host == "europepmc.org":
		if m := europePMID.FindStringSubmatch(path); m != nil {
			ids.PMID = mappings.NormalizePMID(m[1])
		}
	}
	if ids.PMCID == "" && (strings.HasSuffix(host, "ncbi.nlm.nih.gov") || host == "europepmc.org") {
		if m := pmcidInAddress.FindStringSubmatch(path); m != nil {
			ids.PMCID = mappings.NormalizePMCID(m[1])
		}
	}
	switch {
	case strings.HasSuffix(host, "clinicaltrials.gov"):
		if f := pageTrialIDs(path); len(f) > 0 {
			trial = f[0]
		}
	case strings.HasSuffix(host, "who.int"):
		if f := pageTrialIDs(u.Query().Get("TrialID")); len(f) > 0 {
			trial = f[0]
		}
	case strings.HasSuffix(host, "clinicaltrialsregister.eu"):
		if m := eudraCTPath.FindStringSubmatch(path); m != nil {
			trial = m[1]
		}
	}
	return ids, trial
}

// queryValues lists the decoded values of a URL's query, in key order.
func queryValues(u *url.URL) []string {
	q := u.Query()
	var out []string
	for _, k := range slices.Sorted(maps.Keys(q)) {
		out = append(out, q[k]...)
	}
	return out
}

// looksLikeAddress reports a web address or a bare domain, which is never
// a title, a journal, a publisher or a name ("https://…", "www.…",
// "pubmed.ncbi.nlm.nih.gov/26589752").
func looksLikeAddress(s string) bool {
	s = strings.TrimSpace(s)
	low := strings.ToLower(s)
	return strings.Contains(low, "://") || strings.HasPrefix(low, "www.") || domainLike.MatchString(low)
}

var domainLike = regexp.MustCompile(`^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|int|cn|uk|de|jp|io|info|ac\.[a-z]{2})(?::\d+)?(?:/\S*)?$`)
