"""macros/_macros.yml documents every macro that models, tests and snapshots call.

No warehouse: the macro signatures are read from macros/**/*.sql and the calls
from the Jinja blocks of the models/, tests/ and snapshots/ SQL and YAML.
"""

import ast
import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
CALLERS = ("models", "tests", "snapshots")
MACRO = re.compile(r"\{%-?\s*macro\s+(\w+)\s*\((.*?)\)\s*-?%\}", re.S)
COMMENT = re.compile(r"\{#.*?#\}", re.S)
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def macro_signatures() -> dict[str, list[str]]:
    """Macro name -> argument names, in order (Jinja defaults parse as Python)."""
    signatures = {}
    for path in (REPO / "macros").rglob("*.sql"):
        for name, arguments in MACRO.findall(path.read_text(encoding="utf-8")):
            function = ast.parse(f"def f({arguments}): pass").body[0]
            signatures[name] = [argument.arg for argument in function.args.args]
    return signatures


def called_macros(names) -> set[str]:
    """The names among `names` called as `name(` inside a Jinja block of a caller."""
    blocks = "\n".join(
        block
        for folder in CALLERS
        for path in (REPO / folder).rglob("*")
        if path.suffix in (".sql", ".yml", ".yaml")
        for block in JINJA.findall(COMMENT.sub("", path.read_text(encoding="utf-8")))
    )
    return {name for name in names if re.search(rf"(?<![\w.]){name}\s*\(", blocks)}


def documented() -> dict[str, dict]:
    properties = yaml.safe_load((REPO / "macros/_macros.yml").read_text(encoding="utf-8"))
    return {entry["name"]: entry for entry in properties["macros"]}


def test_every_called_macro_is_documented():
    entries = documented()
    missing = sorted(
        name
        for name in called_macros(macro_signatures())
        if not (entries.get(name, {}).get("description") or "").strip()
    )
    assert not missing, f"called macros without a description in macros/_macros.yml: {missing}"


def test_every_entry_names_an_existing_macro():
    unknown = sorted(set(documented()) - set(macro_signatures()))
    assert not unknown, f"macros/_macros.yml documents macros that do not exist: {unknown}"


def test_entry_arguments_match_the_signature():
    signatures = macro_signatures()
    differing = {}
    for name, entry in documented().items():
        names = [argument["name"] for argument in entry.get("arguments") or []]
        if name in signatures and names != signatures[name]:
            differing[name] = (names, signatures[name])
    assert not differing, f"argument names (documented, signature) differ: {differing}"
