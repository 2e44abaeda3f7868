package mappings

import "testing"

func TestTeXToUnicode(t *testing.T) {
	cases := []struct{ in, want string }{
		{`M{\"u}ller`, "Müller"},
		{`The \TeX book`, "The TeXbook"},
		{`\TeX: The Program`, "TeX: The Program"},
		{`{\LaTeX} and \BibTeX{} files`, "LaTeX and BibTeX files"},
		{`methodology\hyphen independent ionic`, "methodology-independent ionic"},
		{`M\"{u}ller`, "Müller"},
		{`M\"uller`, "Müller"},
		{`Jos\'e`, "José"},
		{`Fran\c{c}ois`, "François"},
		{`Fran\c cois`, "François"},
		{`\v{S}koda`, "Škoda"},
		{`Stra{\ss}e`, "Straße"},
		{`Stra\ss e`, "Straße"},
		{`{\O}stergaard`, "Østergaard"},
		{`Sch{\"o}nlein`, "Schönlein"},
		{`Henoch--Sch\"{o}nlein`, "Henoch–Schönlein"},
		{`na\"{\i}ve`, "naïve"},
		{`\'{\i}`, "í"},
		{`Erd\H{o}s`, "Erdős"},
		{`\aa{}ngstr\"om`, "ångström"},
		{`CD34\textsuperscript{+}`, "CD34⁺"},
		{`10\textsuperscript{7}`, "10⁷"},
		{`5th\textsuperscript{th}`, "5thth"},
		{`CO\textsubscript{2}`, "CO₂"},
		{`54 $\times$ 10$^{9}$/L`, "54 × 10⁹/L"},
		{`$5\times10^{7}$`, "5×10⁷"},
		{`5 \times 10^7`, "5 × 10^7"}, // ^ outside math is text
		{`$10^{-3}$`, "10⁻³"},
		{`$p<0.05$`, "p<0.05"},
		{`$\geq$ 30`, "≥ 30"},
		{`$\alpha$-SMA`, "α-SMA"},
		{`37$^\circ$C`, "37°C"},
		{`\& \% \$ \#`, "& % $ #"},
		{`pages 7--16`, "pages 7–16"},
		{`a---b`, "a—b"},
		{"``quoted''", "“quoted”"},
		{`{ITP} in {MSC}s`, "ITP in MSCs"},
		{`\emph{in vitro} and \textit{ex vivo}`, "in vitro and ex vivo"},
		{`\url{https://doi.org/10.3892/etm.2017.4229}`, "https://doi.org/10.3892/etm.2017.4229"},
		{"one\n\n  two", "one two"},
		{`non~breaking`, "non breaking"},
		{`unclosed {brace`, "unclosed brace"},
		{`stray } brace`, "stray brace"},
		{`trailing \`, "trailing"},
		{`\unknownmacro{kept}`, "kept"},
		{`plain text`, "plain text"},
	}
	for _, c := range cases {
		if got := TeXToUnicode(c.in); got != c.want {
			t.Errorf("TeXToUnicode(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTeXToUnicodeDeepNesting(t *testing.T) {
	in := ""
	for i := 0; i < 10000; i++ {
		in += "{"
	}
	in += "x"
	if got := TeXToUnicode(in); got != "x" {
		t.Errorf("deep nesting: got %q", got)
	}
}
