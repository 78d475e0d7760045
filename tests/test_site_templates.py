"""Custom templates (the plugin's `custom_templates` option), with real `mkdocs build`s."""

from __future__ import annotations

from pathlib import Path

from injection import EVIL_CLAIMS, PAYLOADS, write_injection_project
from sitebuild import MINIMAL_MKDOCS_YML, mkdocs_build

from dossier.site.rendering.templating import Templates

WITH_OVERRIDES = MINIMAL_MKDOCS_YML.replace("plugins: [search, dossier]", "plugins: [search, {dossier: {custom_templates: overrides}}]")


def _project(tmp_path: Path, templates: dict[str, str]) -> Path:
    config = write_injection_project(tmp_path, WITH_OVERRIDES)
    for name, text in templates.items():
        path = tmp_path / "overrides" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return config


def test_a_custom_fragment_replaces_the_shipped_one_and_text_stays_escaped(tmp_path: Path) -> None:
    evidence = """\
{% macro evidence(e) %}
<div class="my-evidence">{{ e.stance.value }}: {{ e.quote }} ({{ e.outlet }})</div>
{% endmacro %}
"""
    config = _project(tmp_path, {"fragments/evidence.html": evidence})
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / EVIL_CLAIMS[0] / "index.html").read_text("utf-8")
    assert '<div class="my-evidence">supports: ' in page
    assert '<figure class="dossier-evidence' not in page  # the shipped fragment is not used
    # Autoescaping applies to custom templates too: every payload is shown as text.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for payload in PAYLOADS:
        if payload.startswith("<"):
            assert f"({payload}" not in page and f": {payload}" not in page
    # The other templates are still the shipped ones.
    assert '<h2 id="evidence">Evidence (1)</h2>' in page


def test_a_custom_page_template_replaces_the_shipped_one(tmp_path: Path) -> None:
    config = _project(tmp_path, {"pages/entity.html": '<h1 class="mine">{{ entity.name }}</h1><p>{{ kind_label }}</p>'})
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "people" / "evil" / "index.html").read_text("utf-8")
    assert '<h1 class="mine">Evil Name &lt;script&gt;alert(1)&lt;/script&gt;' in page
    assert "<p>Person</p>" in page


def test_a_broken_custom_template_stops_the_build_with_its_file_and_line(tmp_path: Path) -> None:
    broken = "{% macro evidence(e) %}\n<p>\n{{ e.no_such_field.x }}\n</p>\n{% endmacro %}\n"
    config = _project(tmp_path, {"fragments/evidence.html": broken})
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode != 0
    assert f"{tmp_path / 'overrides' / 'fragments' / 'evidence.html'}, line 3" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_custom_template_with_a_syntax_error_is_named(tmp_path: Path) -> None:
    config = _project(tmp_path, {"fragments/evidence.html": "{% macro evidence(e) %}\n\n{% if %}\n"})
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode != 0
    assert "evidence.html, line 3" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_shipped_template_compiles_and_is_documented() -> None:
    env = Templates().env
    names = env.list_templates(extensions=["html"])
    assert "pages/entity.html" in names and "fragments/evidence.html" in names
    guide = (Path(__file__).resolve().parent.parent / "content" / "guide" / "templates.md").read_text("utf-8")
    for name in names:
        env.get_template(name)
        assert f"`{name}`" in guide, f"{name} is not in the guide's table of templates"
