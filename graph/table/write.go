package table

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Formats the table writes, by name.
var Formats = []string{"csv", "tsv", "md"}

// FormatOf names the format a file's extension calls for, or "".
func FormatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return "csv"
	case ".tsv", ".tab":
		return "tsv"
	case ".md", ".markdown":
		return "md"
	}
	return ""
}

// Records is the evidence table with its header: one line per row, the
// cells of Columns.
func (t *Table) Records() [][]string {
	out := [][]string{slices.Clone(Columns)}
	for _, r := range t.Rows {
		line := make([]string, len(Columns))
		for i, c := range Columns {
			line[i] = r.Cells[c].Text
		}
		out = append(out, line)
	}
	return out
}

// SpanColumns are the columns of SpanRecords.
var SpanColumns = []string{"study", "group", "column", "value", "file", "record", "field", "start", "end", "exact"}

// SpanRecords names, for every non-empty cell that was read from text, each
// span it came from: one line per cell and span, in table order. Offsets
// are in code points of the field (mkg:field) of the source record.
func (t *Table) SpanRecords() [][]string {
	out := [][]string{slices.Clone(SpanColumns)}
	for _, r := range t.Rows {
		for _, c := range Columns {
			cell := r.Cells[c]
			for _, s := range cell.Spans {
				out = append(out, []string{r.Cells["study"].Text, r.Cells["group"].Text, c, cell.Text,
					s.File, strconv.Itoa(s.Record), s.Field, strconv.Itoa(s.Start), strconv.Itoa(s.End), s.Text})
			}
		}
	}
	return out
}

// DichotomousColumns are the columns of DichotomousRecords, named as R's
// meta::metabin and metafor::escalc take them (event, n).
var DichotomousColumns = []string{"study", "year", "arm", "role", "outcome", "time", "time_unit", "time_as_written", "event", "n", "paper", "outcome_iri"}

// DichotomousRecords is one line per outcome a group states as events of
// a total, with its header.
func (t *Table) DichotomousRecords() [][]string {
	out := [][]string{slices.Clone(DichotomousColumns)}
	for _, d := range t.Dichotomous {
		out = append(out, []string{d.Study, d.Year, d.Arm, d.Role, d.Outcome, d.Time, d.TimeUnit, d.TimeText,
			d.Events, d.Total, d.Paper, d.OutcomeIRI})
	}
	return out
}

// Write writes records (header first) as csv (RFC 4180), tsv (tab-
// separated; tabs and line breaks inside a cell become spaces, since the
// format has no quoting) or md (a GitHub-flavoured Markdown table).
func Write(w io.Writer, format string, records [][]string) error {
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case "csv":
		cw := csv.NewWriter(bw)
		err = cw.WriteAll(records)
	case "tsv":
		err = writeTSV(bw, records)
	case "md":
		err = writeMarkdown(bw, records)
	default:
		return fmt.Errorf("table: no format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return fmt.Errorf("table: writing %s: %w", format, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("table: writing %s: %w", format, err)
	}
	return nil
}

var flatten = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")

func writeTSV(w io.Writer, records [][]string) error {
	for _, r := range records {
		line := make([]string, len(r))
		for i, c := range r {
			line[i] = flatten.Replace(c)
		}
		if _, err := io.WriteString(w, strings.Join(line, "\t")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// mdCell escapes what would end a Markdown table cell or a line.
var mdCell = strings.NewReplacer("\\", "\\\\", "|", "\\|", "\r\n", " ", "\n", " ", "\r", " ")

func writeMarkdown(w io.Writer, records [][]string) error {
	for i, r := range records {
		line := make([]string, len(r))
		for j, c := range r {
			line[j] = mdCell.Replace(c)
		}
		if _, err := io.WriteString(w, "| "+strings.Join(line, " | ")+" |\n"); err != nil {
			return err
		}
		if i == 0 {
			sep := make([]string, len(r))
			for j := range sep {
				sep[j] = "---"
			}
			if _, err := io.WriteString(w, "|"+strings.Join(sep, "|")+"|\n"); err != nil {
				return err
			}
		}
	}
	return nil
}
