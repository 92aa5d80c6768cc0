#!/usr/bin/env python3
"""Draw the candidate sentences of the hand-labelled territorial-figure gold set (src/quality/figures/).

Reproducible: same data, same jar, same seed -> same ranked list. Not part of the job, not a test.

Steps
1. Sentences. `org.frontline.quality.FigureCorpus sentences` (src/tools) reads the dumps with the job's own DumpReader
   (validation, TextCleaner.clean of title and text, ids), drops what the job quarantines, keeps one copy per
   content hash over all dumps pooled (earliest published_date, then smallest article_id: the job's rule), and
   splits each cleaned title and text into sentences with CoreNLP tokenize+ssplit, using only the tokenize.* and
   ssplit.* properties of the job's default profile (a blank line ends a sentence). Nothing else of CoreNLP or
   of the job's figure extraction runs. Offsets are Java String char offsets into the cleaned field.
2. Candidates. A sentence is a candidate when a NUMBER token is at most MAX_GAP tokens away (either side) from
   a UNIT token (see the regexes below; a plain regex over the sentence text, used for selection only):
     tokens  = [A-Za-z]+ | digits (with , or . groups) | % | ² , lower-cased ("10km" -> 10, km; "18%" -> 18, %)
     NUMBER  = a digit token, or one..twenty, dozen(s), hundred(s), thousand(s)
     UNIT    = km, km2/km², kilometre(s)/kilometer(s), mile(s), sq, square, hectare(s), acre(s), metre(s)/meter(s),
               settlement(s), village(s), town(s), locality/localities, percent, "per cent", %
   The sample article (dump `sample`) is not in the draw: it is labelled whole in sample-article.tsv.
3. Repeats. Many leads are repeated word for word under other titles or dates. Of candidate sentences with the
   same text (whitespace collapsed), only the first in (published_date, dump, article_id, field, begin) order is
   kept, so that one repeated sentence cannot fill the set.
4. Order. Both dumps pooled; each candidate's rank is its position when sorted by
   SHA-256("20261125|dump|article_id|field|sentence_begin") (hex, ascending): seed 20261125, language-free.
   Stage 1 labels this order from rank 1 on.
5. Stage 2 (documented in figures/README.md). Advance figures are rare in stage-1 order; stage 2 takes, in the
   same rank order, the candidates BELOW the last stage-1 rank whose sentence also matches ADVANCE_WORDS
   (advance, push, penetrate, move forward, retreat, in their inflections).

Usage (from the worktree root, after `mvn -o -q -DskipTests package`):
  python3 src/quality/draw_figure_sample.py OUTDIR
writes OUTDIR/sentences.jsonl (all sentences), OUTDIR/candidates.jsonl (ranked, with text: NEVER commit it),
and prints counts. The labelled ranks are in src/quality/figures/sentences.tsv (draw_rank, stage).

  python3 src/quality/draw_figure_sample.py --dumps isw-2022,rss-2023 --seed 20261205 OUTDIR
draws the same way from other dumps of FigureCorpus (the sets of new sources, src/quality/figures-isw and
figures-rss: their READMEs say which stages they took). Each candidate also says whether its sentence has advance
words (`advance_words`) or an advance with its depth (`advance_depth`, ADVANCE_DEPTH below), whether its article is war news (`war_news`: CONFLICT_NAMES and MILITARY_WORDS below,
both over its title and text),
and which half of the set its article belongs to: `half` = tuning or blind, from SHA-256("SEED|half|dump|article_id")
(first hex digit even: tuning), so that every sentence of one article falls in the same half.
"""
import hashlib
import json
import os
import re
import subprocess
import sys

SEED = 20261125
MAX_GAP = 6

NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
}
UNIT_WORDS = {
    "km", "km2", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles", "sq", "square",
    "hectare", "hectares", "acre", "acres", "metre", "metres", "meter", "meters",
    "settlement", "settlements", "village", "villages", "town", "towns", "locality", "localities",
    "percent", "%",
}
TOKEN = re.compile(r"[a-z]+|\d+(?:[.,]\d+)*|%|²")
ADVANCE_WORDS = re.compile(
    r"\b(advanc\w*|push\w*|penetrat\w*|mov(?:e|es|ed|ing) forward|retreat\w*)", re.IGNORECASE)
# An advance with its depth in the sentence ("advanced 15-17km", "pushed Russian troops back 40 kilometers", "a depth
# of 12km", "about 60 kilometers deep"): used to pick the advance stratum of isw-2022 (stage 3), where the advance
# words alone (stage 2) mostly find positions ("attempted to advance towards X, 13km southeast of Y").
_DEPTH_NUMBER = r"\d[\d,.]*(?:\s?(?:-|–|to)\s?\d[\d,.]*)?\s?(?:km|kilomet\w+|miles?)\b"
ADVANCE_DEPTH = re.compile(
    r"\b(?:advanc\w*|push\w*|penetrat\w*|retreat\w*|withdr[ae]w\w*|fell back|fall back|moved?|gain\w*|progress\w*|"
    r"breakthrough|broke through)\b(?:\s+[\w'’-]+){0,4}?\s+(?:back\s+|forward\s+|deeper\s+)?(?:(?:up to|about|roughly|"
    r"nearly|some|approximately|at least|more than|over|only about|only|another|a further|around|almost|as much as|"
    r"as far as)\s+)?" + _DEPTH_NUMBER + r"|\b(?:depth|depths) of (?:up to |about |roughly |between )?" + _DEPTH_NUMBER
    + r"|" + _DEPTH_NUMBER + r"\s+(?:deep|into|advance|penetration|push|retreat|further)\b", re.IGNORECASE)
# War news: an article (title and text) that names a place or party of an armed conflict of the time AND speaks of
# military action. Used to pick the war stratum of a general news dump (rss-2023, stage 2).
CONFLICT_NAMES = re.compile(
    r"\b(Ukrain\w*|Russia\w*|Kyiv|Kiev|Moscow|Kremlin|Donbas|Donetsk|Luhansk|Kharkiv|Kherson|Zaporizh\w*|Crimea\w*|"
    r"Bakhmut|Belgorod|Kursk|Sudan\w*|Khartoum|Darfur|Syria\w*|Israel\w*|Gaza|West Bank|Palestin\w*|Lebanon|"
    r"Hezbollah|Yemen\w*|Houthis?|Armenia\w*|Azerbaijan\w*|Karabakh|Myanmar|Ethiopia\w*|Tigray|Somalia\w*|"
    r"al-Shabab|Mali|Burkina Faso|Niger|Congo\w*|M23|Libya\w*|Iraq\w*|Afghanistan|Taliban|Kosovo|Serbia\w*|Wagner)\b")
MILITARY_WORDS = re.compile(
    r"\b(troops|forces|army|military|offensive|counteroffensive|front ?lines?|occup\w+|captur\w+|seiz\w+|"
    r"liberat\w+|retak\w+|recaptur\w+|annex\w*|invasion|invad\w+|shell\w*|artillery|missiles?|drones?|"
    r"airstrikes?|rebels?|militia\w*|fighters|battles?|fighting|clashes|ceasefire|advanc\w+|territory)\b",
    re.IGNORECASE)


def tokens(sentence):
    toks = TOKEN.findall(sentence.lower())
    out = []
    for i, t in enumerate(toks):
        # "per cent" is one unit; "km" followed by "2" or "²" is km2 (the km alone already counts).
        if t == "cent" and i > 0 and toks[i - 1] == "per":
            out[-1] = "percent"
            out.append("")
            continue
        out.append(t)
    return out


def is_candidate(sentence):
    toks = tokens(sentence)
    nums = [i for i, t in enumerate(toks) if t and (t[0].isdigit() or t in NUMBER_WORDS)]
    units = [i for i, t in enumerate(toks) if t in UNIT_WORDS]
    return any(abs(i - j) <= MAX_GAP for i in nums for j in units if i != j)


def rank_key(c, seed=SEED):
    key = f"{seed}|{c['dump']}|{c['article_id']}|{c['field']}|{c['begin']}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def half(dump, article_id, seed):
    digit = hashlib.sha256(f"{seed}|half|{dump}|{article_id}".encode("utf-8")).hexdigest()[0]
    return "tuning" if int(digit, 16) % 2 == 0 else "blind"


def main():
    args = sys.argv[1:]
    dumps, seed = None, SEED
    while len(args) > 1 and args[0].startswith("--"):
        if args[0] == "--dumps":
            dumps = args[1]
        elif args[0] == "--seed":
            seed = int(args[1])
        else:
            sys.exit("unknown option " + args[0])
        args = args[2:]
    if len(args) != 1:
        sys.exit("usage: draw_figure_sample.py [--dumps NAME,...] [--seed N] OUTDIR")
    outdir = args[0]
    os.makedirs(outdir, exist_ok=True)
    sentences_file = os.path.join(outdir, "sentences.jsonl")
    classpath = "target/frontline-0.1.0.jar:target/test-classes:" + open("target/classpath/spark.classpath").read().strip()
    corpus = ["java", "-Xmx12g", "-cp", classpath, "org.frontline.quality.FigureCorpus", "sentences", sentences_file]
    subprocess.run(corpus + (["--dumps", dumps] if dumps else []), check=True, stdout=subprocess.DEVNULL)
    war_articles = set()
    if dumps:
        names, military = set(), set()
        with open(sentences_file, encoding="utf-8") as f:
            for line in f:
                s = json.loads(line)
                key = (s["dump"], s["article_id"])
                if key not in names and CONFLICT_NAMES.search(s["sentence"]):
                    names.add(key)
                if key not in military and MILITARY_WORDS.search(s["sentence"]):
                    military.add(key)
        war_articles = names & military
    cands = []
    with open(sentences_file, encoding="utf-8") as f:
        for line in f:
            s = json.loads(line)
            if s["dump"] != "sample" and is_candidate(s["sentence"]):
                cands.append(s)
    n_all = len(cands)
    cands.sort(key=lambda c: (c["published_date"], c["dump"], c["article_id"], c["field"], c["begin"]))
    seen, unique = set(), []
    for c in cands:
        norm = " ".join(c["sentence"].split())
        if norm not in seen:
            seen.add(norm)
            unique.append(c)
    unique.sort(key=lambda c: rank_key(c, seed))
    with open(os.path.join(outdir, "candidates.jsonl"), "w", encoding="utf-8") as out:
        for r, c in enumerate(unique, 1):
            c["draw_rank"] = r
            c["advance_words"] = bool(ADVANCE_WORDS.search(c["sentence"]))
            c["advance_depth"] = bool(ADVANCE_DEPTH.search(c["sentence"]))
            if dumps:
                c["war_news"] = (c["dump"], c["article_id"]) in war_articles
                c["half"] = half(c["dump"], c["article_id"], seed)
            out.write(json.dumps(c, ensure_ascii=False) + "\n")
    per_dump = {}
    for c in unique:
        per_dump[c["dump"]] = per_dump.get(c["dump"], 0) + 1
    print(f"candidate sentences: {n_all}; after dropping repeated texts: {len(unique)} {per_dump}; "
          f"with advance words: {sum(c['advance_words'] for c in unique)}"
          + (f"; war news: {sum(c['war_news'] for c in unique)}" if dumps else ""))


if __name__ == "__main__":
    main()
