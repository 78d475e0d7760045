"""The MkDocs adapter on its own: options and `mkdocs serve` watching the content folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs_dossier.plugin import DossierPlugin


class RecordingServer:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str, *args: object, **kwargs: object) -> None:
        self.watched.append(path)


def _config(tmp_path: Path, **plugin_options: object) -> tuple[MkDocsConfig, DossierPlugin]:
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: t\n", "utf-8")
    config = MkDocsConfig(config_file_path=str(config_file))
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path / "docs")})
    errors, _ = config.validate()
    assert not errors
    plugin = DossierPlugin()
    # As MkDocs does: folder options are resolved against mkdocs.yml's folder.
    errors, _ = plugin.load_config(plugin_options, str(config_file))
    assert not errors, errors
    plugin.on_config(config)
    return config, plugin


def test_serve_watches_a_content_folder_outside_docs_dir(tmp_path: Path) -> None:
    (tmp_path / "research").mkdir()
    config, plugin = _config(tmp_path, content="research")
    server = RecordingServer()
    plugin.on_serve(server, config=config, builder=lambda: None)
    assert server.watched == [str((tmp_path / "research").resolve())]


def test_content_defaults_to_docs_dir_and_assets_are_registered(tmp_path: Path) -> None:
    config, plugin = _config(tmp_path)
    assert plugin.content_dir == (tmp_path / "docs").resolve()
    assert "assets/dossier/dossier.css" in config.extra_css
    assert "assets/dossier/dossier.js" in [str(s) for s in config.extra_javascript]


@pytest.mark.parametrize("option", ["content", "custom_templates"])
def test_folder_options_must_name_existing_folders(tmp_path: Path, option: str) -> None:
    errors, _ = DossierPlugin().load_config({option: "missing"}, str(tmp_path / "mkdocs.yml"))
    assert [name for name, _ in errors] == [option]
    assert str(tmp_path / "missing") in str(errors[0][1])


def test_custom_templates_is_resolved_against_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "overrides").mkdir()
    _, plugin = _config(tmp_path, custom_templates="overrides")
    assert plugin.config.custom_templates == str(tmp_path / "overrides")


def test_serve_watches_the_custom_templates(tmp_path: Path) -> None:
    (tmp_path / "overrides").mkdir()
    config, plugin = _config(tmp_path, custom_templates="overrides")
    server = RecordingServer()
    plugin.on_serve(server, config=config, builder=lambda: None)
    assert str(tmp_path / "overrides") in server.watched
