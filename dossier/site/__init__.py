"""Rendering a checked dossier into HTML pages. Pure Python: the MkDocs plugin only places them."""
