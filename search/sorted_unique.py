"""Sorted distinct values of integer arrays, without ``numpy.ma``.

numpy 2's ``np.unique`` (and ``np.union1d``, which calls it) asks ``np.ma.is_masked`` of a plain
array, and ``numpy.ma`` is imported on that first call: 8 ms of CPU inside a process's first
hybrid search, which nothing else the search does imports. Same values, same order, same dtype.
"""

from __future__ import annotations

import numpy as np


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """The distinct values of ``values`` (flattened), ascending: ``np.unique(values)``."""
    out = np.sort(np.asarray(values).ravel())
    if len(out) < 2:
        return out
    return out[np.concatenate(([True], out[1:] != out[:-1]))]


def sorted_union(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The distinct values of ``a`` and ``b``, ascending: ``np.union1d(a, b)``."""
    return sorted_unique(np.concatenate((a, b), axis=None))
