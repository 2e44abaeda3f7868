package wos

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/msckg/msckg/mappings"
)

var (
	// fileHeader: the first line of every plain-text export, whose
	// vendor name changed over the years (ISI, Thomson Reuters,
	// Clarivate Analytics, Clarivate).
	fileHeader = regexp.MustCompile(`^FN [^\n]*(?:Web of (?:Science|Knowledge)|ISI Export Format)`)
	// recordStart: a record opens with its publication type, one letter.
	recordStart = regexp.MustCompile(`^PT [A-Z]\r?\n`)
	tagLine     = regexp.MustCompile(`(?m)^(?:AU|AF|TI|SO|UT) \S`)
	endLine     = regexp.MustCompile(`(?m)^ER\s*$`)
)

// sniffPlain claims a file that starts with the export's FN line, or
// with "PT J" (a record cut out of one) followed by other WoS tags and an
// ER line. MEDLINE's own PT tag is written "PT  - ", so it is never
// taken for this one.
func sniffPlain(head []byte) int {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	switch {
	case fileHeader.Match(head):
		return 100
	case recordStart.Match(head) && tagLine.Match(head) && endLine.Match(head):
		return 80
	}
	return 0
}

// plainSyntax: a tag is two capitals (or a capital and a digit) at the
// start of a line, then a space or the end of the line ("ER");
// continuation lines are indented by three spaces. FN, VR and EF frame
// the file, not a record.
func plainSyntax() *mappings.Syntax {
	return &mappings.Syntax{
		Tag:               regexp.MustCompile(`^([A-Z][A-Z0-9])(?: |$)`),
		IndentedContinues: true,
		Skip:              regexp.MustCompile(`^(?:FN|VR|EF)(?: |$)`),
		Start:             "PT",
		End:               "ER",
	}
}

// plainRecord gathers an entry's values: items one per line, text lines
// joined.
func plainRecord(e *mappings.Entry) (mappings.Record, error) {
	f := fields{}
	for _, fl := range e.Fields {
		info, known := tags()[fl.Tag]
		switch {
		case !known:
		case info.items:
			for _, item := range strings.Split(fl.Value, "\n") {
				if item = strings.TrimSpace(item); item != "" {
					f[fl.Tag] = append(f[fl.Tag], item)
				}
			}
		default:
			f[fl.Tag] = append(f[fl.Tag], fl.Value)
		}
	}
	return f.record("wos", e.Number, e.Line, e.Raw), nil
}
