"""`mkdocs build`, with the time spent in each plugin's event handlers recorded.

    python benchmarks/timed_build.py TIMINGS.json [mkdocs build arguments ...]

Runs exactly `mkdocs build ARGS` in this process, but every event handler a plugin
registers is wrapped with a timer (priorities kept), and the dossier's own phases are
timed inside its `on_files`: the check (load, validate, derive), the export and the data
formats written from it (dossier.db, dossier.ftm.json, annotations.json: "formats"). At exit
TIMINGS.json holds {"plugins": {name: {event: seconds}}, "dossier": {phase: seconds},
"calls": {name: {event: count}}}. The wrapping costs well under a microsecond a call.
"""

from __future__ import annotations

import atexit
import functools
import json
import sys
import time
from collections import defaultdict

from mkdocs import plugins as mkdocs_plugins

seconds: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
calls: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
phases: dict[str, float] = defaultdict(float)


def _timed(table: dict[str, float], name: str, function):  # type: ignore[no-untyped-def]
    @functools.wraps(function)
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            table[name] += time.perf_counter() - start

    return wrapper


_register = mkdocs_plugins.PluginCollection._register_event


def _register_timed(self, event_name, method, plugin_name=None):  # type: ignore[no-untyped-def]
    if isinstance(method, mkdocs_plugins.CombinedEvent) or plugin_name is None:
        return _register(self, event_name, method, plugin_name=plugin_name)
    inner = _timed(seconds[plugin_name], event_name, method)

    @functools.wraps(method)
    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls[plugin_name][event_name] += 1
        return inner(*args, **kwargs)

    if hasattr(method, "mkdocs_priority"):
        counted.mkdocs_priority = method.mkdocs_priority  # type: ignore[attr-defined]
    return _register(self, event_name, counted, plugin_name=plugin_name)


mkdocs_plugins.PluginCollection._register_event = _register_timed  # type: ignore[method-assign]


class _TimedFormat:
    """A data format whose writing counts to the "formats" phase."""

    def __init__(self, wrapped):  # type: ignore[no-untyped-def]
        self._wrapped = wrapped
        self.write = _timed(phases, "formats", wrapped.write)

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        return getattr(self._wrapped, name)


try:  # the dossier's phases inside on_files
    import mkdocs_dossier.plugin as dossier_plugin

    dossier_plugin.check_content = _timed(phases, "check", dossier_plugin.check_content)
    # The export is made where the site declares its files (older versions: in the plugin).
    import dossier.site.site as dossier_site

    exporter = dossier_site if hasattr(dossier_site, "export") else dossier_plugin
    exporter.export = _timed(phases, "export", exporter.export)  # type: ignore[attr-defined]
    dossier_plugin.Site.__init__ = _timed(phases, "plan", dossier_plugin.Site.__init__)
    dossier_plugin.Site.render = _timed(phases, "render", dossier_plugin.Site.render)
    try:  # pages rendered by a second process (dossier/site/preview/prerender.py): the time the build waits for them
        from dossier.site.preview.prerender import Prerendered

        Prerendered.page = _timed(phases, "waiting", Prerendered.page)  # type: ignore[method-assign]
        Prerendered.exports = _timed(phases, "waiting", Prerendered.exports)  # type: ignore[method-assign]
    except ImportError:  # older versions
        pass
    # dossier.db, dossier.ftm.json and annotations.json (dossier.formats), all three together.
    # The site declares them with its outputs (older versions: the plugin wrote them).
    holder = dossier_site if hasattr(dossier_site, "FORMATS") else dossier_plugin
    holder.FORMATS = {name: _TimedFormat(f) for name, f in holder.FORMATS.items()}  # type: ignore[attr-defined]
except ImportError:  # a baseline build without the plugin
    pass


def _dump(path: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"plugins": seconds, "calls": calls, "dossier": phases}, handle, indent=1)


def main() -> None:
    out, args = sys.argv[1], sys.argv[2:]
    atexit.register(_dump, out)
    from mkdocs.__main__ import cli

    cli(["build", *args], prog_name="mkdocs")


if __name__ == "__main__":
    main()
