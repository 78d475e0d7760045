"""Every reliance on another package's internals (the `compat` modules): it holds in the
installed versions, its test names it when an upgrade breaks it, and without it the code
takes its fallback and gives the same result."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from jinja2 import Environment
from jinja2.compiler import CodeGenerator
from markupsafe import Markup
from mkdocs.config import load_config
from mkdocs.contrib.search.search_index import SearchIndex as MkDocsSearchIndex
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme
from mkdocs_dossier import incremental, search_worker, theme_memo
from mkdocs_dossier.compat import material
from mkdocs_dossier.compat import mkdocs as mkdocs_compat
from mkdocs_dossier.markdownless import without_markdown

from dossier.compat import jinja, markupsafe
from dossier.site.rendering import html
from dossier.site.rendering.templating import template_environment

# ----- MarkupSafe: `_speedups._escape_inner` -----


def test_markupsafe_escape_inner_holds() -> None:
    assert markupsafe.speedups_hold() == "", markupsafe.speedups_hold()


@pytest.mark.parametrize("inner", [None, str.upper, lambda text: 1 / 0])
def test_markupsafe_escape_inner_broken_is_named_and_the_public_escape_is_taken(inner: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    if inner is None:  # as if MarkupSafe had no C extension
        import markupsafe._speedups as speedups

        monkeypatch.delattr(speedups, "_escape_inner")
    problem = markupsafe.speedups_hold(inner)
    assert "markupsafe._speedups._escape_inner" in problem
    monkeypatch.setattr(markupsafe, "speedups_hold", lambda: problem)
    fallback = markupsafe._chosen()
    assert fallback is markupsafe._public
    probe = 'Tom\'s <b>"bold"</b> & more'
    assert fallback(probe) == markupsafe.escape_text(probe) and type(fallback(probe)) is str


# ----- Jinja: CodeGenerator._output_child_pre / _output_child_post -----


def test_jinja_code_generator_reliance_holds() -> None:
    assert jinja.fast_escaping_holds(html.escape_output) == ""
    assert template_environment().code_generator_class is jinja.EscapingCodeGenerator


def _page_bits(env: Environment) -> str:
    template = env.from_string("<p title='{{ t }}'>{{ t }} {{ m }} {{ n }} {% for x in xs %}{{ x }}{% endfor %}</p>")
    return template.render(t='Tom\'s "<b>" & co', m=Markup("<i>ok</i>"), n=7, xs=["<", ">"])


def test_jinja_without_the_reliance_escapes_with_markupsafe(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _page_bits(template_environment())
    # As if Jinja stopped calling the two methods: values would be escaped twice.
    monkeypatch.setattr(jinja.EscapingCodeGenerator, "_output_child_pre", CodeGenerator._output_child_pre)
    monkeypatch.setattr(jinja.EscapingCodeGenerator, "_output_child_post", CodeGenerator._output_child_post)
    jinja.fast_escaping_holds.cache_clear()
    try:
        problem = jinja.fast_escaping_holds(html.escape_output)
        assert "CodeGenerator._output_child_pre/_output_child_post" in problem
        env = template_environment()
        assert env.code_generator_class is CodeGenerator and env.finalize is None
        slow = _page_bits(env)
    finally:
        jinja.fast_escaping_holds.cache_clear()
    assert "&amp;lt;" not in slow
    assert slow.replace("&#34;", "&quot;").replace("&#39;", "&#x27;") == fast


# ----- MkDocs: Page.render's results, the search index's `_entries` -----


def _rendered(tmp_path: Path, skip: bool) -> tuple[dict[str, Any], bool]:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "x.md").write_text("", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = Files([File("x.md", config.docs_dir, config.site_dir, config.use_directory_urls)])
    page = Page(None, files.documentation_pages()[0], config)
    page.markdown = without_markdown(page) if skip else ""
    replaced = "render" in vars(page)
    page.render(config, files)
    values = {name: getattr(page, name) for name in mkdocs_compat.RENDER_SETS}
    values["toc"] = list(values["toc"])
    return values, replaced


def test_mkdocs_page_render_reliance_holds(tmp_path: Path) -> None:
    assert mkdocs_compat.markdownless_holds() == "", mkdocs_compat.markdownless_holds()
    skipped, replaced = _rendered(tmp_path, skip=True)
    assert replaced
    assert skipped == _rendered(tmp_path, skip=False)[0]


def test_mkdocs_page_render_changed_is_named_and_mkdocs_renders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = Page.render

    def render(self: Page, config: Any, files: Any) -> None:
        original(self, config, files)
        self.new_attribute = True  # type: ignore[attr-defined]  # what a future MkDocs might set

    monkeypatch.setattr(Page, "render", render)
    mkdocs_compat.markdownless_holds.cache_clear()
    try:
        assert "new_attribute" in mkdocs_compat.markdownless_holds()
        fallback, replaced = _rendered(tmp_path, skip=True)
    finally:
        mkdocs_compat.markdownless_holds.cache_clear()
    assert not replaced  # MkDocs' own render ran
    monkeypatch.undo()
    assert fallback == _rendered(tmp_path, skip=False)[0]


def _config(plugin: str, index: object) -> Any:
    return SimpleNamespace(theme=SimpleNamespace(name="material"), plugins={plugin: SimpleNamespace(search_index=index)})


def test_search_index_entries_hold() -> None:
    mkdocs_index = MkDocsSearchIndex()
    assert mkdocs_compat.search_entries(mkdocs_index) is not None, "MkDocs' SearchIndex has no list `_entries` any more"
    from material.plugins.search.plugin import SearchIndex as MaterialSearchIndex

    material_index = MaterialSearchIndex()
    assert material.search_entries(material_index) is not None, "Material's SearchIndex has no list `entries` any more"
    assert incremental.incremental_possible(_config("search", mkdocs_index)) == ""
    assert incremental.incremental_possible(_config("material/search", material_index)) == ""


def test_without_the_search_entries_the_preview_renders_every_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mkdocs_compat, "search_entries", lambda index: None)
    monkeypatch.setattr(material, "search_entries", lambda index: None)
    assert "search plugin's index" in incremental.incremental_possible(_config("search", MkDocsSearchIndex()))


# ----- Material: template names, the `config` block, the `__config` script -----


def _material_env() -> Environment:
    return Theme(name="material").get_env()


@pytest.mark.parametrize("part", sorted(material.MEMO_READS))
def test_material_templates_of_the_memo_hold(part: str) -> None:
    assert material.memo_templates_hold(_material_env(), part) == ""


def test_material_writes_the_config_script() -> None:
    env = _material_env()
    assert env.loader is not None
    base, _, _ = env.loader.get_source(env, material.BASE)
    assert material.CONFIG_SCRIPT_START in base, "Material's base.html writes no <script id=__config>: search_worker.py"


def test_without_materials_templates_no_memo_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    env = _material_env()
    loader = env.loader
    monkeypatch.setattr(theme_memo, "memo_templates_hold", lambda env, name: f"Material has no template for {name}")
    theme_memo.use_theme_memo(env, None, SimpleNamespace(theme=SimpleNamespace(name="material")))  # type: ignore[arg-type]
    assert env.loader is loader and "dossier_theme_memo" not in env.globals  # every page renders Material's parts itself


def test_without_the_config_script_a_page_keeps_materials_search() -> None:
    page = "<html><body><p>no configuration block</p></body></html>"
    assert search_worker.use_search_worker(page, "people/a/") == page
