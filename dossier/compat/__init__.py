"""What the core relies on in other packages beyond their public interfaces: one module per package.

Each reliance has a check that says whether it holds in the installed version (its test,
tests/test_compat.py, names it when an upgrade breaks it) and a fallback on the public
interface that the code takes at runtime when it does not hold: slower, never different.
"""
