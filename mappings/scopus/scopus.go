// Package scopus reads Scopus CSV exports: a header row of column names
// ("Authors", "Author full names", "Title", "Year", "Source title", "DOI",
// "PubMed ID", "Abstract", "Link", "EID", …), one quoted row per record,
// UTF-8 with or without a BOM.
package scopus

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"regexp"
	"strconv"
	"strings"

	"github.com/msckg/msckg/mappings"
)

func init() {
	mappings.Register(mappings.Format{
		Name:  "scopus-csv",
		Rank:  17,
		Title: "Scopus CSV export",
		Reads: "title, authors (full names when exported, else the short list in either separator Scopus has used), journal " +
			"(title, abbreviation, ISSN), year, volume, issue, pages or article number, DOI, PMID, language, document type, " +
			"author keywords, abstract (without its copyright line), cited-by count, link",
		Example: "\"Authors\",\"Author full names\",\"Title\",\"Year\",\"Source title\",\"DOI\",\"EID\"\n" +
			"\"Wang X.\",\"Wang, Xiaohua (57194000000)\",\"A title\",\"2017\",\"Experimental and Therapeutic Medicine\",\"10.3892/etm.2017.4229\",\"2-s2.0-85000000000\"\n",
		Sniff: sniff,
		Read:  read,
	})
}

// sniff claims CSV whose header names Scopus's columns: a title and the
// Scopus record id (EID) or source title, and an author column.
func sniff(head []byte) int {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	line, _, _ := bytes.Cut(head, []byte("\n"))
	cols, err := csv.NewReader(bytes.NewReader(line)).Read()
	if err != nil {
		return 0
	}
	has := map[string]bool{}
	for _, c := range cols {
		has[strings.TrimSpace(c)] = true
	}
	if has["Title"] && (has["EID"] || has["Source title"]) && (has["Authors"] || has["Author full names"]) {
		return 100
	}
	return 0
}

func read(r io.Reader) iter.Seq2[mappings.Record, error] {
	return func(yield func(mappings.Record, error) bool) {
		cr := csv.NewReader(&bomSkipper{r: r})
		cr.FieldsPerRecord = -1
		header, err := cr.Read()
		if err != nil {
			yield(mappings.Record{}, fmt.Errorf("scopus-csv: header: %w", err))
			return
		}
		col := map[string]int{}
		for i, h := range header {
			col[strings.TrimSpace(h)] = i
		}
		number := 0
		for {
			row, err := cr.Read()
			if err == io.EOF {
				return
			}
			number++
			line, _ := cr.FieldPos(0)
			var pe *csv.ParseError
			switch {
			case errors.As(err, &pe):
				if !yield(mappings.Record{}, &mappings.RecordError{Record: number, Line: pe.StartLine, Err: err}) {
					return
				}
				continue
			case err != nil:
				yield(mappings.Record{}, fmt.Errorf("scopus-csv: %w", err))
				return
			case len(row) != len(header):
				if !yield(mappings.Record{}, &mappings.RecordError{Record: number, Line: line,
					Err: fmt.Errorf("row has %d fields, the header %d", len(row), len(header))}) {
					return
				}
				continue
			}
			get := func(name string) string {
				if i, ok := col[name]; ok {
					return mappings.CleanText(row[i])
				}
				return ""
			}
			if !yield(record(get, number, line, rowBytes(row)), nil) {
				return
			}
		}
	}
}

// rowBytes writes the row back as CSV: encoding/csv does not give a
// record's exact bytes, and the same fields give the same bytes.
func rowBytes(row []string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(row)
	w.Flush()
	return b.Bytes()
}

type bomSkipper struct {
	r    io.Reader
	done bool
}

func (b *bomSkipper) Read(p []byte) (int, error) {
	if b.done {
		return b.r.Read(p)
	}
	b.done = true
	var bom [3]byte
	n, err := io.ReadFull(b.r, bom[:])
	rest := bom[:n]
	if bytes.Equal(rest, []byte("\ufeff")) {
		rest = nil
	}
	b.r = io.MultiReader(bytes.NewReader(rest), b.r)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return 0, err
	}
	return b.r.Read(p)
}

var (
	scopusID  = regexp.MustCompile(`\s*\(\d+\)$`)
	copyright = regexp.MustCompile(`\s*(?:©|\(C\)|Copyright ©?)\s*\d{4}\b.*$`)
)

func record(get func(string) string, number, line int, raw []byte) mappings.Record {
	rec := mappings.Record{Format: "scopus-csv", Number: number, Line: line, Raw: raw}
	rec.Title = get("Title")
	rec.Authors = authors(get("Author full names"), get("Authors"))
	rec.Journal = mappings.Journal{Title: get("Source title"), Abbrev: get("Abbreviated Source Title")}
	for _, s := range strings.Split(get("ISSN"), ";") {
		if v := rec.CheckISSN(s); v != "" {
			rec.Journal.ISSNs = append(rec.Journal.ISSNs, v)
		}
	}
	if y, err := strconv.Atoi(get("Year")); err == nil && y >= 1000 {
		rec.Issued = mappings.Date{Year: y}
	}
	rec.Volume, rec.Issue = get("Volume"), get("Issue")
	rec.PageStart, rec.PageEnd = get("Page start"), get("Page end")
	rec.ArticleNumber = get("Art. No.")
	rec.DOI = mappings.NormalizeDOI(get("DOI"))
	rec.PMID = mappings.NormalizePMID(get("PubMed ID"))
	rec.Language = mappings.LanguageCode(get("Language of Original Document"))
	rec.Publisher = get("Publisher")
	if t := get("Document Type"); t != "" {
		rec.PublicationTypes = []string{t}
	}
	for _, k := range strings.Split(get("Author Keywords"), ";") {
		if k = mappings.CleanText(k); k != "" {
			rec.Keywords = append(rec.Keywords, k)
		}
	}
	if ab := get("Abstract"); ab != "" && ab != "[No abstract available]" {
		rec.Abstract = mappings.AbstractFrom(strings.TrimSpace(copyright.ReplaceAllString(ab, "")))
	}
	if n, err := strconv.Atoi(get("Cited by")); err == nil && n >= 0 {
		rec.CitationCount = &n
	}
	if link := get("Link"); link != "" {
		mappings.AddURL(&rec, link)
	}
	return rec
}

// authors prefers "Author full names" ("Wang, Xiaohua (57194000000);
// …"); else "Authors", which Scopus wrote "Wang X., Yin X." (commas
// between authors) until 2023 and "Wang, X.; Yin, X." since.
func authors(full, short string) []mappings.Author {
	var names []string
	switch {
	case full != "":
		for _, n := range strings.Split(full, ";") {
			names = append(names, scopusID.ReplaceAllString(strings.TrimSpace(n), ""))
		}
	case strings.Contains(short, ";"):
		names = strings.Split(short, ";")
	case short != "" && short != "[No author name available]":
		names = strings.Split(short, ",")
	}
	var out []mappings.Author
	for _, n := range names {
		if a := mappings.ParseName(mappings.CleanText(n), mappings.FamilyFirst); a.AsWritten != "" {
			out = append(out, a)
		}
	}
	return out
}
