package mappings

import (
	"regexp"
	"strconv"
	"strings"
)

var datePattern = regexp.MustCompile(`^\s*(\d{4})(?:\s*[-/.]\s*(\d{1,2})?(?:\s*[-/.]\s*(\d{1,2})?)?)?`)

// ParseDate reads the leading date of "2025-10-08", "2017/05/01/",
// "2017-05", "2017" and similar. Parts out of range are dropped with
// everything after them, so the result is never more precise than what
// the source said. ok is false when there is no four-digit year.
func ParseDate(s string) (d Date, ok bool) {
	m := datePattern.FindStringSubmatch(s)
	if m == nil {
		return Date{}, false
	}
	d.Year, _ = strconv.Atoi(m[1])
	if d.Year < 1000 {
		return Date{}, false
	}
	if m[2] == "" {
		return d, true
	}
	if month, _ := strconv.Atoi(m[2]); month >= 1 && month <= 12 {
		d.Month = month
	} else {
		return d, true
	}
	if day, _ := strconv.Atoi(m[3]); day >= 1 && day <= daysIn(d.Year, d.Month) {
		d.Day = day
	}
	return d, true
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// precision orders dates by how much they say: 0 none, 1 year, 2 month, 3 day.
func (d Date) precision() int {
	switch {
	case d.Year == 0:
		return 0
	case d.Month == 0:
		return 1
	case d.Day == 0:
		return 2
	}
	return 3
}

// monthNames maps English month abbreviations to 1–12 (MonthNumber).
var monthNames = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

func monthNumber(s string) int {
	s = strings.ToLower(s)
	if m, ok := monthNames[s]; ok {
		return m
	}
	if len(s) > 3 {
		for _, full := range []string{"january", "february", "march", "april", "may", "june", "july",
			"august", "september", "october", "november", "december"} {
			if s == full {
				return monthNames[full[:3]]
			}
		}
	}
	return 0
}
