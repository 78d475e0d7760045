"""What the plugin relies on in MkDocs and Material beyond their documented interfaces: one module per package.

Each reliance has a check that says whether it holds in the installed version (its test,
tests/test_compat.py, names it when an upgrade breaks it) and a fallback the plugin takes
at runtime when it does not hold: slower, never different.
"""
