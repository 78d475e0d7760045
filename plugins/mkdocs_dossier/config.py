"""The plugin's options, declared with MkDocs' own validating types (the README lists them)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class DossierConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs' Config.__init_subclass__ has no annotations
    content = c.Optional(c.Dir(exists=True))
    """The content folder (claims.yaml or claims/, and articles/), relative to mkdocs.yml. Default: the docs_dir."""
    custom_templates = c.Optional(c.Dir(exists=True))
    """A folder of templates, relative to mkdocs.yml: a file named like one of the shipped
    templates (`pages/entity.html`, `fragments/evidence.html`, ...) replaces it. See the
    guide's page on templates for each template and what it receives."""
    export_path = c.Type(str, default="dossier.json")
    """Where the export (the derived data as JSON) is published in the site."""
    content_security_policy = c.Type(bool, default=True)
    """Give every page a Content-Security-Policy allowing only the site's own scripts and styles."""
    search_exclude = c.ListOfItems(c.Type(str), default=[])
    """Folders of the content (`guide/`) whose own pages stay out of the site's search, for readers."""
    incremental_preview = c.Type(bool, default=True)
    """Under `mkdocs serve`, render again only the pages an edit affects (false: every page, every time)."""
