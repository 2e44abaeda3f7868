package mappings

import (
	"strings"
	"testing"
)

func TestParseName(t *testing.T) {
	cases := []struct {
		in            string
		order         NameOrder
		family, given string
		collective    bool
	}{
		{"Wang, Xiaohua", FamilyFirst, "Wang", "Xiaohua", false},
		{"Wang,Xiaohua", FamilyFirst, "Wang", "Xiaohua", false},
		{"Wang, Xiaohua", GivenFirst, "Wang", "Xiaohua", false}, // a comma decides whatever the order
		{"Xiaohua Wang", GivenFirst, "Wang", "Xiaohua", false},
		{"Wang Xiaohua", FamilyFirst, "Wang", "Xiaohua", false},
		{"Bo ZHANG", GivenFirst, "Zhang", "Bo", false},
		{"Xiang-Feng TANG", GivenFirst, "Tang", "Xiang-Feng", false},
		{"Nan-Hai WU", GivenFirst, "Wu", "Nan-Hai", false},
		{"ZHANG, Bo", FamilyFirst, "Zhang", "Bo", false},
		{"Tong Tong", GivenFirst, "Tong", "Tong", false},
		{"Vincent van Gogh", GivenFirst, "van Gogh", "Vincent", false},
		{"Maria de la Cruz", GivenFirst, "de la Cruz", "Maria", false},
		{"van Gogh, Vincent", FamilyFirst, "van Gogh", "Vincent", false},
		{"Madonna", GivenFirst, "Madonna", "", false},
		{"Wang X", FamilyFirst, "Wang", "X", false},
		{"Wang XH", FamilyFirst, "Wang", "XH", false},
		{"Wang X", GivenFirst, "Wang", "X", false},
		{"X. Wang", GivenFirst, "Wang", "X.", false},
		{"X.H. Wang", GivenFirst, "Wang", "X.H.", false},
		{"  Kai Mu, ", GivenFirst, "Mu", "Kai", false},
		{"ITP Study Group", GivenFirst, "ITP Study Group", "", true},
		{"", GivenFirst, "", "", false},
	}
	for _, c := range cases {
		a := ParseName(c.in, c.order)
		if a.Family != c.family || a.Given != c.given || a.Collective != c.collective {
			t.Errorf("ParseName(%q, %d) = family %q given %q collective %v; want %q %q %v",
				c.in, c.order, a.Family, a.Given, a.Collective, c.family, c.given, c.collective)
		}
	}
	if a := ParseName("  Bo   ZHANG ", GivenFirst); a.AsWritten != "Bo ZHANG" {
		t.Errorf("AsWritten = %q, want the name as printed, trimmed", a.AsWritten)
	}
}

// TestParseNameCapitals covers family names printed in capitals: where
// they stand, how they are normalised, and the short capitalised words
// that are initials rather than names.
func TestParseNameCapitals(t *testing.T) {
	g, f := GivenFirst, FamilyFirst
	cases := []struct {
		in            string
		order         NameOrder
		family, given string
	}{
		// Capitalised family name first in a given-first list.
		{"WANG Xiaohua", g, "Wang", "Xiaohua"},
		{"ZHANG Bo", g, "Zhang", "Bo"},
		{"LI Na", g, "Li", "Na"},
		{"WU Nan-Hai", g, "Wu", "Nan-Hai"},
		{"XIANG-FENG Tang", g, "Xiang-Feng", "Tang"},
		{"OUYANG Li-Na", g, "Ouyang", "Li-Na"},
		{"Jean DUPONT", g, "Dupont", "Jean"},
		{"Maria DE LA CRUZ", g, "de la Cruz", "Maria"},
		{"Vincent van GOGH", g, "van Gogh", "Vincent"},
		{"Siobhan O'BRIEN", g, "O'Brien", "Siobhan"},
		{"Jürgen MÜLLER", g, "Müller", "Jürgen"},
		// Short capitalised words: a Pinyin syllable among Pinyin words is
		// a family name, anything else is initials.
		{"Na LI", g, "Li", "Na"},
		{"Li NA", g, "Na", "Li"},
		{"Wang XH", g, "Wang", "XH"},
		{"Yin XG", g, "Yin", "XG"},
		{"XH Wang", g, "Wang", "XH"},
		{"AN Smith", g, "Smith", "AN"},
		{"Smith AN", g, "Smith", "AN"},
		{"Wang X.H.", g, "Wang", "X.H."},
		// A short listed family name in capitals after a given name in
		// mixed case (Korean journals on WPRIM,
		// http://wprim.whocc.org.cn:80/admin/article/articleDetail?WPRIMID=148660&articleId=148660&from=search
		// and …WPRIMID=116336): the family name, not initials. Initials
		// still follow one family name, listed or not.
		{"Sue Youn KIM", g, "Kim", "Sue Youn"},
		{"Yoon Sung JO", g, "Jo", "Yoon Sung"},
		{"Jong Gu RHA", g, "Rha", "Jong Gu"},
		{"Soo Young OH", g, "Oh", "Soo Young"},
		{"Jung Ae MIN", g, "Min", "Jung Ae"},
		{"Cheong Rae ROH", g, "Roh", "Cheong Rae"},
		{"Smith JA", g, "Smith", "JA"},
		{"Park JO", g, "Park", "JO"},
		{"Garcia Lopez JA", g, "Garcia Lopez", "JA"},
		// Family-first lists: position decides, capitals are normalised,
		// short capitals after the first word are MEDLINE initials.
		{"ZHOU Yuqing", f, "Zhou", "Yuqing"},
		{"LI Na", f, "Li", "Na"},
		{"Li NA", f, "Li", "NA"},
		{"Na LI", f, "Na", "LI"},
		{"Yuqing ZHOU", f, "Zhou", "Yuqing"},
		{"Santos JMPA", f, "Santos", "JMPA"},
		{"ZHOU, Yuqing", f, "Zhou", "Yuqing"},
		{"O'BRIEN, Siobhan", f, "O'Brien", "Siobhan"},
		{"VAN DER BERG, Jan", f, "van der Berg", "Jan"},
		// Mixed case is kept as printed.
		{"McDonald, Ian", f, "McDonald", "Ian"},
		{"Ian McDonald", g, "McDonald", "Ian"},
		{"DeSouza, Ana", f, "DeSouza", "Ana"},
		// No word in lower case: capitals say nothing, the order decides.
		{"WANG XH", g, "Wang", "XH"},
		{"BO ZHANG", g, "Zhang", "BO"},
		{"ZHANG", g, "Zhang", ""},
	}
	for _, c := range cases {
		a := ParseName(c.in, c.order)
		if a.Family != c.family || a.Given != c.given || a.AsWritten != c.in {
			t.Errorf("ParseName(%q, %d) = family %q given %q as written %q; want %q %q",
				c.in, c.order, a.Family, a.Given, a.AsWritten, c.family, c.given)
		}
	}
}

func TestParseNameSuffixes(t *testing.T) {
	g, f := GivenFirst, FamilyFirst
	cases := []struct {
		in                    string
		order                 NameOrder
		family, given, suffix string
	}{
		{"John Smith Jr", g, "Smith", "John", "Jr"},
		{"John Smith Jr.", g, "Smith", "John", "Jr."},
		{"John Smith, Jr.", g, "Smith", "John", "Jr."},
		{"Smith, John, Jr.", f, "Smith", "John", "Jr."},
		{"Smith, Jr., John", f, "Smith", "John", "Jr."},
		{"Smith Jr., John", f, "Smith", "John", "Jr."},
		{"Martin Luther King III", g, "King", "Martin Luther", "III"},
		{"John Smith II", g, "Smith", "John", "II"},
		{"Smith JW Sr", f, "Smith", "JW", "Sr"},
		{"Smith JW 3rd", f, "Smith", "JW", "3rd"},
		{"Wang XH Jr", g, "Wang", "XH", "Jr"},
		{"John SMITH Jr.", g, "Smith", "John", "Jr."},
		// Not suffixes: MEDLINE initials, and a lone word.
		{"Smith JR", f, "Smith", "JR", ""},
		{"Smith II", f, "Smith", "II", ""},
		{"Smith IV", g, "Smith", "IV", ""},
		{"Jr", g, "Jr", "", ""},
	}
	for _, c := range cases {
		a := ParseName(c.in, c.order)
		want := c.suffix
		if a.Family != c.family || a.Given != c.given || a.Suffix != want || a.AsWritten != c.in {
			t.Errorf("ParseName(%q, %d) = family %q given %q suffix %q as written %q; want %q %q %q",
				c.in, c.order, a.Family, a.Given, a.Suffix, a.AsWritten, c.family, c.given, want)
		}
	}
}

func TestParseNameParticlesAndScripts(t *testing.T) {
	g, f := GivenFirst, FamilyFirst
	cases := []struct {
		in            string
		order         NameOrder
		family, given string
	}{
		// Particles in both orders.
		{"Vincent van Gogh", g, "van Gogh", "Vincent"},
		{"van Gogh Vincent", f, "van Gogh", "Vincent"},
		{"Jan van der Berg", g, "van der Berg", "Jan"},
		{"van der Berg Jan", f, "van der Berg", "Jan"},
		{"van der Berg J", f, "van der Berg", "J"},
		{"van der Berg J", g, "van der Berg", "J"},
		{"de la Cruz Maria", f, "de la Cruz", "Maria"},
		{"Leonardo da Vinci", g, "da Vinci", "Leonardo"},
		{"Ludwig von Beethoven", g, "von Beethoven", "Ludwig"},
		{"Jean le Rond", g, "le Rond", "Jean"},
		{"Ana del Río", g, "del Río", "Ana"},
		{"Giulia di Stefano", g, "di Stefano", "Giulia"},
		{"van Gogh", f, "van Gogh", ""},
		// Diacritics are kept.
		{"José Núñez", g, "Núñez", "José"},
		{"Çelik, Ayşe", f, "Çelik", "Ayşe"},
		{"Nguyễn Văn An", f, "Nguyễn", "Văn An"},
		// Chinese names in characters, in either declared order.
		{"王晓华", g, "王", "晓华"},
		{"王晓华", f, "王", "晓华"},
		{"孙伟", g, "孙", "伟"},
		{"欧阳修", g, "欧阳", "修"},
		{"司马相如", g, "司马", "相如"},
		{"歐陽娜娜", g, "歐陽", "娜娜"},
		{"王 晓华", g, "王", "晓华"},
		{"张王晓华", g, "张王晓华", ""}, // four characters: a double family name is possible
		{"欧阳", g, "欧阳", ""},
		{"王", g, "王", ""},
		{"阿依古丽·买买提", g, "阿依古丽·买买提", ""},
		{"山田たろう", g, "山田たろう", ""},
	}
	for _, c := range cases {
		a := ParseName(c.in, c.order)
		if a.Family != c.family || a.Given != c.given || a.AsWritten != c.in {
			t.Errorf("ParseName(%q, %d) = family %q given %q as written %q; want %q %q",
				c.in, c.order, a.Family, a.Given, a.AsWritten, c.family, c.given)
		}
	}
}

func TestIsPinyin(t *testing.T) {
	for w, want := range map[string]bool{
		"Xiaohua": true, "Yuqing": true, "Nan-Hai": true, "LI": true, "NA": true,
		"Zhuang": true, "Lü": true, "Xi'an": true, "Ouyang": true, "er": true,
		"XH": false, "JW": false, "Smith": false, "JA": false, "AB": false,
		"Jmpa": false, "": false, "-": false, "Müller": false,
	} {
		if got := isPinyin(w); got != want {
			t.Errorf("isPinyin(%q) = %v, want %v", w, got, want)
		}
	}
}

func FuzzParseName(f *testing.F) {
	for _, s := range []string{"Wang, Xiaohua", "Bo ZHANG", "Vincent van Gogh", "Wang XH", ",", "-", "A B C D",
		"Smith, Jr., John", "王晓华", "Maria DE LA CRUZ", "Jr, Jr", "van", "III III III"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, o := range []NameOrder{GivenFirst, FamilyFirst} {
			a := ParseName(s, o)
			if a.AsWritten != "" && a.Family == "" && a.Given == "" {
				t.Fatalf("ParseName(%q) lost the name: %+v", s, a)
			}
		}
	})
}

// TestParseNamesOrder: real author lists printed without commas, in
// either order. Families are checked at every position, with the kind of
// reason given.
func TestParseNamesOrder(t *testing.T) {
	cases := []struct {
		name     string
		list     []string
		order    NameOrder
		families []string
		reasons  []string // a word each reason must contain
	}{
		// Issue 10: a Chinese journal page, family first with CamelCase
		// given names, read as given first before.
		{"family first, CamelCase Pinyin", []string{"Pang Yan", "Xiao HaoWen", "Zhang Hang", "Liu ZengHui"}, GivenFirst,
			[]string{"Pang", "Xiao", "Zhang", "Liu"},
			[]string{"Pang is a family name", "CamelCase", "Zhang is a family name", "CamelCase"}},
		// dblp co-author list of YanSheng Lu: given first, CamelCase.
		{"given first, CamelCase Pinyin", []string{"JiuYun Chen", "HongXing Liu", "JianGuo Liu", "HuaQing Min", "Qing Yang", "XiJing Zheng"}, FamilyFirst,
			[]string{"Chen", "Liu", "Liu", "Min", "Yang", "Zheng"},
			[]string{"CamelCase", "CamelCase", "CamelCase", "CamelCase", "Yang may be a family name", "CamelCase"}},
		// dblp co-author list of Ling Cai: hyphenated given names, and
		// "Lei He" where both words are family names but He rarely a given one.
		{"given first, hyphenated", []string{"Lei He", "Yao-hua Li", "Qing-De Meng", "Xin Song", "Takayoshi Yamashita", "Yuming Zhao"}, GivenFirst,
			[]string{"He", "Li", "Meng", "Song", "Yamashita", "Zhao"},
			[]string{"He is a family name, Lei more often a given name", "hyphenated Pinyin", "hyphenated Pinyin", "Song is a family name", "source order", "Zhao is a family name"}},
		// The same names family first are read family first.
		{"family first, whole given names", []string{"He Lei", "Li Yao-hua", "Song Xin", "Zhao Yuming"}, GivenFirst,
			[]string{"He", "Li", "Song", "Zhao"}, []string{"He is", "hyphenated", "Song is", "Zhao is"}},
		// An ambiguous name (Lin and Yang are both family and given
		// names) follows the clear names of its list, in either order.
		{"ambiguous follows a family-first list", []string{"Pang Yan", "Xiao HaoWen", "Lin Yang", "Liu ZengHui"}, GivenFirst,
			[]string{"Pang", "Xiao", "Lin", "Liu"}, []string{"", "", "follows the list (3 of 3 decided names family name first)", ""}},
		{"ambiguous follows a given-first list", []string{"JiuYun Chen", "Lin Yang", "HongXing Liu"}, FamilyFirst,
			[]string{"Chen", "Yang", "Liu"}, []string{"", "follows the list", ""}},
		// ChinaXiv, round-8 probe: a family-only name beside one that is
		// a family name too, if more often a given one ("Qin Han": Han is
		// also 韩), follows a list whose other names are given first.
		{"a family-only name beside a given-or-family one follows its list (http://chinaxiv.org/abs/202002.00080)",
			[]string{"Zikuan Leng", "Rongjia Zhu", "Wei Hou", "Yingmei Feng", "Yanlei Yang", "Qin Han", "Guangliang Shan", "Fanyan Meng", "Dongshu Du", "Shihua Wang"}, GivenFirst,
			[]string{"Leng", "Zhu", "Hou", "Feng", "Yang", "Han", "Shan", "Meng", "Du", "Wang"}, []string{"", "", "", "", "", "but follows the list", "", "", "", ""}},
		// Western and Korean names that are ambiguous keep the source's
		// order and say so; no list of clear names overrules them.
		{"Western names keep the source order", []string{"Lee Kim", "Kim Lee", "Young Li", "Michelle Mason"}, GivenFirst,
			[]string{"Kim", "Lee", "Li", "Mason"},
			[]string{"both family names; source order", "both family names; source order", "Young is not romanised Chinese; source order", "source order: given name first"}},
		{"Western names keep a family-first source order", []string{"Lee Kim", "Young Li"}, FamilyFirst,
			[]string{"Lee", "Young"}, []string{"source order: family name first", "source order: family name first"}},
		// Capitals and initials decide before the words do.
		{"capitals and initials", []string{"ZENG Xiaoyuan", "Yingying JIAO", "Wang XH"}, GivenFirst,
			[]string{"Zeng", "Jiao", "Wang"}, []string{"capitals", "capitals", "initials"}},
		// A Korean hyphenated given name beside a listed family name.
		{"Korean hyphenated given name", []string{"Choi Ji-Hoon", "Min-Su Kwon"}, GivenFirst,
			[]string{"Choi", "Kwon"}, []string{"hyphenated syllables", "hyphenated"}},
		// Issue 10, probe set o: a J-STAGE page (Rinsho Ketsueki) in
		// PubMed's family-first order; the romanised Japanese names no
		// list names follow its two decided ones.
		{"Japanese family first, romaji", []string{"Nagano Tomohiro", "Niiya Daigo", "Muneishi Manaka", "Imao Takeshi", "Kimura Maiko", "Fujii Soichiro", "Takeuchi Makoto"}, GivenFirst,
			[]string{"Nagano", "Niiya", "Muneishi", "Imao", "Kimura", "Fujii", "Takeuchi"},
			[]string{"follows the list", "follows the list", "follows the list", "follows the list", "Kimura is a family name", "follows the list", "Takeuchi is a family name"}},
		// The same shape given first keeps it.
		{"Japanese given first, romaji", []string{"Tomohiro Nagano", "Maiko Kimura", "Makoto Takeuchi", "Daigo Niiya"}, GivenFirst,
			[]string{"Nagano", "Kimura", "Takeuchi", "Niiya"}, []string{"", "Kimura is", "Takeuchi is", ""}},
		// A Western CamelCase family name is not a Pinyin given name.
		{"DeLong is a family name", []string{"Elizabeth DeLong"}, GivenFirst, []string{"DeLong"}, []string{"source order"}},
	}
	for _, c := range cases {
		got := ParseNames(c.list, c.order)
		if len(got) != len(c.list) {
			t.Errorf("%s: %d names, want %d", c.name, len(got), len(c.list))
			continue
		}
		for i, a := range got {
			if a.Family != c.families[i] || !strings.Contains(a.OrderReason, c.reasons[i]) || a.OrderReason == "" {
				t.Errorf("%s: %q → family %q (%s); want %q with a reason containing %q",
					c.name, c.list[i], a.Family, a.OrderReason, c.families[i], c.reasons[i])
			}
			if w := strings.ToLower(a.AsWritten); strings.ToLower(a.Family+" "+a.Given) != w && strings.ToLower(a.Given+" "+a.Family) != w {
				t.Errorf("%s: %q split into %q + %q", c.name, a.AsWritten, a.Family, a.Given)
			}
		}
	}
}

// A comma or Chinese script marks the order: no reason is needed.
func TestParseNameMarkedOrder(t *testing.T) {
	for _, in := range []string{"Wang, Xiaohua", "王晓华", "Madonna"} {
		if a := ParseName(in, GivenFirst); a.OrderReason != "" {
			t.Errorf("%q: reason %q, want none", in, a.OrderReason)
		}
	}
}

// TestCapitalisedParticle: "Maria Teresa Van Lint" (a Pure record, round
// 10) has the family name Van Lint, as "van der Meulen" has its particles.
func TestCapitalisedParticle(t *testing.T) {
	a := ParseNames([]string{"Maria Teresa Van Lint"}, GivenFirst)
	if len(a) != 1 || a[0].Family != "Van Lint" || a[0].Given != "Maria Teresa" {
		t.Errorf("ParseNames = %+v", a)
	}
}
