"""Turn publishers' column headers into stable raw column names."""

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def normalize_column_name(header: str, position: int) -> str:
    """Return the raw column name for a header cell.

    Accents are dropped, everything that is not a letter or digit becomes one
    underscore, and the result is lower case: ``Code INSEE région`` becomes
    ``code_insee_region`` and ``TMin (°C)`` becomes ``tmin_c``. An empty cell
    becomes ``column_<position>`` (1-based), as spreadsheet exports do.
    """
    decomposed = unicodedata.normalize("NFKD", header.strip())
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii")
    name = _NON_ALNUM.sub("_", ascii_only.lower()).strip("_")
    if not name:
        return f"column_{position}"
    if name[0].isdigit():
        return f"c_{name}"
    return name


def normalize_header(headers: list[str]) -> list[str]:
    """Normalize a whole header, suffixing repeats with ``_2``, ``_3``…"""
    names: list[str] = []
    for position, header in enumerate(headers, start=1):
        base = normalize_column_name(header, position)
        name, repeat = base, 1
        while name in names:
            repeat += 1
            name = f"{base}_{repeat}"
        names.append(name)
    return names
