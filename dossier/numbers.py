"""Whole numbers in folded text (contract v3, "Quotes": whole numbers, all of them).

A quote may not start or end inside a number. Digits on both sides of a full stop, a comma
or a middle dot are one number (`4.5`, `1,300`, `4·5`); digits on both sides of an
apostrophe or a space are one number when the group before has one to three digits and the
group after exactly three (`1 300`, `1'300`: folding has already made every kind of space a
space and every apostrophe `'`). A minus or plus sign written right before a number, not
after a letter or digit (`-52`, `(−52)`, but not `COVID-19`), belongs to it.

Positions index the folded text of an article; `breaks` are the positions where a block of
it starts (the space before one joins nothing: a paragraph ending in `12` and the next
starting with `300` hold two numbers).
"""

from __future__ import annotations

from collections.abc import Container

from .text import is_word_char

DECIMAL = ".,·"  # between any two digits: one number
GROUPING = " '"  # between 1-3 digits and exactly 3: one number
SEPARATORS = DECIMAL + GROUPING
SIGNS = "-+"
_NO_BREAKS: frozenset[int] = frozenset()


def _digits_before(text: str, end: int) -> int:
    """How many digits run up to text[end - 1]."""
    start = end
    while start and text[start - 1].isdigit():
        start -= 1
    return end - start


def _digits_after(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    return end - start


def joins(text: str, separator: int, breaks: Container[int] = _NO_BREAKS) -> bool:
    """Whether text[separator] joins the digits either side of it into one number."""
    if separator < 1 or separator + 1 >= len(text):
        return False
    char = text[separator]
    if char not in SEPARATORS or not text[separator - 1].isdigit() or not text[separator + 1].isdigit():
        return False
    if char in DECIMAL:
        return True
    return separator + 1 not in breaks and 1 <= _digits_before(text, separator) <= 3 and _digits_after(text, separator + 1) == 3


def signed(text: str, digit: int) -> bool:
    """Whether the digit at text[digit] has a sign right before it that belongs to the number."""
    return digit >= 1 and text[digit - 1] in SIGNS and (digit == 1 or not is_word_char(text[digit - 2]))


def cuts_number(text: str, start: int, end: int, breaks: Container[int] = _NO_BREAKS) -> bool:
    """Whether text[start:end] starts or ends inside a number (or leaves out its sign)."""
    first, last = text[start], text[end - 1]
    if first.isdigit():
        if joins(text, start - 1, breaks) or signed(text, start):
            return True
    elif first in SEPARATORS and joins(text, start, breaks):  # `.5` of `4.5`
        return True
    if last.isdigit():
        return joins(text, end, breaks)
    return last in SEPARATORS and joins(text, end - 1, breaks)  # `1,` of `1,300`


def number_at(text: str, position: int, breaks: Container[int] = _NO_BREAKS) -> tuple[int, int]:
    """(start, end) of the whole number, sign included, that the digit or separator at `position` is part of."""
    low = high = position
    while low and (text[low - 1].isdigit() or joins(text, low - 1, breaks)):
        low -= 1
    while high < len(text) and (text[high].isdigit() or joins(text, high, breaks)):
        high += 1
    if low < len(text) and text[low].isdigit() and signed(text, low):
        low -= 1
    return low, max(high, position + 1)


def could_cut(first: str, last: str) -> bool:
    """Whether a part starting with `first` and ending with `last` could cut a number at all."""
    return first.isdigit() or last.isdigit() or first in SEPARATORS or last in SEPARATORS
