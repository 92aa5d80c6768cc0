#!/usr/bin/env python3
"""Builds sentences.tsv and figures.tsv of the figure gold set from the hand-written labels.

The labels were decided by reading (src/quality/figures/GUIDELINES.md) and written in
src/quality/figures/labels.txt; this script only does bookkeeping: it finds each figure's surface in its
sentence (offsets into the cleaned field), applies the unit conversions of FIGURES.md to the values as labelled,
resolves the period shorthands against the article's date, and writes the TSVs. It runs no extraction.

labels.txt, one directive a line ('#' starts a comment):
  STAGE 1 | 2                       the stage of the ranks declared after it
  RANKS a-b [a-b ...] | RANKS n ...  candidate ranks labelled (read in full); a rank with no F line is a negative
  F rank | surface[@k] | value unit | qualifier | kind | actor | region_name | region_id | claimant | start | end | note
      [| region_also_id]  (sets of GUIDELINES.md 12 only: other region ids that are also right, "; "-separated)
      surface: the figure as written; @k = its k-th occurrence in the sentence (required when it occurs twice)
      value: plain numbers ("60", "2100000"), ".." between min and max ("10..15")
      unit: km km2 count percent | mile sqmile hectare acre m m2 sqft (converted to km / km2)
      start, end: ISO date, or D (the article's published_date), D-N (N days before), empty
  SAMPLE ...                         same fields as F without the rank, for the sample article (sample-article.tsv)

Usage: python3 src/quality/build_figure_labels.py [--gold DIR] [--first-rank N --exclude DIR] CANDIDATES.jsonl SENTENCES.jsonl
       (the two files draw_figure_sample.py writes; they hold text and stay outside the repository)
  --gold DIR        the gold folder whose labels.txt is read and whose TSVs are written (default src/quality/figures);
                    sample-article.tsv is written only for the default folder or when labels.txt has SAMPLE lines
  --first-rank N    (held-out sets) check that the ranks declared are exactly the first ones from rank N on, in rank
  --exclude DIR     order with none left out, skipping only the ranks already in DIR/sentences.tsv
                    (e.g. --gold src/quality/figures-heldout --first-rank 837 --exclude src/quality/figures)
"""
import argparse
import csv
import datetime as dt
import json
import os
import sys

HERE = "src/quality/figures/"
UNIT = {  # unit -> (quantity, normalized_unit, factor)
    "km": ("distance", "km", 1.0), "mile": ("distance", "km", 1.609344), "m": ("distance", "km", 0.001),
    "km2": ("area", "km2", 1.0), "sqmile": ("area", "km2", 2.589988), "hectare": ("area", "km2", 0.01),
    "acre": ("area", "km2", 0.004046856), "m2": ("area", "km2", 1e-6), "sqft": ("area", "km2", 0.09290304e-6),
    "count": ("settlements", "count", 1.0), "percent": ("share", "percent", 1.0),
}
QUALIFIERS = {"exact", "approx", "at_least", "at_most"}
KINDS = {"control", "advance", "distance", "other"}

FIG_COLS = ["dump", "article_id", "field", "char_begin", "char_end", "surface", "quantity", "value_min",
            "value_max", "normalized_unit", "qualifier", "kind", "actor_name", "region_name", "region_id",
            "claimant_name", "period_start", "period_end", "draw_rank", "stage", "note"]
SENT_COLS = ["dump", "article_id", "published_date", "field", "sentence_begin", "sentence_end", "draw_rank",
             "stage", "n_figures"]


def fmt(x):
    s = f"{round(x, 6):.6f}".rstrip("0").rstrip(".")
    return s


def date_of(spec, published):
    spec = spec.strip()
    if not spec:
        return ""
    if spec == "D":
        return published
    if spec.startswith("D-"):
        return (dt.date.fromisoformat(published) - dt.timedelta(days=int(spec[2:]))).isoformat()
    return dt.date.fromisoformat(spec).isoformat()


def figure_row(fields, sentence, where):
    """fields: surface, value unit, qualifier, kind, actor, region_name, region_id, claimant, start, end, note[, also]."""
    fields = [f.strip() for f in fields] + [""] * (12 - len(fields))
    surface, value, qualifier, kind, actor, rname, rid, claimant, start, end, note, also = fields[:12]
    occ = 1
    explicit = "@" in surface
    if explicit:
        surface, k = surface.rsplit("@", 1)
        occ = int(k)
    text = sentence["sentence"]
    pos = -1
    for _ in range(occ):
        pos = text.find(surface, pos + 1)
        if pos < 0:
            raise SystemExit(f"{where}: surface {surface!r} (occurrence {occ}) not in sentence: {text}")
    if occ == 1 and not explicit and text.find(surface, pos + 1) >= 0:
        raise SystemExit(f"{where}: surface {surface!r} occurs more than once: give @k")
    nums, unit = value.split()
    lo, _, hi = nums.partition("..")
    hi = hi or lo
    quantity, nunit, factor = UNIT[unit]
    if qualifier not in QUALIFIERS or kind not in KINDS:
        raise SystemExit(f"{where}: bad qualifier/kind {qualifier}/{kind}")
    for ids in (rid, also):
        if ids and any(i.split(":")[0] not in {"country", "admin1", "admin2", "geonames", "other"} for i in ids.split("; ")):
            raise SystemExit(f"{where}: bad region id {ids}")
    pub = sentence["published_date"]
    begin = sentence["begin"] + pos
    return {
        "dump": sentence["dump"], "article_id": sentence["article_id"], "field": sentence["field"],
        "char_begin": begin, "char_end": begin + len(surface), "surface": surface, "quantity": quantity,
        "value_min": fmt(float(lo) * factor), "value_max": fmt(float(hi) * factor), "normalized_unit": nunit,
        "qualifier": qualifier, "kind": kind, "actor_name": actor, "region_name": rname, "region_id": rid,
        "claimant_name": claimant, "period_start": date_of(start, pub), "period_end": date_of(end, pub),
        "note": note, "region_also_id": also,
    }


def write_tsv(path, cols, rows):
    with open(path, "w", encoding="utf-8") as out:
        out.write("\t".join(cols) + "\n")
        for r in rows:
            vals = [str(r.get(c, "")) for c in cols]
            assert not any("\t" in v or "\n" in v for v in vals), vals
            out.write("\t".join(vals) + "\n")


def main():
    global HERE
    ap = argparse.ArgumentParser(description="Builds the TSVs of a figure gold set from its labels.txt.")
    ap.add_argument("--gold", default=HERE, help="the gold folder (default %(default)s)")
    ap.add_argument("--first-rank", type=int, help="first rank of a held-out continuation of the draw")
    ap.add_argument("--exclude", help="gold folder whose labelled ranks the continuation skips")
    ap.add_argument("candidates")
    ap.add_argument("sentences")
    args = ap.parse_args()
    default_gold = os.path.normpath(args.gold) == os.path.normpath(HERE)
    HERE = os.path.join(args.gold, "")
    cand_file, sent_file = args.candidates, args.sentences
    by_rank = {}
    with open(cand_file, encoding="utf-8") as f:
        for line in f:
            c = json.loads(line)
            by_rank[c["draw_rank"]] = c
    sample_sentences = []
    with open(sent_file, encoding="utf-8") as f:
        for line in f:
            s = json.loads(line)
            if s["dump"] == "sample":
                sample_sentences.append(s)
    stage, ranks, figs, sample = None, {}, {}, []
    with open(HERE + "labels.txt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = f"labels.txt:{n}"
            head, _, rest = line.partition(" ")
            if head == "STAGE":
                stage = int(rest)
            elif head == "RANKS":
                for part in rest.split():
                    a, _, b = part.partition("-")
                    for r in range(int(a), int(b or a) + 1):
                        if r in ranks:
                            raise SystemExit(f"{where}: rank {r} declared twice")
                        ranks[r] = stage
            elif head == "F":
                parts = rest.split("|")
                r = int(parts[0])
                if r not in ranks:
                    raise SystemExit(f"{where}: rank {r} not declared in RANKS")
                row = figure_row(parts[1:], by_rank[r], where)
                row["draw_rank"], row["stage"] = r, ranks[r]
                figs.setdefault(r, []).append(row)
            elif head == "SAMPLE":
                parts = rest.split("|")
                surface = parts[0].strip().split("@")[0]
                hits = [s for s in sample_sentences if surface in s["sentence"]]
                if len(hits) != 1:
                    raise SystemExit(f"{where}: sample surface {surface!r} in {len(hits)} sentences")
                row = figure_row(parts, hits[0], where)
                sample.append(row)
            else:
                raise SystemExit(f"{where}: unknown directive {head}")
    if args.first_rank is not None:
        check_continuation(ranks, args.first_rank, args.exclude, by_rank)
    sentences, figure_rows = [], []
    for r in sorted(ranks, key=lambda r: (ranks[r], r)):
        c = by_rank[r]
        rows = sorted(figs.get(r, []), key=lambda x: x["char_begin"])
        sentences.append({"dump": c["dump"], "article_id": c["article_id"], "published_date": c["published_date"],
                          "field": c["field"], "sentence_begin": c["begin"], "sentence_end": c["end"],
                          "draw_rank": r, "stage": ranks[r], "n_figures": len(rows), "half": c.get("half", "")})
        figure_rows.extend(rows)
    # The sets of new sources (GUIDELINES.md 12) are split into halves and may list other right regions.
    halves = any(c.get("half") for c in by_rank.values())
    write_tsv(HERE + "sentences.tsv", SENT_COLS + (["half"] if halves else []), sentences)
    write_tsv(HERE + "figures.tsv", FIG_COLS + (["region_also_id"] if halves else []), figure_rows)
    if default_gold or sample:
        sample_cols = [c for c in FIG_COLS if c not in ("draw_rank", "stage")]
        write_tsv(HERE + "sample-article.tsv", sample_cols, sorted(sample, key=lambda x: x["char_begin"]))
    print(f"{len(sentences)} sentences ({sum(1 for s in sentences if s['n_figures'] == 0)} negatives), "
          f"{len(figure_rows)} figures, {len(sample)} sample-article figures")
    stats(sentences, figure_rows)


def check_continuation(ranks, first, exclude_dir, by_rank):
    """A held-out continuation takes every rank from `first` on, in order, skipping only ranks labelled elsewhere."""
    taken = set()
    if exclude_dir:
        with open(os.path.join(exclude_dir, "sentences.tsv"), encoding="utf-8") as f:
            taken = {int(r["draw_rank"]) for r in csv.DictReader(f, delimiter="\t")}
    expected = [r for r in sorted(by_rank) if r >= first and r not in taken][:len(ranks)]
    if sorted(ranks) != expected:
        raise SystemExit(f"ranks declared are not the first {len(ranks)} ranks from {first} on without "
                         f"{sorted(taken & set(range(first, max(ranks) + 1)))}: missing "
                         f"{sorted(set(expected) - set(ranks))}, extra {sorted(set(ranks) - set(expected))}")
    print(f"continuation: ranks {min(ranks)}-{max(ranks)} ({len(ranks)} sentences), every rank from {first} on "
          f"except {sorted(taken & set(range(first, max(ranks) + 1)))} (labelled in {exclude_dir})")


def stats(sentences, figs):
    """Counts for README.md, per stage and in total."""
    from collections import Counter
    halves = ("tuning", "blind") if any(s["half"] for s in sentences) else ()
    half_of = {(s["dump"], s["article_id"]): s["half"] for s in sentences}
    stages = tuple(sorted({s["stage"] for s in sentences}))
    for stage in stages + (None,) + halves:
        in_stage = (lambda x: True) if stage is None else (lambda x: x["stage"] == stage) if stage in stages \
            else (lambda x: half_of[(x["dump"], x["article_id"])] == stage)
        ss = [s for s in sentences if in_stage(s)]
        ff = [f for f in figs if in_stage(f)]
        name = f"stage {stage}" if stage in stages else f"{stage} half" if stage else "total"
        dumps = Counter(s["dump"] for s in ss)
        print(f"{name}: sentences {len(ss)} {dict(sorted(dumps.items()))}, negatives "
              f"{sum(1 for s in ss if s['n_figures'] == 0)}, figures {len(ff)}")
        for col in ("quantity", "kind", "qualifier", "field"):
            print(f"  {col}: {dict(sorted(Counter(f[col] for f in ff).items()))}")
        print("  kind x quantity: " + ", ".join(f"{k}/{q} {n}" for (k, q), n in
                                               sorted(Counter((f['kind'], f['quantity']) for f in ff).items())))
        print(f"  with actor {sum(1 for f in ff if f['actor_name'])}, region {sum(1 for f in ff if f['region_name'])}"
              f" (id {sum(1 for f in ff if f['region_id'])}), claimant {sum(1 for f in ff if f['claimant_name'])}, "
              f"period {sum(1 for f in ff if f['period_start'])}")


if __name__ == "__main__":
    main()
