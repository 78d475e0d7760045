"""The Jinja2 environment every page and fragment is rendered in.

Autoescaping is on: a value is escaped unless it is `markupsafe.Markup` (made only in
`html.py`, or by rendering a template); `html.escape_output` escapes everything else, as the
one call per printed value (`compat/jinja.py`; MarkupSafe's `escape` where that does not hold). Templates are looked up first in the user's
`custom_templates` folder, then among the shipped ones (`dossier/site/templates/`), so a
file of the same name replaces a shipped template.

Templates are written one element a line, for reading; a line break and the indentation
after it are removed when a template is loaded (`JoinLines`), so the pages stay as compact
as the HTML the browser gets. A space that matters is written inside a line.
"""

from __future__ import annotations

import datetime as dt
import re
import traceback
from collections.abc import Callable, Hashable, Iterator, MutableMapping
from pathlib import Path
from typing import Any, NamedTuple

from jinja2 import (
    BaseLoader,
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
)
from jinja2.bccache import Bucket
from jinja2.ext import Extension
from jinja2.lexer import TOKEN_DATA, Token, TokenStream
from markupsafe import Markup

from ... import dates
from ...compat.jinja import escaping
from ...model import DateValue, Stance, Status
from .html import escape_output

_LINE_BREAK = re.compile(r"\n[ \t]*")


class JoinLines(Extension):
    """Removes each line break of a template's text, with the indentation that follows it.

    Only text outside tags is changed (tags may span lines), and each token keeps its line
    number, so errors in a template still name the right line.
    """

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        for token in stream:
            if token.type == TOKEN_DATA:
                text = _LINE_BREAK.sub("", token.value)
                if text:
                    yield Token(token.lineno, token.type, text)
            else:
                yield token


class SiteEnvironment(Environment):
    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals as a plain dict, not Jinja's ChainMap over the environment's.

        Every render copies them and every `{% from %}` import compares their keys; on a
        ChainMap both run in Python, most of the cost of a small template (11 µs a render,
        2 with a dict). The site sets its globals before it loads a template, as Jinja asks.
        """
        return {**self.globals, **(d or {})}


class StatusLabel(NamedTuple):
    value: str  # the CSS suffix: dossier-status-<value>
    icon: str
    label: str
    meaning: str


class StanceLabel(NamedTuple):
    value: str
    icon: str
    label: str


STATUS_LABELS = {
    Status.CORROBORATED: StatusLabel(
        "corroborated", "✔✔", "Corroborated", "two or more independent origins support it; none contradicts it"
    ),
    Status.SINGLE_SOURCE: StatusLabel("single-source", "✔", "Single source", "one origin supports it; none contradicts it"),
    Status.CONTESTED: StatusLabel("contested", "⚖", "Contested", "some origins support it, others contradict it"),
    Status.DISPUTED: StatusLabel("disputed", "✖", "Disputed", "the only evidence contradicts it"),
}
STANCE_LABELS = {
    Stance.SUPPORTS: StanceLabel("supports", "✔", "Supports"),
    Stance.CONTRADICTS: StanceLabel("contradicts", "✖", "Contradicts"),
}


def format_date(value: DateValue | dt.date | None) -> str:
    """A date as written, in words: "11 Sep 2025", "September 2025", "since 2020"."""
    if isinstance(value, dt.date):
        value = dates.from_day(value)
    return dates.display(value, abbreviated=True)


def machine_date(value: DateValue) -> str:
    """What a `<time datetime>` names: the date, or a range's first written end, at its precision."""
    written = value if isinstance(value, dates.Date) else (value.start or value.end)
    assert written is not None  # a range has at least one end
    return dates.machine_readable(written)


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory across the builds of one process (`mkdocs serve`).

    Jinja compiles a template the first time an environment loads it, and every build makes
    new environments (the dossier's, and MkDocs' for the theme): compiling took about a
    quarter of a preview rebuild. Jinja finds a compiled template by its name, its file and a
    hash of its source, so an edited template is compiled again; the key here also holds the
    environment's set-up, which decides the code a template compiles to (the dossier's
    environment escapes differently from the theme's). Only for one process: the code
    generator is this process's (a cache on disk could outlive an upgrade of it).
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        return super().get_bucket(environment, f"{_setup(environment)}\0{name}", filename, source)

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _setup(env: Environment) -> str:
    """What of an environment decides the code its templates compile to."""

    def named(value: object) -> object:
        return (
            value
            if value is None or isinstance(value, bool | str)
            else f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', value)}"
        )

    syntax = (env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string) + (
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
    )
    options = (env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized, env.is_async)
    return repr(
        (
            named(type(env)),
            named(env.code_generator_class),
            sorted(env.extensions),
            named(env.autoescape),
            named(env.finalize),
            syntax,
            options,
        )
    )


def template_environment(custom_dir: Path | None = None, compiled: BytecodeCache | None = None) -> Environment:
    loaders: list[BaseLoader] = [] if custom_dir is None else [FileSystemLoader(custom_dir)]
    loaders.append(PackageLoader("dossier.site", "templates"))
    generator, finalize = escaping(escape_output)
    env = SiteEnvironment(
        bytecode_cache=compiled,
        loader=ChoiceLoader(loaders),
        autoescape=True,
        finalize=finalize,
        auto_reload=False,  # a build never changes its templates; no stat() per page
        cache_size=-1,  # every template stays loaded: a dict, not an LRU cache that locks on each look-up
        undefined=StrictUndefined,  # a misspelt name in a custom template fails the build
        extensions=[JoinLines],
    )
    env.code_generator_class = generator
    return env


class Templates:
    """Renders pages and fragments; the few fragments printed thousands of times with the
    same arguments (dates, badges) are rendered once per distinct value."""

    def __init__(self, custom_dir: Path | None = None, compiled: BytecodeCache | None = None) -> None:
        self.env = template_environment(custom_dir, compiled)
        self._cache: dict[tuple[str, Hashable], Markup] = {}
        # Filters, not functions: Jinja calls a filter directly, a function through the context.
        self.env.filters.update(date=self.date, status_badge=self.status_badge, stance_badge=self.stance_badge)
        self.env.globals["STATUS"] = STATUS_LABELS

    def render(self, name: str, **data: Any) -> str:
        """A page's HTML, for MkDocs (a plain string: a Markup object would escape what it is joined to)."""
        return self.env.get_template(name).render(data)

    def render_markup(self, name: str, **data: Any) -> Markup:
        """A part that other templates print: what a template rendered is markup."""
        return Markup(self.env.get_template(name).render(data))

    def macro(self, name: str) -> Callable[..., Markup]:
        """The macro of a fragment file (`fragments/date.html` defines `date`), to call from Python."""
        module = self.env.get_template(f"fragments/{name}.html").module
        return getattr(module, name)  # type: ignore[no-any-return]

    def _cached(self, name: str, key: Hashable, *args: Any) -> Markup:
        value = self._cache.get((name, key))
        if value is None:
            value = self._cache[(name, key)] = Markup(self.macro(name)(*args))
        return value

    def date(self, value: DateValue | None) -> Markup:
        if value is None:
            return Markup("")
        cached = self._cache.get(("date", value))
        return cached if cached is not None else self._cached("date", value, machine_date(value), format_date(value))

    def status_badge(self, status: Status, compact: bool = False) -> Markup:
        """The status as a badge; `compact` leaves out the tooltip, for tables of many rows."""
        cached = self._cache.get(("status_badge", (status, compact)))
        return cached if cached is not None else self._cached("status_badge", (status, compact), STATUS_LABELS[status], compact)

    def stance_badge(self, stance: Stance) -> Markup:
        cached = self._cache.get(("stance_badge", stance))
        return cached if cached is not None else self._cached("stance_badge", stance, STANCE_LABELS[stance])


def template_error_message(error: TemplateError, page: str) -> str:
    """What went wrong in which template, and where, for a build that stops on it.

    A syntax error knows its file and line; for an error while rendering (a name the
    template does not receive, say), the innermost template frame of the traceback does.
    """
    where = ""
    if isinstance(error, TemplateSyntaxError):
        where = f"{error.filename or error.name}, line {error.lineno}: "
    else:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".html")]
        if frames:
            where = f"{frames[-1].filename}, line {frames[-1].lineno}: "
    return (
        f"{where}{error.message or type(error).__name__} (while rendering {page}). "
        "Check this template against the list of templates and what each receives (guide: Templates)."
    )
