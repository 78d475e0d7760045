"""NumPy, for the few passes over every article's bytes (wirecopy.py).

We use no linear algebra, but importing NumPy starts OpenBLAS, which by default starts a
thread per core: in the check, and in each of its worker processes, that doubled NumPy's
import time in CPU (0.07 → 0.14 s). One thread is asked for, unless the environment says
otherwise; it changes nothing but the import, and only where NumPy was not imported yet.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import numpy.typing as npt

__all__ = ["np", "npt"]
