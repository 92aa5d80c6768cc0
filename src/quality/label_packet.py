#!/usr/bin/env python3
"""Writes a labelling packet: candidate sentences of a draw with the context a labeller needs (GUIDELINES.md 12).

For each candidate: its rank, dump, article id, date, source, field, the sentence, and its article's context — the
title, the 3 sentences before it and the one after it in the same field (for a title: the start of the text), and,
for a long article, the nearest preceding short line that looks like a section heading. The packet holds article
text: write it OUTSIDE the repository (licences: shared/data/README.md) and never commit it.

  python3 src/quality/label_packet.py DRAW_DIR --ranks 1-120 > /tmp/packet.txt
  python3 src/quality/label_packet.py DRAW_DIR --after 120 --only advance_words --count 150  # a stratum > /tmp/packet2.txt
DRAW_DIR is the OUTDIR of draw_figure_sample.py (candidates.jsonl, sentences.jsonl).
"""
import argparse
import json


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("draw")
    ap.add_argument("--ranks", help="a-b: these ranks, every one")
    ap.add_argument("--after", type=int, default=0, help="with --only: ranks after this one")
    ap.add_argument("--only", help="a candidate flag (advance_words, advance_depth, war_news): only candidates that have it")
    ap.add_argument("--count", type=int, default=100, help="with --only: this many candidates")
    a = ap.parse_args()
    cands = [json.loads(l) for l in open(f"{a.draw}/candidates.jsonl", encoding="utf-8")]
    if a.ranks:
        lo, hi = map(int, a.ranks.split("-"))
        chosen = [c for c in cands if lo <= c["draw_rank"] <= hi]
    else:
        chosen = [c for c in cands if c["draw_rank"] > a.after and c.get(a.only)][: a.count]
    wanted = {(c["dump"], c["article_id"]) for c in chosen}
    by_article = {}
    for line in open(f"{a.draw}/sentences.jsonl", encoding="utf-8"):
        s = json.loads(line)
        key = (s["dump"], s["article_id"])
        if key in wanted:
            by_article.setdefault(key, []).append(s)
    for c in chosen:
        sents = by_article[(c["dump"], c["article_id"])]
        title = " ".join(s["sentence"] for s in sents if s["field"] == "title")
        text = [s for s in sents if s["field"] == "text"]
        same = [s for s in sents if s["field"] == c["field"]]
        i = next(k for k, s in enumerate(same) if s["begin"] == c["begin"])
        heading = ""
        if c["field"] == "text" and len(text) > 40:
            for s in reversed(same[:i]):
                if len(s["sentence"]) < 70 and not s["sentence"].rstrip().endswith((".", "]")):
                    heading = s["sentence"]
                    break
        short = sum(len(s["sentence"]) for s in text) < 1500  # a lead: show it whole
        before = same[max(0, i - 3):i] if c["field"] == "text" and not short else same[:i] if c["field"] == "text" else []
        after = (same[i + 1:] if short else same[i + 1:i + 2]) if c["field"] == "text" else text if short else text[:3]
        print(f"=== RANK {c['draw_rank']} | {c['dump']} | {c['article_id']} | {c['published_date']} | source={c.get('source')} | field={c['field']}")
        print(f"TITLE: {title}")
        if heading:
            print(f"SECTION: {heading}")
        for s in before:
            print(f"  before: {s['sentence']}")
        print(f">> SENTENCE: {c['sentence']}")
        for s in after:
            print(f"  {'after' if c['field'] == 'text' else 'text'}: {s['sentence']}")
        print()


if __name__ == "__main__":
    main()
