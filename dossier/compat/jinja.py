"""Jinja's code generator internals: a printed value compiled to one call, `finalize(value)`.

With autoescaping, Jinja compiles `{{ value }}` to `escape(finalize(value))`: MarkupSafe's
`escape` makes a `Markup` object of every value, which for a big site's hundreds of
thousands of values is most of the cost of rendering its pages (benchmarks/README.md,
"Private APIs"). `EscapingCodeGenerator` overrides two methods of Jinja's `CodeGenerator`
(`_output_child_pre`/`_output_child_post`, with `_FinalizeInfo`) so that the environment's
`finalize`, which escapes by the same rule, is the one call. `fast_escaping_holds` renders a
probe with it; where Jinja no longer calls those methods as expected (values escaped twice, or
not at all), `escaping` gives Jinja's own generator and no `finalize`: MarkupSafe's `escape`
then escapes every value (the same pages, with quotes spelt `&#34;`/`&#39;`, a little slower).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from jinja2 import Environment
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Expr
from markupsafe import Markup

Finalize = Callable[[object], str]


class EscapingCodeGenerator(CodeGenerator):
    """Compiles a printed value to one call, `finalize(value)`, instead of `escape(finalize(value))`."""

    def _escapes_itself(self, frame: Frame, finalize: CodeGenerator._FinalizeInfo) -> bool:
        return bool(frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src)

    def _output_child_pre(self, node: Expr, frame: Frame, finalize: CodeGenerator._FinalizeInfo) -> None:
        if self._escapes_itself(frame, finalize):
            self.write(finalize.src or "")
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: Expr, frame: Frame, finalize: CodeGenerator._FinalizeInfo) -> None:
        if self._escapes_itself(frame, finalize):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


_PROBE_VALUE = "<a title='x' href=\"y\">&</a>"


@cache
def fast_escaping_holds(escape_output: Finalize) -> str:
    """ "" when templates compiled by `EscapingCodeGenerator` print each value as `escape_output` gives it, once."""

    class Probe(Environment):
        code_generator_class = EscapingCodeGenerator

    try:
        template = Probe(autoescape=True, finalize=escape_output).from_string("{{ a }}|{{ b }}|{{ n }}")
        printed = template.render(a=_PROBE_VALUE, b=Markup("<i>"), n=3)
    except Exception as error:  # any failure means the fast path is not to be taken
        return f"Jinja's CodeGenerator._output_child_pre/_output_child_post: a probe template failed ({error!r})"
    expected = f"{escape_output(_PROBE_VALUE)}|<i>|3"
    if printed != expected:
        return f"Jinja's CodeGenerator._output_child_pre/_output_child_post changed: a probe printed {printed!r}, not {expected!r}"
    return ""


def escaping(escape_output: Finalize) -> tuple[type[CodeGenerator], Finalize | None]:
    """The code generator and `finalize` of an autoescaping environment: `escape_output` as
    the one call per value where that holds; else Jinja's own (MarkupSafe's `escape`)."""
    if fast_escaping_holds(escape_output):
        return CodeGenerator, None
    return EscapingCodeGenerator, escape_output
