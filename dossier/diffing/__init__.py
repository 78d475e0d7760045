"""`dossier diff`: what a change does to the derived dossier, between two git revisions."""

from .command import add_parser, diff_revisions, run
from .compare import compare
from .model import DossierDiff
from .render import render_json, render_markdown, render_text

__all__ = ["DossierDiff", "add_parser", "compare", "diff_revisions", "render_json", "render_markdown", "render_text", "run"]
