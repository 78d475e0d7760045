"""Templates compiled once per preview (templating.CompiledTemplates), and never a stale one.

Under `mkdocs serve` each rebuild makes new Jinja environments (the dossier's and the
theme's); the compiled code is kept across them, found by the template's source, so an
edited custom template is compiled again and shows at once.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import DictLoader, Environment

from dossier.site.rendering.templating import CompiledTemplates, SiteEnvironment, Templates


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates compiled, in order."""
    names: list[str] = []
    original = Environment.compile

    def counting(self: Environment, source: str, name: str | None = None, *args: object, **kwargs: object) -> object:
        names.append(name or "")
        return original(self, source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Environment, "compile", counting)
    return names


def _render(templates: Templates) -> str:
    return str(templates.macro("heading")(SimpleNamespace(level=2, id="x", title="Title & <more>")))


def test_a_second_build_compiles_no_template_again(compiles: list[str]) -> None:
    cache = CompiledTemplates()
    first = _render(Templates(None, cache))
    assert first == '<h2 id="x">Title &amp; &lt;more&gt;</h2>'
    assert compiles, "the first build compiles"
    compiles.clear()
    assert _render(Templates(None, cache)) == first
    assert compiles == []
    assert _render(Templates(None)) == first  # without the cache: the same page


def test_an_edited_custom_template_is_compiled_again(tmp_path: Path, compiles: list[str]) -> None:
    cache = CompiledTemplates()
    (tmp_path / "fragments").mkdir()
    custom = tmp_path / "fragments" / "heading.html"
    custom.write_text("{% macro heading(entry) %}<p>first {{ entry.title }}</p>{% endmacro %}", "utf-8")
    assert "first Title &amp; &lt;more&gt;" in _render(Templates(tmp_path, cache))
    custom.write_text("{% macro heading(entry) %}<p>second {{ entry.title }}</p>{% endmacro %}", "utf-8")
    compiles.clear()
    assert "second Title &amp; &lt;more&gt;" in _render(Templates(tmp_path, cache))
    assert compiles == ["fragments/heading.html"]


def test_environments_set_up_differently_do_not_share_compiled_code() -> None:
    # The same name and source, compiled by the dossier's environment (which escapes) and by
    # a plain one (as a theme's may be): each gets the code its own set-up compiles to.
    cache = CompiledTemplates()
    source = {"page.html": "<p>{{ text }}</p>"}
    escaping = SiteEnvironment(loader=DictLoader(source), autoescape=True, bytecode_cache=cache)
    plain = Environment(loader=DictLoader(source), bytecode_cache=cache)
    assert escaping.get_template("page.html").render(text="<b>") == "<p>&lt;b&gt;</p>"
    assert plain.get_template("page.html").render(text="<b>") == "<p><b></p>"
    again = SiteEnvironment(loader=DictLoader(source), autoescape=True, bytecode_cache=cache)
    assert again.get_template("page.html").render(text="<b>") == "<p>&lt;b&gt;</p>"
