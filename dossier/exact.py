"""Numbers compared exactly (contract v3, "Values").

A value is compared as the exact decimal it is written as: `0.77` is 77/100, not the binary
float nearest to it, so "about 0.7" with tolerance 0.1 is [0.63, 0.77] and contains 0.77.
Every number a float can carry exactly as written is accepted: at most 15 significant digits,
and an integer part of at most 9,007,199,254,740,991 (2**53 - 1). Others are refused as "too
precise to compare" (9007199254740992 and 9007199254740993 would read as one float), never
rounded and never a crash: the YAML reader hands them over as `Decimal` (yamlscalars.py).
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

MOST_DIGITS = 15
LARGEST_INTEGER_PART = 2**53 - 1
Exact = Fraction | float  # a Fraction, or -inf/inf for an open end


def exact(number: int | float | Decimal) -> Fraction:
    """The number as written: a float by its shortest decimal form (0.77 -> 77/100)."""
    if isinstance(number, float):
        return Fraction(repr(number))
    return Fraction(number)


def _significant_digits(number: Decimal) -> int:
    """Significant digits, trailing zeros left out: 1300 has 2, 0.0520 has 2."""
    digits = number.normalize().as_tuple().digits
    return 0 if digits == (0,) else len(digits)


def too_precise(number: int | float | Decimal) -> str | None:
    """Why the number cannot be compared exactly, or None when it can."""
    if isinstance(number, float) and not math.isfinite(number):
        return "it is not a finite number"
    if isinstance(number, Decimal) and not number.is_finite():
        return "it is not a finite number"
    if isinstance(number, int):
        if abs(number) > LARGEST_INTEGER_PART:
            return f"its integer part is larger than {LARGEST_INTEGER_PART:,}"
        return None
    written = Decimal(repr(number)) if isinstance(number, float) else number
    if abs(written) > LARGEST_INTEGER_PART:
        return f"its integer part is larger than {LARGEST_INTEGER_PART:,}"
    digits = _significant_digits(written)
    if digits > MOST_DIGITS:
        return f"it has {digits} significant digits, more than {MOST_DIGITS}"
    return None


def plain(number: Decimal) -> int | float:
    """A Decimal that `too_precise` accepts, as the int or float the rest of the code uses."""
    return int(number) if number == number.to_integral_value() else float(number)
