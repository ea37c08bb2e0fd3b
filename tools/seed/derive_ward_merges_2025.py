#!/usr/bin/env python3
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Derive Hanoi's 1 January 2025 ward mergers (Resolution 1286/NQ-UBTVQH15).

Compares the GSO ward lists before and after 1 January 2025 that are kept as seed data
(src/MotCua.Web/Seed/units/) and writes hanoi-ward-merges-2025-01-01.csv next to them.

For every ward code that disappears, the successor is the surviving ward of the same district
found by the first rule that gives exactly one answer:

  name                   the closed ward's name is part of a renamed ward's new name
                         ("Quốc Tử Giám" -> "Văn Miếu - Quốc Tử Giám", "Xuân Dương" -> "Cao Xuân Dương").
  syllables              the closed ward shares a syllable with what a renamed ward's new name
                         gained over its old name ("Phú Thị" -> Kim Sơn renamed "Phú Sơn").
  resolution-knowledge   the hand-written OVERRIDES table below (recollection of the resolution,
                         with a confidence for each row).
  third-party-list       the hand-written OVERRIDES table, where the answer comes from a
                         third-party list rather than from recollection.
  fallback-nearest-code  the surviving ward of the district whose code is numerically nearest
                         (ties: the lower code). Printed as a warning; none is used today.

Renamed wards (same code, new name) get a `renamed` row (method `code`), and surviving wards
that kept their name but absorbed others get a `kept` row whose method is the least certain
method among the rows it absorbed.

Usage: python3 tools/seed/derive_ward_merges_2025.py [--check]
  --check  do not write; exit 1 if the file on disk differs from what would be written.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "src" / "MotCua.Web" / "Seed" / "units"
BEFORE = SEED / "hanoi-units-until-2024-12-31.csv"
AFTER = SEED / "hanoi-units-2025-01-01-to-2025-06-30.csv"
OUTPUT = SEED / "hanoi-ward-merges-2025-01-01.csv"

COLUMNS = ["old_code", "old_name", "district_code", "new_code", "new_name", "change", "method"]

# Least certain last. Used to order methods and to give a `kept` row the weakest method.
METHOD_RANK = {
    "code": 0,
    "name": 1,
    "syllables": 2,
    "resolution-knowledge": 3,
    "third-party-list": 4,
    "fallback-nearest-code": 5,
}

# Closed ward -> (successor code, method, confidence, reason). Only for wards that the name and
# syllable rules cannot place. Confidence is the author's own estimate; none of these rows is
# checked against the text of Resolution 1286/NQ-UBTVQH15, which is not in the repository.
# "July mapping" = hanoi-ward-mapping-2025-07-01.csv, which shows where each 2025 ward went on
# 1 July 2025 and so whether a choice is at least geographically consistent.
OVERRIDES: dict[str, tuple[str, str, str, str]] = {
    # Quận Ba Đình
    "00010": ("00004", "resolution-knowledge", "medium-high",
              "Nguyễn Trung Trực merged into Trúc Bạch."),
    # Quận Long Biên
    "00142": ("00151", "resolution-knowledge", "medium",
              "Sài Đồng merged into Phúc Đồng; consistent with the July mapping, where "
              "Phúc Đồng is split between Long Biên, Bồ Đề, Việt Hưng and Phúc Lợi."),
    # Quận Đống Đa
    "00211": ("00202", "resolution-knowledge", "medium",
              "Trung Phụng merged into Khâm Thiên."),
    # Quận Hai Bà Trưng
    "00265": ("00259", "resolution-knowledge", "low",
              "Đống Mác merged into Đồng Nhân (possibly with a part to Thanh Lương)."),
    "00274": ("00277", "resolution-knowledge", "low",
              "Cầu Dền merged into Bách Khoa (possibly with parts to Thanh Nhàn / Lê Đại Hành)."),
    # Quận Thanh Xuân
    "00370": ("00367", "resolution-knowledge", "medium",
              "Thanh Xuân Nam merged into Thanh Xuân Bắc; consistent with the July mapping "
              "(Thanh Xuân Bắc partly to Thanh Liệt, which borders the old Thanh Xuân Nam)."),
    # Huyện Gia Lâm
    "00538": ("00541", "resolution-knowledge", "medium",
              "Đình Xuyên and Dương Hà formed Thiên Đức (Dương Hà's code kept); Thiên Đức "
              "must absorb someone and Đình Xuyên is the neighbour."),
    "00547": ("00544", "resolution-knowledge", "low",
              "Trung Mầu merged into Phù Đổng (its neighbour on the Đuống)."),
    "00574": ("00583", "resolution-knowledge", "medium",
              "Đông Dư merged into Bát Tràng; the July mapping sends part of Bát Tràng to "
              "phường Long Biên, which only the old Đông Dư area borders."),
    # Huyện Mê Linh
    "09001": ("09007", "resolution-knowledge", "medium",
              "Vạn Yên merged into Tiến Thịnh."),
    # Quận Hà Đông
    "09547": ("09538", "resolution-knowledge", "medium",
              "Nguyễn Trãi, Quang Trung and Yết Kiêu formed Quang Trung (Nguyễn Trãi's code)."),
    # Thị xã Sơn Tây
    "09583": ("09574", "resolution-knowledge", "medium",
              "Lê Lợi, Ngô Quyền and Quang Trung formed Ngô Quyền (Lê Lợi's code)."),
    # Huyện Ba Vì
    "09637": ("09646", "resolution-knowledge", "low",
              "Phú Phương, Tản Hồng and Châu Sơn formed Phú Hồng."),
    # Huyện Quốc Oai
    "09937": ("09934", "resolution-knowledge", "medium",
              "Tân Phú, Đại Thành and Tân Hòa formed Hưng Đạo (Tân Phú's code)."),
    "09946": ("09934", "resolution-knowledge", "medium",
              "Tân Phú, Đại Thành and Tân Hòa formed Hưng Đạo (Tân Phú's code)."),
    # Huyện Thạch Thất
    "09979": ("09973", "resolution-knowledge", "medium",
              "Dị Nậu went with Canh Nậu into Lam Sơn (Canh Nậu's code)."),
    "09994": ("10006", "resolution-knowledge", "low",
              "Hữu Bằng went with Bình Phú into Quang Trung (Bình Phú's code); Quang Trung "
              "must absorb someone and the other two closed wards are placed in Lam Sơn."),
    # Huyện Thường Tín
    "10228": ("10237", "third-party-list", "low",
              "Thư Phú -> Chương Dương, as in a public address-normalisation table found "
              "through a code-search index (repository not identifiable); that table agrees "
              "with this file on the 11 other Hanoi rows it has."),
    # Huyện Phú Xuyên
    "10288": ("10291", "resolution-knowledge", "low",
              "Tri Trung went with Đại Thắng and Văn Hoàng into Văn Hoàng (Đại Thắng's code)."),
}

# Old and new Vietnamese spellings put the tone mark on different vowels ("Hoà" / "Hòa").
_TONE_ENDINGS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}


def syllable(word: str) -> str:
    s = unicodedata.normalize("NFC", word.lower())
    ending = s[-2:]
    if ending in _TONE_ENDINGS and not s[:-2].endswith("q"):
        s = s[:-2] + _TONE_ENDINGS[ending]
    return s


def syllables(name: str) -> list[str]:
    return [syllable(w) for w in name.replace("-", " ").split()]


def contains_run(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def read_units(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return {row["code"]: row for row in csv.DictReader(f)}


def derive() -> tuple[list[dict[str, str]], list[str], list[str]]:
    before = read_units(BEFORE)
    after = read_units(AFTER)
    log: list[str] = []
    errors: list[str] = []

    old_wards = {c: r for c, r in before.items() if r["level"] == "ward"}
    new_wards = {c: r for c, r in after.items() if r["level"] == "ward"}
    added = sorted(set(new_wards) - set(old_wards))
    if added:
        errors.append(f"codes that appear only after 2025-01-01 (not handled): {added}")
    for code in sorted(set(old_wards) & set(new_wards)):
        if old_wards[code]["parent_code"] != new_wards[code]["parent_code"]:
            errors.append(f"{code} changed district; not handled")

    closed = sorted(set(old_wards) - set(new_wards))
    renamed = sorted(c for c in set(old_wards) & set(new_wards)
                     if old_wards[c]["name"] != new_wards[c]["name"])

    merged_rows: list[dict[str, str]] = []
    for code in closed:
        old = old_wards[code]
        district = old["parent_code"]
        survivors = sorted(c for c, r in new_wards.items() if r["parent_code"] == district)
        district_renamed = [c for c in renamed if new_wards[c]["parent_code"] == district]
        old_syl = syllables(old["short_name"])

        auto: tuple[str, str] | None = None
        by_name = [c for c in district_renamed
                   if contains_run(syllables(new_wards[c]["short_name"]), old_syl)]
        if len(by_name) == 1:
            auto = (by_name[0], "name")
        elif len(by_name) > 1:
            log.append(f"  {code} {old['short_name']}: name rule ambiguous {by_name}")
        if auto is None:
            by_syl = []
            for c in district_renamed:
                gained = set(syllables(new_wards[c]["short_name"])) \
                    - set(syllables(old_wards[c]["short_name"]))
                if gained & set(old_syl):
                    by_syl.append(c)
            if len(by_syl) == 1:
                auto = (by_syl[0], "syllables")
            elif len(by_syl) > 1:
                log.append(f"  {code} {old['short_name']}: syllable rule ambiguous {by_syl}")

        override = OVERRIDES.get(code)
        if auto and override and override[0] != auto[0]:
            errors.append(f"{code}: override says {override[0]} but rule '{auto[1]}' says {auto[0]}")
        if auto:
            successor, method = auto
        elif override:
            successor, method = override[0], override[1]
        else:
            successor = min(survivors, key=lambda c: (abs(int(c) - int(code)), int(c)))
            method = "fallback-nearest-code"
            log.append(f"  WARNING {code} {old['short_name']}: fallback to nearest code {successor}")

        if successor not in new_wards or new_wards[successor]["parent_code"] != district:
            errors.append(f"{code}: successor {successor} is not a 2025 ward of district {district}")
            continue
        merged_rows.append({
            "old_code": code,
            "old_name": old["name"],
            "district_code": district,
            "new_code": successor,
            "new_name": new_wards[successor]["name"],
            "change": "merged",
            "method": method,
        })

    unused = sorted(set(OVERRIDES) - set(closed))
    if unused:
        errors.append(f"override rows for codes that did not close: {unused}")

    absorbed: dict[str, list[dict[str, str]]] = {}
    for row in merged_rows:
        absorbed.setdefault(row["new_code"], []).append(row)

    def weakest(rows: list[dict[str, str]]) -> str:
        return max((r["method"] for r in rows), key=METHOD_RANK.__getitem__)

    other_rows: list[dict[str, str]] = []
    for code in renamed:
        other_rows.append({
            "old_code": code,
            "old_name": old_wards[code]["name"],
            "district_code": old_wards[code]["parent_code"],
            "new_code": code,
            "new_name": new_wards[code]["name"],
            "change": "renamed",
            "method": "code",
        })
        if code not in absorbed:
            log.append(f"  NOTE renamed ward {code} {new_wards[code]['short_name']} absorbed nothing")
    for code, rows in absorbed.items():
        if code in renamed:
            continue
        other_rows.append({
            "old_code": code,
            "old_name": old_wards[code]["name"],
            "district_code": old_wards[code]["parent_code"],
            "new_code": code,
            "new_name": new_wards[code]["name"],
            "change": "kept",
            "method": weakest(rows),
        })

    change_order = {"kept": 0, "renamed": 0, "merged": 1}
    rows = sorted(merged_rows + other_rows,
                  key=lambda r: (r["district_code"], r["new_code"],
                                 change_order[r["change"]], r["old_code"]))
    log.insert(0, f"closed: {len(closed)}, renamed: {len(renamed)}, "
                  f"kept with absorption: {sum(1 for r in other_rows if r['change'] == 'kept')}")
    return rows, log, errors


def confidence(row: dict[str, str], rows: list[dict[str, str]]) -> str:
    """Confidence of a merged row: overrides carry their own; `name` is certain; `syllables` is
    high when every syllable the successor's name gained comes from a ward it absorbed, and
    medium when the new name is partly invented (then the shared syllable may be chance)."""
    if row["old_code"] in OVERRIDES:
        return OVERRIDES[row["old_code"]][2]
    if row["method"] == "name":
        return "certain"
    if row["method"] == "syllables":
        successor = [r for r in rows if r["old_code"] == row["new_code"] and r["change"] == "renamed"][0]
        gained = set(syllables(successor["new_name"])) - set(syllables(successor["old_name"]))
        sources: set[str] = set()
        for r in rows:
            if r["change"] == "merged" and r["new_code"] == row["new_code"]:
                sources |= set(syllables(r["old_name"]))
        return "high" if gained <= sources else "medium"
    return "low"


def render(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return unicodedata.normalize("NFC", buf.getvalue())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the file on disk differs from the derivation")
    args = parser.parse_args()

    rows, log, errors = derive()
    for line in log:
        print(line)
    if errors:
        for e in errors:
            print(f"ERROR {e}", file=sys.stderr)
        return 1

    text = render(rows)
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date; run without --check", file=sys.stderr)
            return 1
        print(f"{OUTPUT.relative_to(ROOT)} is up to date")
    else:
        OUTPUT.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(rows)} rows)")

    merged = [r for r in rows if r["change"] == "merged"]
    print(f"\n{len(merged)} closed wards:")
    for r in merged:
        conf = confidence(r, rows)
        print(f"  {r['district_code']} {r['old_code']} {r['old_name']:<28} -> "
              f"{r['new_code']} {r['new_name']:<34} {r['method']:<22} {conf}")
    counts: dict[str, int] = {}
    for r in merged:
        counts[r["method"]] = counts.get(r["method"], 0) + 1
    print("methods: " + ", ".join(f"{m} {counts[m]}" for m in sorted(counts, key=METHOD_RANK.__getitem__)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
