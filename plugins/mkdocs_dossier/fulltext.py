"""The full-text search index, made once the build has written the pages (dossier/site/fulltext.py)."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from dossier.site.fulltext import FulltextError, index_site

log = get_plugin_logger(__name__)


def index_fulltext(site_dir: str) -> None:
    """Index the site with Pagefind; a build whose index fails, fails, saying why."""
    try:
        log.info(index_site(site_dir))
    except FulltextError as error:
        raise PluginError(str(error)) from None
