package labelledpage

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/msckg/msckg/mappings"
)

// gbtLine is a journal article cited by the Chinese national standard
// GB/T 7714, which Chinese journal sites print under "引用本文" (cite this
// article), in Chinese and in English: "曾晓媛, 焦营营, 叶洁瑜.
// 血小板生成素…造血[J]. 南方医科大学学报, 2020, 40(8): 1134-1140." The
// "[J]" type mark after the title is what makes the line a citation.
var gbtLine = regexp.MustCompile(`^([^.。]{2,600}?)[.。]\s*(\S.{2,500}?)\s*\[J\][.．。]?\s*([^,，\d][^,，]{1,150}?)\s*[,，]\s*((?:19|20)\d{2})\s*(?:[,，]\s*(\d+)\s*(?:\(([\w-]+)\))?\s*(?:[:：]\s*([A-Za-z]?\d+(?:\s*[-–]\s*\d+)?))?)?`)

// citeThisLabel: "引用本文:" (cite this article) before the citation on
// its line.
var citeThisLabel = regexp.MustCompile(`^\s*引用本文\s*[:：]?`)

// gbtEtAl ends a list cut short: "等" (Chinese) or "et al".
var gbtEtAl = regexp.MustCompile(`[,，]?\s*(?:等|et al\.?)$`)

// gbtCitation reads the first GB/T 7714 citation line above the abstract
// (lines before limit): the page's own citation. Its authors must all be
// names, or the line is not taken.
func gbtCitation(lines []pageLine, limit int) (title string, authors []mappings.Author, c pageCitation, ok bool) {
	for i := 0; i < limit; i++ {
		if !pageText(lines[i]) {
			continue
		}
		m := gbtLine.FindStringSubmatch(strings.TrimSpace(citeThisLabel.ReplaceAllString(lines[i].text, "")))
		if m == nil {
			continue
		}
		list := strings.ReplaceAll(gbtEtAl.ReplaceAllString(strings.TrimSpace(m[1]), ""), "，", ",")
		names := pageNames(spacedHanNames(list))
		if len(names) == 0 || len(names) != countItems(list) {
			continue
		}
		c = pageCitation{journal: strings.TrimSpace(m[3]), volume: m[5], issue: m[6], pages: m[7]}
		c.issued.Year, _ = strconv.Atoi(m[4])
		return strings.TrimSpace(m[2]), names, c, true
	}
	return "", nil, pageCitation{}, false
}
