"""The speed machinery of the build and the preview: which data each page read (so an edit
re-renders only the pages it affects), and the second process that renders pages while the
build runs the theme. Neither renders anything itself: both call `Site.render`.
"""
