package crossref

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/msckg/msckg/mappings"
)

// crossrefAbstract turns a Crossref JATS abstract into an Abstract:
// paragraphs become text, <jats:sup>/<jats:sub> become Unicode super- and
// subscripts where they exist (so 10<jats:sup>9</jats:sup> stays 10⁹, not
// 109), and each <jats:title> inside the abstract starts a labelled
// section. A lone leading "Abstract" heading is not a section label.
// Markup that is not well-formed falls back to plain tag stripping.
func crossrefAbstract(s string) mappings.Abstract {
	if strings.TrimSpace(s) == "" {
		return mappings.Abstract{}
	}
	secs, err := jatsSections(s)
	if err != nil {
		return mappings.AbstractFrom(mappings.HTMLText(s))
	}
	if len(secs) == 1 && secs[0].Label == "" {
		return mappings.AbstractFrom(secs[0].Text)
	}
	return mappings.NewAbstract(secs)
}

var errJATSDepth = errors.New("JATS markup nested too deeply")

func jatsSections(s string) ([]mappings.Section, error) {
	dec := xml.NewDecoder(strings.NewReader("<abstract>" + s + "</abstract>"))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var (
		secs    []mappings.Section
		cur     mappings.Section
		inTitle bool
		title   strings.Builder
		text    strings.Builder
		script  []string // open sup/sub elements
		run     strings.Builder
		depth   int
	)
	flushPara := func() {
		if t := mappings.CleanText(text.String()); t != "" {
			if cur.Text != "" {
				cur.Text += " "
			}
			cur.Text += t
		}
		text.Reset()
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > 100 {
				return nil, errJATSDepth
			}
			switch t.Name.Local {
			case "title":
				flushPara()
				inTitle = true
				title.Reset()
			case "sup", "sub":
				script = append(script, t.Name.Local)
				run.Reset()
			case "p", "sec", "list-item", "br":
				text.WriteByte(' ')
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "title":
				inTitle = false
				label := strings.TrimRight(mappings.CleanText(title.String()), ":.")
				if cur.Text != "" || cur.Label != "" {
					secs = append(secs, cur)
				}
				cur = mappings.Section{Label: label}
				if len(secs) == 0 && isAbstractHeading(label) {
					cur.Label = ""
				}
			case "sup", "sub":
				if len(script) == 0 {
					continue
				}
				kind := script[len(script)-1]
				script = script[:len(script)-1]
				conv, ok := mappings.TeXSuper(run.String())
				if kind == "sub" {
					conv, ok = mappings.TeXSub(run.String())
				}
				if !ok {
					conv = run.String()
				}
				if inTitle {
					title.WriteString(conv)
				} else {
					text.WriteString(conv)
				}
				run.Reset()
			case "p", "sec":
				flushPara()
			}
		case xml.CharData:
			switch {
			case len(script) > 0:
				run.Write(t)
			case inTitle:
				title.Write(t)
			default:
				text.Write(t)
			}
		}
	}
	flushPara()
	if cur.Text != "" {
		secs = append(secs, cur)
	}
	return secs, nil
}

func isAbstractHeading(s string) bool {
	switch strings.ToLower(s) {
	case "abstract", "summary", "graphical abstract":
		return true
	}
	return false
}
