#!/usr/bin/env python3
"""Looks a place up in the project's gazetteer, for labelling region ids by hand (GUIDELINES.md 12.2).

Prints the rows of conf/gazetteer/places.tsv.gz and curated.tsv whose name or alternate names equal NAME
(case-insensitive; a leading "the" and a trailing " region"/" oblast" are also tried), most populous first,
optionally only in COUNTRY_CODE. A labelling aid: it reads the reference data, not the job's resolver.

  python3 src/quality/lookup_place.py "Kharkiv region" UA
  python3 src/quality/lookup_place.py Bakhmut
"""
import gzip
import sys


def rows():
    with gzip.open("conf/gazetteer/places.tsv.gz", "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            yield dict(zip(header, line.rstrip("\n").split("\t")))
    with open("conf/gazetteer/curated.tsv", encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = cells
                continue
            yield dict(zip(header, cells))


def variants(name):
    n = name.strip().lower()
    out = {n}
    if n.startswith("the "):
        out.add(n[4:])
    for suffix in (" region", " oblast", " province"):
        for v in list(out):
            if v.endswith(suffix):
                out.add(v[: -len(suffix)])
    return out


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    wanted = variants(sys.argv[1])
    country = sys.argv[2].upper() if len(sys.argv) == 3 else None
    hits = []
    for r in rows():
        names = {r["name"].lower()} | {a.lower() for a in r.get("alternate_names", "").split("|") if a}
        if names & wanted and (country is None or r["country_code"] == country):
            hits.append(r)
    hits.sort(key=lambda r: -int(r["population"] or 0))
    for r in hits[:15]:
        print(f"{r['id']}\t{r['name']}\t{r['type']}\t{r['country_code']}\tadmin1={r['admin1_code']}\tpop={r['population']}")
    if not hits:
        print("no place of that name: leave region_id empty and give the name (GUIDELINES.md 12.2)")


if __name__ == "__main__":
    main()
