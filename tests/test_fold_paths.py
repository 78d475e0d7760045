"""Folding one character for one takes three roads by text (text.py `_fold_chars`): all ASCII,
a few kinds of other characters (each replaced in one pass), many kinds (runs translated).
Each must give what translating every character by the fold table gives."""

from __future__ import annotations

import pytest

from dossier.text import _FEW_KINDS, _TABLES, _fold_chars

TEXTS = [
    "Plain ASCII, with a `tick` and\ttabs.",
    "“Curly” quotes — and a dash, café, naïve, Łódź.",
    "Accents of every kind: à á â ã ä å è é ê ë ì í î ï ò ó ô õ ö ù ú û ü ý ÿ ç ñ; Ελλάδα, Ὀδυσσεύς; заключённых; ¡Señor!",
]


@pytest.mark.parametrize("keep_case", [True, False])
@pytest.mark.parametrize("text", TEXTS)
def test_every_road_folds_as_the_table_does(text: str, keep_case: bool) -> None:
    assert _fold_chars(text, keep_case) == text.translate(_TABLES[keep_case])


def test_the_texts_take_each_road() -> None:
    for keep_case in (True, False):
        kinds = [len({c for c in text if not c.isascii() and _TABLES[keep_case][ord(c)] != c}) for text in TEXTS]
        assert kinds[0] == 0 and 0 < kinds[1] <= _FEW_KINDS < kinds[2]
