"""Search that forgives a misspelt name: each page's search runs in the dossier's worker.

Material for MkDocs runs its search in a web worker whose URL every page names in its
configuration block (`<script id="__config" type="application/json">`, key `search`);
Material documents this as the way to provide a custom worker. The dossier's worker
(`assets/dossier/search-worker.js`) loads Material's own and retries, with transliteration
variants and lunr's fuzzy operator, a query that leaves a word unmatched. A page without
that block (another theme) or whose block does not name a worker is left as it is, and
keeps the theme's own search.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote, urljoin, urlsplit

from mkdocs.utils import get_relative_url

from dossier.site.site import SEARCH_WORKER

from .compat.material import CONFIG_SCRIPT_START

_CONFIG_START = CONFIG_SCRIPT_START
_CONFIG = re.compile(re.escape(_CONFIG_START) + "(?P<body>.*?)</script>", re.S)
_ORIGIN = "http://site.invalid/"  # a stand-in origin, to resolve page-relative URLs on


def _json_for_html(data: object) -> str:
    # As Jinja's `tojson` writes it: nothing in it can end the script element.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")


def _worker_url(material_worker: str, page_url: str) -> str:
    """The dossier's worker, relative to the page, with Material's relative to the worker."""
    target = urljoin(_ORIGIN + page_url, material_worker)
    parts = urlsplit(target)
    on_site = f"{parts.scheme}://{parts.netloc}/" == _ORIGIN
    # Relative to the dossier's worker; on another host (a CDN), as given.
    material = get_relative_url(parts.path.lstrip("/"), SEARCH_WORKER) if on_site else target
    return get_relative_url(SEARCH_WORKER, page_url) + "?material=" + quote(material, safe="/")


def use_search_worker(html: str, page_url: str) -> str:
    """The page with its search pointed at the dossier's worker, or unchanged when it has no Material worker."""
    # Material writes the block near the end of the page: looked for from there, which is
    # a tenth of the time of a search from the start (thousands of pages).
    block = _CONFIG.search(html, max(0, html.rfind(_CONFIG_START)))
    if block is None:
        return html
    try:
        config = json.loads(block.group("body"))
    except ValueError:
        return html
    if not isinstance(config, dict) or not isinstance(config.get("search"), str) or not config["search"]:
        return html
    config["search"] = _worker_url(config["search"], page_url)
    return html[: block.start("body")] + _json_for_html(config) + html[block.end("body") :]
