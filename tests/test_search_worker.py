"""Pages point Material's search at the dossier's worker; anything else is left as it is."""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs_dossier.search_worker import use_search_worker

CONFIG = '<script id="__config" type="application/json">{}</script>'


def config_of(page: str) -> dict[str, object]:
    match = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S)
    assert match is not None
    data: dict[str, object] = json.loads(match.group(1))
    return data


def test_a_page_deep_in_the_site_gets_the_worker_with_materials_worker_beside_it() -> None:
    page = "<html>" + CONFIG.format('{"base":"../..","search":"../../assets/javascripts/workers/search.a7633da7.min.js","x":"<&>"}')
    changed = config_of(use_search_worker(page, "people/alexander-lukashenko/"))
    assert changed["search"] == "../../assets/dossier/search-worker.js?material=../javascripts/workers/search.a7633da7.min.js"
    assert changed["base"] == "../.." and changed["x"] == "<&>"  # the rest as it was
    assert "<&>" not in use_search_worker(page, "people/alexander-lukashenko/")  # still safe inside <script>


def test_the_home_page_and_pages_without_directory_urls() -> None:
    home = CONFIG.format('{"search":"assets/javascripts/workers/search.js"}')
    assert config_of(use_search_worker(home, ""))["search"] == "assets/dossier/search-worker.js?material=../javascripts/workers/search.js"
    flat = CONFIG.format('{"search":"../assets/javascripts/workers/search.js"}')
    assert config_of(use_search_worker(flat, "people/x.html"))["search"] == (
        "../assets/dossier/search-worker.js?material=../javascripts/workers/search.js"
    )


def test_pages_without_materials_worker_are_left_alone() -> None:
    for page in (
        "<html><body>another theme</body></html>",
        CONFIG.format('{"base":"."}'),  # no worker named
        CONFIG.format("not json"),
    ):
        assert use_search_worker(page, "people/x/") == page


def test_the_worker_is_published_with_the_site(first_site: Path) -> None:
    worker = first_site / "assets" / "dossier" / "search-worker.js"
    assert worker.is_file()
    page = (first_site / "people" / "alexander-lukashenko" / "index.html").read_text("utf-8")
    url = str(config_of(page)["search"])
    path, material = url.split("?material=")
    assert (first_site / "people" / "alexander-lukashenko" / path).resolve() == worker.resolve()
    assert (worker.parent / material).resolve().is_file()  # Material's own worker, which it loads
