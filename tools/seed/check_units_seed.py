#!/usr/bin/env python3
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Consistency checks for the Hanoi unit seed data in src/MotCua.Web/Seed/units/.

Checks the file format (UTF-8, NFC, \\n, header), the unit lists and their counts, every parent,
both ward mappings, the agencies, the GeoJSON, and that the electronic-identifier scheme
described in the folder's README gives unique QCVN 102 identifiers with two-digit groups.

Usage: python3 tools/seed/check_units_seed.py      (exit 1 if any check fails)
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "src" / "MotCua.Web" / "Seed" / "units"

F_2024 = "hanoi-units-until-2024-12-31.csv"
F_2025 = "hanoi-units-2025-01-01-to-2025-06-30.csv"
F_JULY = "hanoi-units-from-2025-07-01.csv"
F_MAP_JULY = "hanoi-ward-mapping-2025-07-01.csv"
F_MERGES_JAN = "hanoi-ward-merges-2025-01-01.csv"
F_AGENCIES = "hanoi-agencies.csv"
F_GEO = "hanoi-districts-boundaries-2019.geojson"

HEADERS = {
    F_2024: "code,level,name,short_name,slug,kind,parent_code",
    F_2025: "code,level,name,short_name,short_name_ascii,kind,parent_code",
    F_JULY: "code,name,short_name,kind,parent_code,gso_list_order,resolution_1656_clause,"
            "resolution_1656_clause_text",
    F_MAP_JULY: "old_code,old_name,old_district_code,old_district_name,new_code,new_name,"
                "merge_type,resolution_1656_clause,name_check",
    F_MERGES_JAN: "old_code,old_name,district_code,new_code,new_name,change,method",
    F_AGENCIES: "id,code,name,short_name,kind,parent_id,valid_from,valid_to,successor_id,note",
}

MERGE_METHODS = {"code", "name", "syllables", "resolution-knowledge", "third-party-list",
                 "fallback-nearest-code"}
AGENCY_KINDS = {"peoplesCommittee", "serviceCenter", "department"}
QCVN = re.compile(r"^(\d{3})\.(\d{2})\.(\d{2})\.H26$")

# Identifier scheme (see README.md in the seed folder).
CITY_ID = "000.00.00.H26"
AGENCY_CC = range(1, 30)       # 01-29 city agencies
DISTRICT_CC_START = 30         # 30-59 districts in GSO code order
COMMUNE_CC_START = 60          # 60.. post-July-2025 communes, 99 per block
COMMUNE_BLOCK = 99
WARD_WW_MAX = 49               # 01-49 wards of a district; 50-99 left for the district's offices

errors: list[str] = []
summary: list[str] = []


def fail(msg: str) -> None:
    errors.append(msg)


def expect(cond: bool, msg: str) -> None:
    if not cond:
        fail(msg)


def read_text(name: str) -> str:
    path = SEED / name
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        fail(f"{name}: not UTF-8 ({e})")
        return ""
    expect(not text.startswith("\ufeff"), f"{name}: has a BOM")
    expect("\r" not in text, f"{name}: has CR line ends")
    expect(unicodedata.is_normalized("NFC", text), f"{name}: not NFC")
    return text


def read_csv(name: str) -> list[dict[str, str]]:
    text = read_text(name)
    first = text.split("\n", 1)[0]
    expect(first == HEADERS[name], f"{name}: header is {first!r}")
    expect(text.endswith("\n"), f"{name}: no final newline")
    rows = list(csv.DictReader(text.splitlines()))
    for i, row in enumerate(rows, start=2):
        expect(None not in row and all(v is not None for v in row.values()),
               f"{name}:{i}: wrong number of fields")
    return rows


def index(rows: list[dict[str, str]], name: str, key: str = "code") -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in rows:
        k = row[key]
        expect(k not in out, f"{name}: duplicate {key} {k}")
        out[k] = row
    return out


def count(rows, **where) -> int:
    return sum(1 for r in rows if all(r[k] == v for k, v in where.items()))


def check_unit_list(name: str, rows: list[dict[str, str]], wards_expected: int) -> dict:
    units = index(rows, name)
    for row in rows:
        code, level, parent = row["code"], row["level"], row["parent_code"]
        width = {"city": 2, "district": 3, "ward": 5}.get(level)
        expect(width is not None, f"{name}: {code} has level {level!r}")
        expect(code.isdigit() and len(code) == width, f"{name}: code {code!r} for level {level}")
        if level == "city":
            expect(parent == "", f"{name}: city has a parent")
            continue
        want = "city" if level == "district" else "district"
        expect(parent in units and units[parent]["level"] == want,
               f"{name}: {code} parent {parent!r} is not a {want} in the file")
    cities, districts, wards = (count(rows, level=lv) for lv in ("city", "district", "ward"))
    expect((cities, districts, wards) == (1, 30, wards_expected),
           f"{name}: {cities} city, {districts} districts, {wards} wards; "
           f"expected 1/30/{wards_expected}")
    summary.append(f"{name}: {cities} city, {districts} districts, {wards} wards; "
                   "every parent exists")
    return units


def main() -> int:
    u2024_rows = read_csv(F_2024)
    u2025_rows = read_csv(F_2025)
    u2024 = check_unit_list(F_2024, u2024_rows, 579)
    u2025 = check_unit_list(F_2025, u2025_rows, 526)

    # Districts are the same in both lists.
    d2024 = {c: r["name"] for c, r in u2024.items() if r["level"] == "district"}
    d2025 = {c: r["name"] for c, r in u2025.items() if r["level"] == "district"}
    expect(d2024 == d2025, "district lists differ between 2024 and 2025")
    w2024 = {c for c, r in u2024.items() if r["level"] == "ward"}
    w2025 = {c for c, r in u2025.items() if r["level"] == "ward"}
    closed = w2024 - w2025
    renamed = {c for c in w2024 & w2025 if u2024[c]["name"] != u2025[c]["name"]}
    expect(not (w2025 - w2024), f"codes new in 2025: {sorted(w2025 - w2024)}")
    expect(len(closed) == 53, f"{len(closed)} ward codes closed on 2025-01-01, expected 53")
    expect(len(renamed) == 33, f"{len(renamed)} wards renamed on 2025-01-01, expected 33")
    for c in w2024 & w2025:
        expect(u2024[c]["parent_code"] == u2025[c]["parent_code"], f"{c} changed district in 2025")
    summary.append(f"2024 -> 2025: {len(closed)} ward codes closed, {len(renamed)} renamed, "
                   "none added, none moved")

    # Post-July units.
    july_rows = read_csv(F_JULY)
    july = index(july_rows, F_JULY)
    for r in july_rows:
        expect(r["parent_code"] == "01", f"{F_JULY}: {r['code']} parent {r['parent_code']}")
        expect(r["code"].isdigit() and len(r["code"]) == 5, f"{F_JULY}: code {r['code']!r}")
        expect(r["kind"] in ("phường", "xã"), f"{F_JULY}: {r['code']} kind {r['kind']}")
    orders = sorted(int(r["gso_list_order"]) for r in july_rows)
    expect(orders == list(range(1, len(july_rows) + 1)), f"{F_JULY}: gso_list_order not 1..n")
    phuong, xa = count(july_rows, kind="phường"), count(july_rows, kind="xã")
    expect((len(july_rows), phuong, xa) == (126, 51, 75),
           f"{F_JULY}: {len(july_rows)} units ({phuong} phường, {xa} xã); expected 126 (51, 75)")
    reused = sum(1 for c in july if c in u2025)
    summary.append(f"{F_JULY}: {len(july_rows)} units ({phuong} phường, {xa} xã), parent 01; "
                   f"{reused} of the codes were also codes of 2025 wards (GSO reuses codes)")

    # July mapping.
    mj = read_csv(F_MAP_JULY)
    seen_old: dict[str, list[dict[str, str]]] = {}
    for i, r in enumerate(mj, start=2):
        old, new = r["old_code"], r["new_code"]
        expect(old in u2025 and u2025[old]["level"] == "ward",
               f"{F_MAP_JULY}:{i}: old {old} not a ward of the 2025 list")
        if old in u2025:
            expect(u2025[old]["name"] == r["old_name"], f"{F_MAP_JULY}:{i}: old name mismatch")
            dist = u2025[old]["parent_code"]
            expect(dist == r["old_district_code"] and d2025.get(dist) == r["old_district_name"],
                   f"{F_MAP_JULY}:{i}: district mismatch")
        expect(new in july, f"{F_MAP_JULY}:{i}: new {new} not in the July list")
        if new in july:
            expect(july[new]["name"] == r["new_name"], f"{F_MAP_JULY}:{i}: new name mismatch")
            expect(july[new]["resolution_1656_clause"] == r["resolution_1656_clause"],
                   f"{F_MAP_JULY}:{i}: clause differs from the July list")
        expect(r["merge_type"] in ("full", "partial"), f"{F_MAP_JULY}:{i}: merge_type")
        seen_old.setdefault(old, []).append(r)
    missing = sorted(w2025 - set(seen_old))
    expect(not missing, f"{F_MAP_JULY}: 2025 wards not mapped: {missing}")
    missing_new = sorted(set(july) - {r["new_code"] for r in mj})
    expect(not missing_new, f"{F_MAP_JULY}: July units with no source: {missing_new}")
    for old, rs in seen_old.items():
        types = {r["merge_type"] for r in rs}
        expect(len(types) == 1, f"{F_MAP_JULY}: {old} mixes full and partial")
        if types == {"full"}:
            expect(len(rs) == 1, f"{F_MAP_JULY}: full ward {old} has {len(rs)} rows")
        else:
            expect(len(rs) >= 2, f"{F_MAP_JULY}: partial ward {old} has one row")
    flagged = [r for r in mj if r["name_check"] != "ok"]
    expect([(r["old_code"], r["new_code"]) for r in flagged] == [("09859", "09616")],
           f"{F_MAP_JULY}: flagged rows changed: {[(r['old_code'], r['new_code']) for r in flagged]}")
    summary.append(f"{F_MAP_JULY}: {len(mj)} rows ({count(mj, merge_type='full')} full, "
                   f"{count(mj, merge_type='partial')} partial); all {len(seen_old)} 2025 wards "
                   f"and all {len(july)} July units appear; known error row flagged: "
                   + ", ".join(f"{r['old_code']} -> {r['new_code']}" for r in flagged))

    # January 2025 merges.
    mg = read_csv(F_MERGES_JAN)
    successors: dict[str, list[str]] = {}
    absorbed: dict[str, int] = {}
    methods: dict[str, int] = {}
    for i, r in enumerate(mg, start=2):
        old, new, change, dist = r["old_code"], r["new_code"], r["change"], r["district_code"]
        expect(r["method"] in MERGE_METHODS, f"{F_MERGES_JAN}:{i}: method {r['method']!r}")
        expect(old in w2024 and u2024[old]["name"] == r["old_name"]
               and u2024[old]["parent_code"] == dist,
               f"{F_MERGES_JAN}:{i}: old {old} not a ward of {dist} in the 2024 list by that name")
        expect(new in w2025 and u2025[new]["name"] == r["new_name"]
               and u2025[new]["parent_code"] == dist,
               f"{F_MERGES_JAN}:{i}: new {new} not a ward of {dist} in the 2025 list by that name")
        if change == "merged":
            expect(old in closed, f"{F_MERGES_JAN}:{i}: merged row for {old}, which did not close")
            successors.setdefault(old, []).append(new)
            absorbed[new] = absorbed.get(new, 0) + 1
            methods[r["method"]] = methods.get(r["method"], 0) + 1
        elif change == "renamed":
            expect(old == new and old in renamed, f"{F_MERGES_JAN}:{i}: bad renamed row")
            expect(r["method"] == "code", f"{F_MERGES_JAN}:{i}: renamed row method")
        elif change == "kept":
            expect(old == new and old in w2025 and old not in renamed,
                   f"{F_MERGES_JAN}:{i}: bad kept row")
        else:
            fail(f"{F_MERGES_JAN}:{i}: change {change!r}")
    for c in sorted(closed):
        expect(len(successors.get(c, [])) == 1,
               f"{F_MERGES_JAN}: closed ward {c} has {len(successors.get(c, []))} successors")
    renamed_rows = {r["old_code"] for r in mg if r["change"] == "renamed"}
    kept_rows = {r["old_code"] for r in mg if r["change"] == "kept"}
    expect(renamed_rows == renamed, f"{F_MERGES_JAN}: renamed rows differ from the data")
    expect(kept_rows == {c for c in absorbed if c not in renamed},
           f"{F_MERGES_JAN}: kept rows are not exactly the unrenamed wards that absorbed others")
    no_absorb = sorted(c for c in renamed if c not in absorbed)
    expect(not no_absorb, f"{F_MERGES_JAN}: renamed wards that absorbed nothing: {no_absorb}")
    summary.append(f"{F_MERGES_JAN}: {len(successors)} closed wards each with one successor in the "
                   f"same district; {len(renamed_rows)} renamed, {len(kept_rows)} kept; "
                   "every renamed ward absorbed at least one; methods of merged rows: "
                   + ", ".join(f"{k} {v}" for k, v in sorted(methods.items())))

    # Agencies.
    ag = read_csv(F_AGENCIES)
    agencies = index(ag, F_AGENCIES, "id")
    index(ag, F_AGENCIES, "code")

    def d(s: str) -> date | None:
        return date.fromisoformat(s) if s else None

    for r in ag:
        aid = r["id"]
        expect(r["kind"] in AGENCY_KINDS, f"{F_AGENCIES}: {aid} kind {r['kind']!r}")
        m = QCVN.match(r["code"])
        expect(m is not None, f"{F_AGENCIES}: {aid} code {r['code']!r} is not QCVN 102 for H26")
        if m and r["kind"] != "peoplesCommittee":
            expect(m.group(1) == "000" and m.group(2) == "00" and int(m.group(3)) in AGENCY_CC,
                   f"{F_AGENCIES}: {aid} code {r['code']} outside 000.00.01-29.H26")
        if r["parent_id"]:
            expect(r["parent_id"] in agencies, f"{F_AGENCIES}: {aid} parent missing")
        else:
            expect(r["kind"] == "peoplesCommittee", f"{F_AGENCIES}: {aid} has no parent")
        vf, vt = d(r["valid_from"]), d(r["valid_to"])
        if vf and vt:
            expect(vf <= vt, f"{F_AGENCIES}: {aid} valid_from after valid_to")
        expect(bool(vt) == bool(r["successor_id"]),
               f"{F_AGENCIES}: {aid} must have a successor exactly when it closes")
        if r["successor_id"]:
            s = agencies.get(r["successor_id"])
            expect(s is not None, f"{F_AGENCIES}: {aid} successor missing")
            if s and vt:
                day = vt + timedelta(days=1)
                expect((not s["valid_from"] or d(s["valid_from"]) <= day)
                       and (not s["valid_to"] or d(s["valid_to"]) >= day),
                       f"{F_AGENCIES}: {aid} successor {s['id']} not open on {day}")
        if (vt or (vf and vf.year >= 2025)) and "unverified" not in r["note"]:
            fail(f"{F_AGENCIES}: {aid} changes in 2025 but its note does not say 'unverified'")
    expect(count(ag, kind="peoplesCommittee") == 1, f"{F_AGENCIES}: need one peoplesCommittee")

    def open_on(day: date, kind: str) -> int:
        return sum(1 for r in ag if r["kind"] == kind
                   and (not r["valid_from"] or d(r["valid_from"]) <= day)
                   and (not r["valid_to"] or d(r["valid_to"]) >= day))

    before, after = open_on(date(2024, 12, 31), "department"), open_on(date(2025, 3, 1), "department")
    summary.append(f"{F_AGENCIES}: {len(ag)} rows; departments open on 2024-12-31: {before}, "
                   f"on 2025-03-01: {after}; every parent and successor exists and is open "
                   "the day after the predecessor closes")

    # GeoJSON.
    geo = json.loads(read_text(F_GEO))
    feats = geo.get("features", [])
    codes = {f["properties"]["code"]: f["properties"] for f in feats}
    expect(len(feats) == 31, f"{F_GEO}: {len(feats)} features, expected 31")
    expect(set(codes) == {"01"} | set(d2024), f"{F_GEO}: feature codes differ from the districts")
    for c, p in codes.items():
        if c != "01":
            expect(p["name"] == d2024.get(c), f"{F_GEO}: {c} name {p['name']!r}")
            expect(p["parent_code"] == "01", f"{F_GEO}: {c} parent")
    summary.append(f"{F_GEO}: {len(feats)} features; codes and names match the 30 districts")

    # Identifier scheme.
    ids: dict[str, str] = {CITY_ID: "city"}

    def add(ident: str, what: str) -> None:
        m = QCVN.match(ident)
        expect(m is not None, f"identifier {ident} for {what} is malformed")
        expect(ident not in ids, f"identifier {ident} for {what} already used by {ids.get(ident)}")
        ids[ident] = what

    for r in ag:
        if r["kind"] != "peoplesCommittee":
            add(r["code"], r["id"])
    districts = sorted(d2024)
    district_cc = {c: DISTRICT_CC_START + i for i, c in enumerate(districts)}
    for c, cc in district_cc.items():
        add(f"000.00.{cc:02d}.H26", f"district {c}")
    all_wards = {c: u2024[c]["parent_code"] for c in w2024}
    all_wards.update({c: u2025[c]["parent_code"] for c in w2025})
    widest = 0
    for dist in districts:
        wards = sorted(c for c, p in all_wards.items() if p == dist)
        widest = max(widest, len(wards))
        for ww, c in enumerate(wards, start=1):
            add(f"000.{ww:02d}.{district_cc[dist]:02d}.H26", f"ward {c}")
    expect(widest <= WARD_WW_MAX, f"a district has {widest} wards, more than {WARD_WW_MAX}")
    for r in july_rows:
        n = int(r["gso_list_order"]) - 1
        cc, bb = COMMUNE_CC_START + n // COMMUNE_BLOCK, n % COMMUNE_BLOCK + 1
        expect(cc <= 99, f"commune block {cc} exceeds two digits")
        add(f"000.{bb:02d}.{cc:02d}.H26", f"commune {r['code']}")
    last_cc = COMMUNE_CC_START + (len(july_rows) - 1) // COMMUNE_BLOCK
    summary.append(f"identifier scheme: {len(ids)} unique identifiers (1 city, "
                   f"{len(ag) - 1} agencies in CC 01-29, 30 districts in CC 30-59, "
                   f"{len(all_wards)} wards with WW 01-{widest:02d}, {len(july_rows)} communes in "
                   f"CC {COMMUNE_CC_START}-{last_cc}); all groups two digits")

    print("Hanoi units seed check")
    for line in summary:
        print(f"  ok  {line}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print(f"  ERROR {e}")
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
