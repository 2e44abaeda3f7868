package mappings

import "testing"

// TestLanguageCodeMEDLINE: the codes MEDLINE writes in LA and <Language>
// (ISO 639-2/B) map to ISO 639-1, as do the 639-2/T codes and names.
func TestLanguageCodeMEDLINE(t *testing.T) {
	for in, want := range map[string]string{
		"rum": "ro", "ron": "ro", "Romanian": "ro", "slo": "sk", "slk": "sk", "bul": "bg",
		"lit": "lt", "ice": "is", "isl": "is", "may": "ms", "mal": "ml", "wel": "cy",
		"cym": "cy", "afr": "af", "alb": "sq", "arm": "hy", "geo": "ka", "mac": "mk",
		"mao": "mi", "pus": "ps", "slv": "sl", "est": "et", "lav": "lv", "cat": "ca",
		"bos": "bs", "scc": "sr", "scr": "hr", "kin": "rw", "lat": "la", "epo": "eo",
		"urd": "ur", "LIT": "lt", "Greek, Modern": "el", "中文": "zh", "ro-RO": "ro",
		// "mul" (multiple) and "und" (undetermined) name no language.
		"mul": "", "und": "",
	} {
		if got := LanguageCode(in); got != want {
			t.Errorf("LanguageCode(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLanguageTable: every row leads to a two-letter code the table
// itself knows, so a typo in the target column cannot reach the graph.
func TestLanguageTable(t *testing.T) {
	codes := languageCodes()
	for written, code := range codes {
		if len(code) != 2 || codes[code] != code {
			t.Errorf("languages.tsv: %q → %q, which is not an ISO 639-1 code of the table", written, code)
		}
	}
}
