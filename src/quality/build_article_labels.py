#!/usr/bin/env python3
"""Builds a region/actor gold set of new sources (sample.tsv, regions.tsv, actors.tsv) from a draw and its labels.

The labeller writes one file per drawn article, LABELS/NN-<article_id>.tsv, with one line per mention (tabs):
  R  field  surface  nth  region_id  region_name  region_type  country_code
  A  field  surface  nth  actor_name  actor_type  country_code  role
`field` is title or text; `nth` the 1-based occurrence of `surface` (exact, whole word) in that field's labelled
window (the whole title; the text up to draw.tsv's text_end). Lines starting with # are comments; an article with no
mention has a file with comments only. This script turns nth into Java String offsets (Python str offsets are code
points: the texts are checked to hold no character outside the BMP, where the two differ), checks that no two
labels of a table overlap, and writes the set.

  python3 src/quality/build_article_labels.py DRAW_DIR LABELS_DIR ARTICLES.jsonl OUT_SET_DIR
DRAW_DIR is draw_article_sample.py's OUTDIR (draw.tsv), ARTICLES.jsonl FigureCorpus' articles of the dump.
"""
import csv
import json
import os
import re
import sys

REGION_TYPES = {"country", "admin1", "admin2", "city", "other"}
ACTOR_TYPES = {"person", "organization", "force", "media"}


def occurrences(text, surface):
    pat = re.compile(r"(?<![\w])" + re.escape(surface) + r"(?![\w])")
    return [m.start() for m in pat.finditer(text)]


def main():
    draw_dir, labels_dir, articles_file, out = sys.argv[1:5]
    draw = list(csv.DictReader(open(f"{draw_dir}/draw.tsv", encoding="utf-8"), delimiter="\t"))
    wanted = {d["article_id"] for d in draw}
    texts = {}
    for line in open(articles_file, encoding="utf-8"):
        a = json.loads(line)
        if a["article_id"] in wanted:
            texts[a["article_id"]] = a
    files = {f.split("-", 1)[1].rsplit(".", 1)[0]: f for f in os.listdir(labels_dir) if f.endswith(".tsv")}
    errors, regions, actors, sample = [], [], [], []
    for d in draw:
        aid = d["article_id"]
        a = texts[aid]
        if any(ord(c) > 0xFFFF for c in a["title"] + a["text"]):
            errors.append(f"{aid}: a character outside the BMP: offsets would differ from Java's")
        if aid not in files:
            sample.append(dict(d, status="unlabelled", reason="no label file"))
            continue
        window = {"title": a["title"], "text": a["text"][: int(d["text_end"])]}
        spans = {"R": [], "A": []}
        for n, line in enumerate(open(f"{labels_dir}/{files[aid]}", encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            c = line.split("\t")
            where = f"{files[aid]}:{n}"
            if c[0] not in ("R", "A") or len(c) < 8:
                errors.append(f"{where}: expected R or A and 8 columns, got {c}")
                continue
            kind, field, surface, nth = c[0], c[1], c[2], c[3]
            if field not in window:
                errors.append(f"{where}: field {field!r}")
                continue
            occ = occurrences(window[field], surface)
            if not nth.isdigit() or not 1 <= int(nth) <= len(occ):
                errors.append(f"{where}: {surface!r} occurrence {nth} of {len(occ)} in the {field} window")
                continue
            begin = occ[int(nth) - 1]
            end = begin + len(surface)
            for (b, e, s) in spans[kind]:
                if b[0] == field and begin < e and b[1] < end:
                    errors.append(f"{where}: {surface!r} overlaps {s!r}")
            spans[kind].append(((field, begin), end, surface))
            row = {"dump": d["dump"], "article_id": aid, "field": field, "char_begin": begin, "char_end": end,
                   "surface": surface}
            if kind == "R":
                if c[6] not in REGION_TYPES:
                    errors.append(f"{where}: region type {c[6]!r}")
                regions.append(dict(row, region_id=c[4], region_name=c[5], region_type=c[6], country_code=c[7]))
            else:
                if c[5] not in ACTOR_TYPES:
                    errors.append(f"{where}: actor type {c[5]!r}")
                actors.append(dict(row, actor_name=c[4], actor_type=c[5], country_code=c[6],
                                   role=c[8] if len(c) > 8 else ""))
        sample.append(dict(d, status="labelled", reason=""))
    for e in errors:
        print("ERROR " + e, file=sys.stderr)
    if errors:
        sys.exit(1)
    os.makedirs(out, exist_ok=True)
    key = lambda r: ([d["article_id"] for d in draw].index(r["article_id"]), r["field"] != "title", r["char_begin"])
    for name, rows, cols in [
        ("sample.tsv", sample, ["dump", "article_id", "drawn_rank", "stage", "half", "text_end", "text_length", "status", "reason"]),
        ("regions.tsv", sorted(regions, key=key), ["dump", "article_id", "field", "char_begin", "char_end", "surface",
                                                   "region_id", "region_name", "region_type", "country_code"]),
        ("actors.tsv", sorted(actors, key=key), ["dump", "article_id", "field", "char_begin", "char_end", "surface",
                                                 "actor_name", "actor_type", "country_code", "role"])]:
        with open(f"{out}/{name}", "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=cols, delimiter="\t", lineterminator="\n", extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)
    halves = {}
    for d in sample:
        if d["status"] == "labelled":
            halves[d["half"]] = halves.get(d["half"], 0) + 1
    print(f"{out}: {sum(1 for s in sample if s['status'] == 'labelled')} articles labelled {halves}, "
          f"{len(regions)} regions, {len(actors)} actors")


if __name__ == "__main__":
    main()
