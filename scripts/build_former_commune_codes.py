"""Build seeds/reference/former_commune_codes.csv from decoupage-administratif.

Former INSEE commune codes (communes merged into a commune nouvelle, or
associated with another commune) and the COG commune-actuelle each one now
belongs to, read from ``data/communes.json`` of the npm package
``@etalab/decoupage-administratif`` (the package the COG tables of
data/sample/cog come from). The package records a merge in two places:

1. an entry of type ``commune-deleguee`` or ``commune-associee`` for a former
   commune that still exists inside its new commune, with the code of that
   commune in ``chefLieu``;
2. the list ``anciensCodes`` of a ``commune-actuelle``: the codes of the
   communes it absorbed, including those that left no delegated entity.

One row per (former code, current commune) pair found in either place, both
sources flagged; nothing is resolved here (the warehouse applies the rule, see
int_commune_codes_mapped). Codes equal to a current code are kept (a commune
déléguée often keeps the code of its commune nouvelle): the current code wins
in the warehouse. The script fails if a pair points to a code that is not a
commune-actuelle or if a former code has two delegated entities.

Standard library only. Run from the repository root:
    cd /tmp && npm pack @etalab/decoupage-administratif@6.0.0
    python scripts/build_former_commune_codes.py \\
        /tmp/etalab-decoupage-administratif-6.0.0.tgz
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "seeds" / "reference" / "former_commune_codes.csv"
MEMBER = "package/data/communes.json"
ENTITY_TYPES = ("commune-deleguee", "commune-associee")
COLUMNS = (
    "former_commune_code",
    "commune_code",
    "former_commune_name",
    "former_commune_type",
    "is_entity_chef_lieu",
    "is_listed_in_anciens_codes",
)


def read_communes(tarball: Path) -> tuple[str, list[dict]]:
    """The package version and its communes.json entries."""
    with tarfile.open(tarball, "r:gz") as archive:
        package = json.load(archive.extractfile("package/package.json"))
        communes = json.load(archive.extractfile(MEMBER))
    return package["version"], communes


def former_code_pairs(communes: list[dict]) -> list[dict[str, str]]:
    """One row per (former code, current commune), sorted by both codes."""
    current = {entry["code"] for entry in communes if entry["type"] == "commune-actuelle"}
    entities: dict[str, dict] = {}
    for entry in communes:
        if entry["type"] in ENTITY_TYPES:
            if entry["code"] in entities:
                raise SystemExit(f"two delegated entities carry code {entry['code']}")
            entities[entry["code"]] = entry

    pairs: dict[tuple[str, str], dict[str, bool]] = {}
    for code, entity in entities.items():
        pairs.setdefault((code, entity["chefLieu"]), {"chef_lieu": False, "listed": False})
        pairs[code, entity["chefLieu"]]["chef_lieu"] = True
    for entry in communes:
        for code in entry.get("anciensCodes", []):
            pairs.setdefault((code, entry["code"]), {"chef_lieu": False, "listed": False})
            pairs[code, entry["code"]]["listed"] = True

    rows = []
    for (code, commune_code), links in sorted(pairs.items()):
        if commune_code not in current:
            raise SystemExit(f"{code} points to {commune_code}, not a commune-actuelle")
        entity = entities.get(code, {})
        rows.append(
            {
                "former_commune_code": code,
                "commune_code": commune_code,
                "former_commune_name": entity.get("nom", ""),
                "former_commune_type": entity.get("type", ""),
                "is_entity_chef_lieu": str(links["chef_lieu"]).lower(),
                "is_listed_in_anciens_codes": str(links["listed"]).lower(),
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball", type=Path, help="npm pack of the package")
    parser.add_argument("--expect-version", default="6.0.0")
    args = parser.parse_args()

    version, communes = read_communes(args.tarball)
    if version != args.expect_version:
        raise SystemExit(f"package version {version}, expected {args.expect_version}")
    rows = former_code_pairs(communes)
    with TARGET.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    digest = hashlib.sha256(args.tarball.read_bytes()).hexdigest()
    codes = {row["former_commune_code"] for row in rows}
    print(f"{args.tarball.name} (sha256 {digest}), version {version}")
    print(f"{len(rows)} pairs, {len(codes)} former codes -> {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
