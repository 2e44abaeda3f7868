package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Name pools. Chinese names are few and common on purpose: with a few
// thousand people, "Wang Wei" and "Li Jing" turn up in several labs, so a
// build has to keep same-name people apart by what else it knows.
var (
	chineseFamilies = []string{
		"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
		"Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo",
		"Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng",
	}
	chineseGivens = []string{
		"Wei", "Jing", "Li", "Min", "Jun", "Yan", "Lei", "Hong", "Ying", "Qiang",
		"Xiaohua", "Xiaoguang", "Yawen", "Lida", "Yuchun", "Yongquan", "Li-Na", "Jian", "Ping", "Hui",
		"Xin", "Fang", "Tao", "Bo", "Chao", "Lan", "Na", "Yu", "Xiaoyan", "Zhiwei",
		"Haiyan", "Jianguo", "Meiling", "Shuang", "Rui", "Ning", "Kai", "Yun", "Dan", "Ming",
	}
	// Two-syllable given names are composed from these, so most people
	// have a rarer name than the common ones above.
	givenSyllables = []string{
		"an", "bin", "chen", "dong", "fei", "gang", "hai", "hao", "hua", "jia",
		"jian", "jie", "jin", "kang", "lan", "li", "lin", "ling", "long", "mei",
		"ming", "nan", "ning", "peng", "qi", "qing", "rong", "shan", "sheng", "shu",
		"ting", "wen", "xia", "xiang", "xiao", "xin", "yan", "yang", "yi", "ying",
		"yong", "yu", "yuan", "yun", "zhi",
	}
	westernFamilies = []string{
		"Smith", "Johnson", "Müller", "García", "Rossi", "O'Brien", "Nguyen", "Kowalski", "Dubois", "Jansen",
		"Schmidt", "Martin", "Bianchi", "Andersson", "Novak", "Fernández", "Kelly", "Tanaka", "Silva", "van der Berg",
		"Brown", "Wilson", "Moreau", "Fischer", "Romano", "Larsen", "Horvat", "Costa", "Murphy", "Suzuki",
		"Weber", "Lefebvre", "Conti", "Nilsson", "Dvořák", "López", "Walsh", "Sato", "Pereira", "de Vries",
	}
	westernGivens = []string{
		"James", "Anna", "Maria", "Thomas", "Sarah", "David", "Elena", "Peter", "Laura", "Michael",
		"Sophie", "Jan", "Lucia", "Robert", "Emma", "Paul", "Clara", "Marco", "Ingrid", "John",
		"Alice", "Henrik", "Giulia", "Pierre", "Katarzyna", "Daniel", "Nora", "Luca", "Hannah", "Carlos",
		"Eva", "Martin", "Isabel", "Kenji", "Rachel", "Stefan", "Chiara", "Oliver", "Marta", "Patrick",
	}
	hospitals = []struct{ name, city, country string }{
		{"Example University Hospital", "Tianjin", "China"},
		{"First Affiliated Hospital of an Example Medical University", "Hangzhou", "China"},
		{"Example Medical University Union Hospital", "Wuhan", "China"},
		{"Example Provincial People's Hospital", "Guangzhou", "China"},
		{"Example Children's Hospital", "Shanghai", "China"},
		{"Example Capital Medical University Hospital", "Beijing", "China"},
		{"Example Hospital of Sichuan University", "Chengdu", "China"},
		{"Example City Hospital", "Siping", "China"},
		{"Example Institute of Hematology", "Tianjin", "China"},
		{"Example General Hospital", "Boston", "USA"},
		{"Example University Medical Center", "Utrecht", "Netherlands"},
		{"Example Charité Clinic", "Berlin", "Germany"},
		{"Example Policlinico", "Milan", "Italy"},
		{"Example Karolinska Unit", "Stockholm", "Sweden"},
		{"Example University Hospital", "Kraków", "Poland"},
		{"Example Hospital Clínic", "Barcelona", "Spain"},
		{"Example College Hospital", "Dublin", "Ireland"},
		{"Example National Hospital", "Osaka", "Japan"},
	}
	departments = []string{"Department of Hematology", "Department of Pediatrics", "Center for Stem Cell Research", "Department of Clinical Laboratory", "Department of Cell Therapy"}
)

// journal is a periodical of the pool. The first entries are real journals
// as ontology/journals.tsv lists them (so the known-journal join is
// exercised); the rest are fictional, with computed, valid ISSNs.
type journal struct {
	title, abbrev, issn, eissn string
}

var realJournals = []journal{
	{"Experimental and Therapeutic Medicine", "Exp Ther Med", "1792-0981", "1792-1015"},
	{"Medicine", "Medicine (Baltimore)", "0025-7974", "1536-5964"},
	{"Blood", "Blood", "0006-4971", "1528-0020"},
	{"Blood Advances", "Blood Adv", "2473-9529", "2473-9537"},
	{"British Journal of Haematology", "Br J Haematol", "0007-1048", "1365-2141"},
	{"Haematologica", "Haematologica", "0390-6078", "1592-8721"},
	{"Annals of Hematology", "Ann Hematol", "0939-5555", "1432-0584"},
	{"BMC Pregnancy and Childbirth", "BMC Pregnancy Childbirth", "", "1471-2393"},
}

var fictionalJournalTopics = []string{
	"Cellular Haematology", "Platelet Disorders", "Stromal Cell Therapy", "Immune Cytopenias",
	"Regenerative Haematology", "Paediatric Blood Research", "Translational Cell Medicine",
	"Clinical Immunohaematology", "Stem Cell Transplantation Reports", "Autoimmune Blood Disease",
	"Haemostasis and Cell Therapy", "Umbilical Cord Biology", "Marrow Stromal Research",
	"Transfusion and Cell Products", "Immunomodulatory Therapy", "Experimental Cytotherapy",
}

// issnWithCheck appends the ISSN check digit to seven digits.
func issnWithCheck(seven int) string {
	d := fmt.Sprintf("%07d", seven)
	sum := 0
	for i := range 7 {
		sum += int(d[i]-'0') * (8 - i)
	}
	c := (11 - sum%11) % 11
	check := byte('0' + c)
	if c == 10 {
		check = 'X'
	}
	return d[:4] + "-" + d[4:] + string(check)
}

func journalPool() []journal {
	js := append([]journal(nil), realJournals...)
	for i, t := range fictionalJournalTopics {
		abbrev := "J " + t
		js = append(js, journal{
			title:  "Journal of " + t,
			abbrev: abbrev,
			issn:   issnWithCheck(2990001 + 37*i),
			eissn:  issnWithCheck(2990500 + 41*i),
		})
	}
	return js
}

// person is one author of the population: a lab member with a name that
// other people may share.
type person struct {
	family, given string
	affiliation   string
	orcid         string // empty for most people
}

// lab is a group of people who publish together.
type lab struct {
	members []int // indexes into the population
	trial   int   // the lab's registered trial number
}

// population is the fixed cast a corpus draws authors from.
type population struct {
	people   []person
	labs     []lab
	journals []journal
}

// newPopulation builds the cast for a corpus of n articles: about one lab
// per 20 articles, 6–18 members each, so labs publish repeatedly and
// co-authorship recurs.
func newPopulation(seed uint64, n int) *population {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	nLabs := min(max(n/20, 10), 5000)
	p := &population{journals: journalPool()}
	for l := range nLabs {
		h := hospitals[rng.IntN(len(hospitals))]
		dept := departments[rng.IntN(len(departments))]
		aff := fmt.Sprintf("%s, %s, %s, %s.", dept, h.name, h.city, h.country)
		chinese := h.country == "China" || rng.IntN(4) == 0
		size := 6 + rng.IntN(13)
		lb := lab{trial: 1000000 + l*7}
		for range size {
			var pr person
			if chinese && rng.IntN(10) < 8 || !chinese && rng.IntN(10) < 2 {
				pr = person{family: skewed(rng, chineseFamilies), given: chineseGiven(rng)}
			} else {
				pr = person{family: skewed(rng, westernFamilies), given: pick(rng, westernGivens)}
			}
			pr.affiliation = aff
			if rng.IntN(5) == 0 {
				pr.orcid = orcid(rng)
			}
			lb.members = append(lb.members, len(p.people))
			p.people = append(p.people, pr)
		}
		p.labs = append(p.labs, lb)
	}
	return p
}

func pick(rng *rand.Rand, s []string) string { return s[rng.IntN(len(s))] }

// skewed picks early entries more often, the way a few surnames (Wang,
// Li, Zhang) cover a large share of people.
func skewed(rng *rand.Rand, s []string) string {
	u := rng.Float64()
	return s[int(u*u*float64(len(s)))]
}

// chineseGiven is a common given name for one person in four (these make
// the same-name pairs), else one composed of two syllables.
func chineseGiven(rng *rand.Rand) string {
	if rng.IntN(4) == 0 {
		return skewed(rng, chineseGivens)
	}
	a, b := pick(rng, givenSyllables), pick(rng, givenSyllables)
	return strings.ToUpper(a[:1]) + a[1:] + b
}

// orcid returns an ORCID iD with a valid ISO 7064 MOD 11-2 check digit in
// the 0000-0002/0000-0003 blocks ORCID assigns.
func orcid(rng *rand.Rand) string {
	digits := fmt.Sprintf("0000000%d%07d", 2+rng.IntN(2), rng.IntN(10000000))
	total := 0
	for _, c := range digits {
		total = (total + int(c-'0')) * 2
	}
	r := (12 - total%11) % 11
	check := byte('0' + r)
	if r == 10 {
		check = 'X'
	}
	s := digits + string(check)
	return s[:4] + "-" + s[4:8] + "-" + s[8:12] + "-" + s[12:]
}
