"""The pages of the site: one module per kind of page (article, claim, entity, the indexes,
the timeline, What's new, ...) or part of one (the source box, a discrepancy, relations).
Each turns `SiteData` into the plain data its template receives; `Site` plans and calls them.
"""
