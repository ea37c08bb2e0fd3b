#!/usr/bin/env python3
"""Regenerates procedures.tsv from the seed catalogue, so tests run on real names without reading shared data.

Usage: python3 make-fixture.py /path/to/procedures.json > procedures.tsv
One procedure a line: code, name, field, then keywords (result documents and agencies), tab-separated.
"""
import json
import sys


def clean(text):
    # Tabs and line breaks are the file's separators; the source has none in these columns, but be safe.
    return " ".join((text or "").split())


def main(path):
    procedures = json.load(open(path, encoding="utf-8"))
    for p in procedures:
        keywords = [r["name"] for r in (p.get("result") or [])]
        keywords += p.get("implementing_agency") or []
        columns = [p["code"], p["name"], p["field"]] + keywords
        print("\t".join(clean(c) for c in columns if clean(c)))


if __name__ == "__main__":
    main(sys.argv[1])
