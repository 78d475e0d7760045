"""The `dossier` MkDocs plugin: validates the dossier through the core and adds its pages."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from dossier.check import CheckResult, check_content
from dossier.export import export
from dossier.load import ARTICLES_FOLDER, CLAIMS_FILE, CLAIMS_FOLDER
from dossier.report import summary_line

log = get_plugin_logger(__name__)


class DossierConfig(Config):
    # The content folder, relative to mkdocs.yml; empty means docs_dir.
    content = c.Optional(c.Type(str))
    # Where the export is published in the site.
    export_path = c.Type(str, default="dossier.json")


class DossierPlugin(BasePlugin[DossierConfig]):
    def __init__(self) -> None:
        self.result: CheckResult | None = None
        self.content_dir: Path | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        configured = self.config.content
        base = Path(config.config_file_path or ".").parent
        self.content_dir = (base / configured).resolve() if configured else Path(config.docs_dir)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.content_dir is not None
        result = check_content(self.content_dir)
        for problem in result.warnings:
            log.warning(problem.format_text())
        if not result.ok or result.analysis is None or result.dossier is None:
            listing = "\n".join(p.format_text() for p in result.errors)
            raise PluginError(f"the dossier has errors ({summary_line(result.problems)}):\n{listing}")
        self.result = result
        # Sources are input to the generator, not pages of their own.
        for file in list(files):
            if self._is_source(file):
                files.remove(file)
        payload = json.dumps(export(result.dossier, result.analysis), ensure_ascii=False, indent=1)
        files.append(File.generated(config, self.config.export_path, content=payload))
        return files

    def _is_source(self, file: File) -> bool:
        relative = self._content_relative(file)
        if relative is None:
            return False
        return (
            relative == CLAIMS_FILE
            or relative.startswith(CLAIMS_FOLDER + "/")
            or (relative.startswith(ARTICLES_FOLDER + "/") and relative.endswith(".md"))
        )

    def _content_relative(self, file: File) -> str | None:
        if not file.abs_src_path or self.content_dir is None:
            return None
        try:
            return Path(file.abs_src_path).resolve().relative_to(self.content_dir.resolve()).as_posix()
        except ValueError:
            return None

    def on_serve(self, server, /, *, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        # docs_dir is watched already; a content folder elsewhere must be watched too.
        if self.content_dir is not None:
            server.watch(str(self.content_dir))
        return server
