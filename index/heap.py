"""Giving the heap's freed pages back to the system during a build (glibc's malloc_trim).

glibc returns only the top of its heap on its own: what a build's transient arrays and objects took
stays resident after they are freed when it lies below live blocks, and the next transients land
on other free pages, touching them again. A long pass (BM25's vocabulary and score matrix, the
document store) thus ends up holding most of the heap's free space, not only what it needs
(bench/reports/index_scale.txt, sixth, ninth and twelfth passes).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable


def _trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, None when the C library is not glibc (or there are no process symbols).
    Looked up on each call (dlopen of the process itself: microseconds), not kept."""
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the process's own symbols: libc's, when it is glibc
    except (OSError, AttributeError, TypeError):  # not glibc (or no process symbols: Windows)
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim  # type: ignore[no-any-return]


def return_freed_memory() -> None:
    """Give the heap's free pages back to the system (glibc's malloc_trim; nothing elsewhere).

    Costs a walk of malloc's free lists and one madvise per free run of pages (~0.1 ms on a heap
    of 20 MB), and the page faults of touching those pages again: worth it after big frees, and
    every few batches of a long pass, not per object.
    """
    trim = _trim()
    if trim is not None:
        trim(0)
