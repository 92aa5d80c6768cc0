#!/usr/bin/env python3
"""Draw the articles of the region/actor gold sets of new sources (src/quality/regions-actors-rss, -isw; issue #11).

Reproducible: same data, same jar, same seed -> same draw. Not part of the job, not a test.

Steps
1. Articles. `org.frontline.quality.FigureCorpus articles OUT --dumps rss-2023` (or isw-2022) writes every article
   as the job ingests it (its own reader, field mapping, TextCleaner, ids, quarantine dropped, one copy per content
   hash; rss-2023: English items only). Offsets below are Java String offsets into those cleaned fields.
2. Order. Rank = position when sorted by SHA-256("SEED|regions-actors|dump|article_id") (hex, ascending).
3. Halves. SHA-256("SEED|half|dump|article_id"), first hex digit even -> tuning, odd -> blind: the function of the
   figure sets of new sources, so an article is in the same half in every set of this seed.
4. Strata (rss-2023 only). Stage 1: the first articles in rank order (world news at random). Stage 2: the next
   articles in rank order that are war news (CONFLICT_NAMES and MILITARY_WORDS of draw_figure_sample.py over title
   and text): the war reporting the issue's errors come from. isw-2022 has one stage (pages in rank order).
5. Window. The title is labelled whole; the text from 0 to `text_end`: all of it when it is at most --window
   characters, else up to the last paragraph break (else sentence end) before that many characters. The scorer
   ignores predictions in the text beyond `text_end` (long pages: the labelling cost stays bounded).

Usage (from the repository root, after `mvn -o -q -DskipTests package`):
  python3 src/quality/draw_article_sample.py ARTICLES.jsonl --dump rss-2023 --stage1 30 --stage2 30 --window 2500 OUTDIR
  python3 src/quality/draw_article_sample.py ARTICLES.jsonl --dump isw-2022 --stage1 12 --window 4000 OUTDIR
writes OUTDIR/draw.tsv (the sample.tsv rows before labelling) and OUTDIR/packets/NN-<article_id>.txt (the texts to
label, with their windows: article text, NEVER commit them).
"""
import argparse
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from draw_figure_sample import CONFLICT_NAMES, MILITARY_WORDS  # noqa: E402

SEED = 20261205


def sha(s):
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


def half(dump, article_id):
    return "tuning" if int(sha(f"{SEED}|half|{dump}|{article_id}")[0], 16) % 2 == 0 else "blind"


def war_news(a):
    whole = a["title"] + "\n" + a["text"]
    return bool(CONFLICT_NAMES.search(whole) and MILITARY_WORDS.search(whole))


def window_end(text, window):
    if len(text) <= window:
        return len(text)
    cut = text.rfind("\n", 0, window)
    if cut < window // 2:
        cut = max(text.rfind(". ", 0, window) + 1, text.rfind("? ", 0, window) + 1)
    return cut if cut > 0 else window


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("articles")
    ap.add_argument("--dump", required=True)
    ap.add_argument("--stage1", type=int, required=True)
    ap.add_argument("--stage2", type=int, default=0)
    ap.add_argument("--window", type=int, required=True)
    ap.add_argument("out")
    a = ap.parse_args()
    arts = [json.loads(l) for l in open(a.articles, encoding="utf-8")]
    arts = [x for x in arts if x["dump"] == a.dump and (x["title"] or x["text"])]
    arts.sort(key=lambda x: sha(f"{SEED}|regions-actors|{x['dump']}|{x['article_id']}"))
    chosen = []
    for rank, x in enumerate(arts, 1):
        if len(chosen) < a.stage1:
            chosen.append((1, rank, x))
        elif len(chosen) < a.stage1 + a.stage2 and war_news(x):
            chosen.append((2, rank, x))
        if len(chosen) == a.stage1 + a.stage2:
            break
    os.makedirs(f"{a.out}/packets", exist_ok=True)
    with open(f"{a.out}/draw.tsv", "w", encoding="utf-8") as w:
        w.write("dump\tarticle_id\tdrawn_rank\tstage\thalf\ttext_end\ttext_length\n")
        for i, (stage, rank, x) in enumerate(chosen, 1):
            end = window_end(x["text"], a.window)
            w.write(f"{x['dump']}\t{x['article_id']}\t{rank}\t{stage}\t{half(x['dump'], x['article_id'])}\t{end}\t{len(x['text'])}\n")
            with open(f"{a.out}/packets/{i:02d}-{x['article_id']}.txt", "w", encoding="utf-8") as p:
                p.write(f"# {x['dump']} {x['article_id']} rank {rank} stage {stage} date {x.get('published_date', '')}\n")
                p.write(f"# labelled: the whole TITLE, and TEXT characters 0..{end} (of {len(x['text'])})\n")
                p.write("=== TITLE\n" + x["title"] + "\n=== TEXT\n" + x["text"][:end] + "\n=== END\n")
    print(f"{a.dump}: {len(arts)} articles, {len(chosen)} drawn "
          f"({sum(1 for c in chosen if c[0] == 1)} stage 1, {sum(1 for c in chosen if c[0] == 2)} stage 2)")


if __name__ == "__main__":
    main()
