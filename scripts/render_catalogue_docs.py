"""Write docs/indicators.md from the two catalogue seeds, its only source.

The indicator catalogue (seeds/reference/indicator_catalogue.csv) and the
quality rules (seeds/quality/quality_rules.csv) are what the models read:
their levels, units and thresholds drive the SQL. The page a reader opens is
rendered from them, so the two cannot drift apart; a test fails when the
committed page is not what this script writes.

    python scripts/render_catalogue_docs.py          # rewrite docs/indicators.md
    python scripts/render_catalogue_docs.py --check  # exit 1 when it is stale
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
INDICATORS = REPO / "seeds/reference/indicator_catalogue.csv"
RULES = REPO / "seeds/quality/quality_rules.csv"
PAGE = REPO / "docs/indicators.md"

LEVELS = {
    "0": "national",
    "1": "region",
    "2": "department",
    "3": "EPCI",
    "4": "commune",
    "5": "operational unit",
    "6": "aménageur",
    "7": "operator",
}
FAMILIES = {
    "i": "Infrastructure (i): what is installed",
    "t": "Infrastructure breakdowns (t): how it is split",
    "p": "Charging pools (p): AFIR power tiers",
    "u": "Usage (u): how it is used",
    "q": "Quality of service (q)",
    "d": "Temporal (d): derived from the store, never stored in it",
    "e": "Energy (e)",
    "c": "Renewable energy credits (c): TIRUERT",
    "qua": "Data quality (qua)",
}
RULE_FAMILIES = {
    "static": "Static data (the charge point declarations)",
    "status": "Status events",
    "session": "Charging sessions",
    "consistency": "Consistency between statuses and sessions",
}

HEADER = """# Indicators and quality rules

<!-- Written by scripts/render_catalogue_docs.py from seeds/reference/indicator_catalogue.csv
     and seeds/quality/quality_rules.csv: edit the seeds, then run the script. -->

What the warehouse computes, as the models read it from the two catalogue
seeds. The shape of an indicator row (code, level, target, category,
period, value, extras), the availability state model, the rollups and the
project's decisions are in [domain_rules.md](domain_rules.md).

- **Levels**: 0 national, 1 region, 2 department, 3 EPCI, 4 commune,
  5 operational unit, 6 aménageur (SIREN), 7 operator (by name). An
  indicator has a row at a level only when its catalogue entry lists that
  level; a data test fails on any other (indicator, level) row.
- **Periods**: infrastructure indicators describe a day (the static data
  valid that day); usage indicators are daily (`d`, Europe/Paris days) and
  roll up to weeks, months, quarters and years as means of the daily values
  (ratios as sums of numerators over sums of denominators). The daily
  infrastructure series (i1, i4, i7), e4 and the quality results (qua, over
  every evaluated day) roll up the same way in the view
  `marts.fct_indicators_series_rollups`.
- **Targets**: every target of the reference tables (regions, departments,
  EPCI, communes, operational units, and 'unlocated') gets a row of each
  additive usage indicator (family u) on every day that indicator has a
  national row: 0, without category, when it has no data. A rollup is
  therefore a mean over every day of the period with data, and the targets
  of a level add up to the national value at every period.
- **Where**: the store `marts.fct_indicators` (every family, long shape), the
  family marts beside it, and `marts.fct_quality_results` for the rules.
- **Temporal (d)**: d1-d8 are not in the store. The models beside it
  (`marts.fct_indicators_temporal_*`: views computed on every read, d3 a
  table rebuilt on every run, d8 incremental) derive them from the stored
  series and the charge point days, per period granularity (`d`, `w`, `m`,
  `q`, `y`): d1 as one growth rate between the first and the last period of
  an interval that its columns name (`interval_start`, `interval_end`, `periods_counted`), d2-d8 as
  one value per period with the period's bounds (`period_start`,
  `period_end`). A stock (i1, i4) is read on the last day of a period, so an
  unfinished period has no value yet. Where a denominator is 0 or a history
  has fewer than two periods there is no row rather than a made-up 0.
"""


def _levels(text: str) -> str:
    return ", ".join(f"{code} {LEVELS.get(code, '?')}" for code in text.split(";") if code)


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _threshold(rule: dict) -> str:
    parts = []
    for key, word in (
        ("error_below", "fails below"),
        ("error_above", "fails above"),
        ("warn_below", "warns below"),
        ("warn_above", "warns above"),
    ):
        if rule[key] != "":
            parts.append(f"{word} {rule[key]}")
    return "; ".join(parts) or "reported only"


def render() -> str:
    indicators = list(csv.DictReader(INDICATORS.open(encoding="utf-8")))
    rules = list(csv.DictReader(RULES.open(encoding="utf-8")))
    lines = [HEADER]
    lines.append("## Indicators\n")
    for family, title in FAMILIES.items():
        members = [row for row in indicators if row["family"] == family]
        if not members:
            continue
        lines.append(f"### {title}\n")
        lines.append("| code | name | unit | category | levels | definition |")
        lines.append("|---|---|---|---|---|---|")
        for row in members:
            lines.append(
                f"| {row['indicator_code']} | {_cell(row['name'])} | {_cell(row['unit'])} "
                f"| {_cell(row['category_kind']) or '–'} | {_levels(row['levels'])} "
                f"| {_cell(row['definition'])} |"
            )
        lines.append("")
    unknown = sorted({row["family"] for row in indicators} - FAMILIES.keys())
    if unknown:
        raise SystemExit(f"indicator families without a title here: {unknown}")

    lines.append("## Quality rules\n")
    lines.append(
        "Each rule is evaluated per operational unit and Europe/Paris day. A count rule "
        "counts offending rows, a ratio rule a share (0-1), a value rule a measure. The "
        "threshold decides the status: `fail` beyond an error level, `warn` beyond a warning "
        "level only, `pass` otherwise, `no_data` when nothing was checked. Rules marked "
        "*documented only* are listed for completeness and not evaluated.\n"
    )
    for family, title in RULE_FAMILIES.items():
        members = [row for row in rules if row["family"] == family]
        if not members:
            continue
        lines.append(f"### {title}\n")
        lines.append("| rule | no. | type | threshold | what it counts | how to fix |")
        lines.append("|---|---|---|---|---|---|")
        for row in members:
            code = row["rule_code"]
            if row["is_documented_only"] == "true":
                code += " (documented only)"
            lines.append(
                f"| {code} | {row['rule_number']} | {row['rule_type']} | {_threshold(row)} "
                f"| {_cell(row['description'])} | {_cell(row['fix_advice'])} |"
            )
        lines.append("")
    unknown = sorted({row["family"] for row in rules} - RULE_FAMILIES.keys())
    if unknown:
        raise SystemExit(f"rule families without a title here: {unknown}")
    return "\n".join(lines).rstrip() + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the page is stale")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if PAGE.read_text(encoding="utf-8") != text:
            print(f"{PAGE.relative_to(REPO)} is stale: run scripts/render_catalogue_docs.py")
            return 1
        print(f"{PAGE.relative_to(REPO)} is current")
        return 0
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
