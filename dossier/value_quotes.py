"""(v3) A value must be what its sources say (contract v3, "Values").

When a claim's supporting quotes contain numbers written in digits, each number of its value
(a plain value, each end of a range) must be one of them, as written or one more or less
("more than 1,000" is `min: 1001`, "fewer than 1,200" is `max: 1199`). Otherwise the value
says something no quote does (`value: 52000` cited to "Belarus freed 52 prisoners"): a
warning, `value-not-in-quotes`, naming the numbers the quotes do give.

Numbers are read from a quote as the contract's whole numbers are (v3, "Quotes"): digits
grouped by a comma, a full stop, an apostrophe, a middle dot or any kind of space form one
number when the group before has one to three digits and each group after has three
(`1,300`, `1 300`, `1'300` are 1300); a sign right before belongs to it (`-52`, `−52`).
A decimal part (`4.5`, `4,5`) and a scale word after it (`52 million`) are read too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from fractions import Fraction

from . import schema
from .exact import exact
from .load import Loaded, QuantityUse
from .model import Claim, Stance
from .problems import ProblemList
from .values import Number, Range, format_number

_SEPARATORS = ",.'\u2019\u00b7\u02d9\u2027 \u00a0\u2009\u202f\u2007\u2008\u200a"
_SEPARATOR = "[" + re.escape(_SEPARATORS) + "]"
_SEPARATOR_RUN = re.compile(_SEPARATOR)
_GROUPED_ONCE = re.compile(r"\d{1,3}[.,]\d{3}")
_SCALES = {"thousand": 10**3, "million": 10**6, "millions": 10**6, "billion": 10**9, "billions": 10**9, "trillion": 10**12}
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<sign>[-\u2212\u2013+]?)"
    rf"(?P<whole>\d{{1,3}}(?:{_SEPARATOR}\d{{3}})+(?!\d)|\d+)"
    r"(?:[.,](?P<part>\d+))?"
    r"(?:\s+(?P<scale>" + "|".join(_SCALES) + r")\b)?",
    re.IGNORECASE,
)


def _number(whole: str, part: str | None = None) -> int | Fraction:
    """An int when it is one: ints compare and hash as the equal Fractions do, and cost less."""
    return Fraction(f"{whole}.{part}") if part else int(whole)


def quoted_numbers(quote: str) -> Iterator[tuple[str, set[int | Fraction]]]:
    """Each number written in digits in `quote`: as written, and the values it can stand for."""
    for found in _NUMBER.finditer(quote):
        sign = -1 if found["sign"] and found["sign"] != "+" else 1
        whole = _SEPARATOR_RUN.sub("", found["whole"])
        readings = {_number(whole, found["part"])}
        if found["part"] is None and _GROUPED_ONCE.fullmatch(found["whole"]):
            readings.add(_number(*re.split("[.,]", found["whole"])))  # "1.300" may also be 1.3
        scale = _SCALES.get((found["scale"] or "").lower(), 1)
        if scale != 1:
            readings |= {reading * scale for reading in readings}
        yield found.group().strip(), {sign * reading for reading in readings}


def _exact(number: Number) -> int | Fraction:
    return int(number) if isinstance(number, int) or number.is_integer() else exact(number)


def value_numbers(value: Number | Range) -> list[Number]:
    """The numbers a value is made of: itself, or each end of a range."""
    if isinstance(value, Range):
        return [end for end in (value.min, value.max) if end is not None]
    return [value]


def _supporting_quotes(claim: Claim) -> Iterable[str]:
    return (item.quote for item in claim.evidence if item.stance is Stance.SUPPORTS)


def numbers_not_quoted(claim: Claim, value: Number | Range) -> tuple[list[Number], list[str]] | None:
    """The value's numbers that no supporting quote gives (one more or less allowed), and the
    numbers the quotes give as written; None when the quotes give no number or all of them."""
    written: dict[str, None] = {}
    allowed: set[int | Fraction] = set()
    wanted = {_exact(number) for number in value_numbers(value)}
    for quote in _supporting_quotes(claim):
        for text, readings in quoted_numbers(quote):
            written[text] = None
            allowed |= {reading + step for reading in readings for step in (-1, 0, 1)}
        if wanted <= allowed:  # every number is given: the other quotes need not be read
            return None
    if not written:
        return None
    missing = [number for number in value_numbers(value) if _exact(number) not in allowed]
    return (missing, list(written)) if missing else None


def check_values_in_quotes(loaded: Loaded, problems: ProblemList) -> None:
    """A warning at each value whose numbers its supporting quotes do not give."""
    for use in loaded.quantities:
        claim = loaded.dossier.claims.get(use.claim)
        found = None if claim is None else numbers_not_quoted(claim, use.quantity.value)
        if found is not None:
            _report(use, *found, problems)


def _report(use: QuantityUse, missing: list[Number], given: list[str], problems: ProblemList) -> None:
    label = schema.label(use.doc, use.path + ("value",))
    numbers = " and ".join(format_number(number) for number in missing)
    quoted = ", ".join(f"'{text}'" for text in given[:10]) + (", ..." if len(given) > 10 else "")
    problems.warning(
        use.doc.location(use.path + ("value",)),
        f"{label}: {numbers} is not a number the claim's supporting quotes give (they give {quoted})",
        "write the value the sources give (one more or less for 'more than' or 'fewer than'), or quote the passage that gives this number",
        code="value-not-in-quotes",
    )
