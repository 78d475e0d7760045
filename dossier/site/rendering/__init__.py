"""What every page is rendered with: the Jinja templates' environment, escaping and Markdown,
links between pages, shared page parts, JSON-LD, the Content-Security-Policy, text fragments,
quotes' passages and article bodies, and the full-text search index.
"""
