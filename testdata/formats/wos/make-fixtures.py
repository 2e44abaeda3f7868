#!/usr/bin/env python3
"""Writes the three Web of Science fixtures of this folder from one list of
records, so that the plain-text and both tab-delimited exports hold exactly
the same values: python3 make-fixtures.py

Record 1 is the Exp Ther Med paper of the other fixtures (metadata as
PubMed gives it, written the way WoS writes it: upper-case SO, abbreviated
addresses in C1 with the authors in brackets). Its WoS accession number,
times-cited counts and the ID/DA values are illustrative. Record 2 is
synthetic (DOIs under the test prefix 10.5555) and exercises ORCIDs (OI),
a group author (CA), an article number, a day in PD, a structured abstract
and a bracketed list of DOIs in a cited reference. Record 3 has neither a
title nor an identifier and must be rejected.
"""
import textwrap

AB = ("Four patients with chronic refractory immune thrombocytopenic purpura (ITP) received human umbilical cord-derived mesenchymal stem cells (hUC-MSCs). "
      "The hUC-MSC dose was 5x10(7) to 1x10(8). Complete remission (CR) was achieved in three patients in 12 months and one patient in 24 months. "
      "Three patients received the second hUC-MSC transplantation with the same dose. The median time between hUC-MSC transplantation and response was 12.5 days (range, 7-16). "
      "There were no severe adverse events during and post hUC-MSC transplantation. During follow-up (median, 17 months; range, 13-24) no other immunosuppressive drugs were used post-first hUC-MSCs transplantation. "
      "In conclusion, hUC-MSC transplantation is a reasonable salvage treatment in chronic refractory ITP. Prospective randomized large-scale clinical trials are needed to further elucidate the efficacy of hUC-MSCs transplantation therapy on ITP.")

R1 = [
    ("PT", "J"),
    ("AU", ["Wang, X", "Yin, XG", "Sun, W", "Bai, J", "Shen, YW", "Ao, Q", "Gu, YQ", "Liu, Y"]),
    ("AF", ["Wang, Xiaohua", "Yin, Xiaoguang", "Sun, Wei", "Bai, Jin", "Shen, Yawen", "Ao, Qiang", "Gu, Yongquan", "Liu, Ying"]),
    ("TI", "Intravenous infusion umbilical cord-derived mesenchymal stem cell in primary immune thrombocytopenia: A two-year follow-up"),
    ("SO", "EXPERIMENTAL AND THERAPEUTIC MEDICINE"),
    ("LA", "English"),
    ("DT", "Article"),
    ("DE", "chronic immune thrombocytopenic purpura; human umbilical cord-derived mesenchymal stem cells; efficacy; safety; intravenous infusion"),
    ("ID", "MARROW STROMAL CELLS; PURPURA"),
    ("AB", AB),
    ("C1", ["[Wang, Xiaohua; Sun, Wei; Bai, Jin; Shen, Yawen; Liu, Ying] Siping Hosp China Med Univ, Dept Hematol, Siping 136000, Jilin, Peoples R China.",
            "[Yin, Xiaoguang] Jilin Tuhua Bioengn Co Ltd, Siping 136000, Jilin, Peoples R China.",
            "[Ao, Qiang] China Med Univ, Dept Tissue Engn, Shenyang 110122, Liaoning, Peoples R China.",
            "[Gu, Yongquan] Capital Med Univ, Xuanwu Hosp, Dept Vasc Surg, Beijing 100053, Peoples R China."]),
    ("RP", "Liu, Y (corresponding author), Siping Hosp China Med Univ, Dept Hematol, Siping 136000, Jilin, Peoples R China."),
    ("CR", ["Provan D, 2010, BLOOD, V115, P168, DOI 10.1182/blood-2009-06-225565",
            "Rodeghiero F, 2009, BLOOD, V113, P2386, DOI 10.1182/blood-2008-07-162503",
            "Stasi R, 2008, HEMATOLOGY-AM SOC HEM, P191"]),
    ("NR", "3"), ("TC", "9"), ("Z9", "10"),
    ("PU", "SPANDIDOS PUBL LTD"), ("PI", "ATHENS"), ("PA", "POB 18179, ATHENS, 116 10, GREECE"),
    ("SN", "1792-0981"), ("EI", "1792-1015"), ("J9", "EXP THER MED"), ("JI", "Exp. Ther. Med."),
    ("PD", "MAY"), ("PY", "2017"), ("VL", "13"), ("IS", "5"), ("BP", "2255"), ("EP", "2258"),
    ("DI", "10.3892/etm.2017.4229"), ("PG", "4"), ("WC", "Medicine, Research & Experimental"),
    ("SC", "Research & Experimental Medicine"), ("UT", "WOS:000400000000001"), ("PM", "28565834"),
    ("DA", "2024-01-15"),
]
R2 = [
    ("PT", "J"),
    ("AU", ["Zhang, LN", "O'Brien, J"]),
    ("AF", ["Zhang, Li-Na", "O'Brien, James"]),
    ("CA", ["ITP Study Grp"]),
    ("TI", "Umbilical cord mesenchymal stromal cells plus low-dose dexamethasone for newly diagnosed immune thrombocytopenia: a multicentre randomised trial"),
    ("SO", "STEM CELL RESEARCH & THERAPY"),
    ("LA", "English"),
    ("DT", "Article; Early Access"),
    ("DE", "immune thrombocytopenia; mesenchymal stromal cells; dexamethasone"),
    ("AB", "Background: Test abstract of a synthetic record. Methods: None. Results: 21 of 31 patients responded. Conclusions: None."),
    ("C1", ["Peking Univ, Peoples Hosp, Beijing 100044, Peoples R China."]),
    ("OI", "Zhang, Li-Na/0000-0002-1825-0097; O'Brien, Jim/0000-0001-5109-3700"),
    ("CR", ["Wang X, 2017, EXP THER MED, V13, P2255, DOI 10.3892/etm.2017.4229",
            "Anon, 2019, BLOOD, V134, DOI [10.5555/one.2019, 10.5555/two.2019]"]),
    ("TC", "0"),
    ("SN", "1757-6512"), ("PD", "SEP 15"), ("PY", "2021"), ("VL", "12"), ("IS", "1"), ("AR", "501"),
    ("DI", "10.5555/SCRT.2021.0501"), ("UT", "WOS:000600000000002"),
]
R3 = [("PT", "J"), ("AU", ["Nobody, N"]), ("SO", "BLOOD"), ("PY", "2020"), ("UT", "WOS:000700000000003")]

WRAPPED = {"AB", "TI", "DE", "ID", "RP", "OI"}


def plain(rec):
    out = ""
    for tag, v in rec:
        if isinstance(v, list):
            lines = v
        elif tag in WRAPPED:
            lines = textwrap.wrap(v, 70, break_on_hyphens=False, break_long_words=False)
        else:
            lines = [v]
        out += tag + " " + lines[0] + "\n" + "".join("   " + l + "\n" for l in lines[1:])
    return out + "ER\n\n"


COLS = ("PT AU BA BE GP AF BF CA TI SO SE BS LA DT CT CY CL SP HO DE ID AB C1 RP EM RI OI FU FX CR NR TC Z9 "
        "U1 U2 PU PI PA SN EI BN J9 JI PD PY VL IS PN SU SI MA BP EP AR DI D2 EA PG WC SC GA UT PM OA HC HP DA").split()


def row(rec):
    d = {tag: "; ".join(v) if isinstance(v, list) else v for tag, v in rec}
    return "\t".join(d.get(c, "") for c in COLS) + "\t"


recs = (R1, R2, R3)
with open("wos-msc-itp.txt", "w", newline="\n") as f:
    f.write("FN Clarivate Analytics Web of Science\nVR 1.0\n" + "".join(plain(r) for r in recs) + "EF\n")
tab = "\t".join(COLS) + "\t\r\n" + "".join(row(r) + "\r\n" for r in recs)
with open("wos-msc-itp-tab-utf8.txt", "wb") as f:
    f.write(b"\xef\xbb\xbf" + tab.encode("utf-8"))
with open("wos-msc-itp-tab-utf16.txt", "wb") as f:
    f.write(b"\xff\xfe" + tab.encode("utf-16-le"))
