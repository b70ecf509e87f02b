"""Memory figures of the running process, from /proc/self/status (Linux), for the memory benchmarks."""

from __future__ import annotations


def status_mb(key: str) -> float:
    """One memory line of /proc/self/status, in MB.

    Args:
        key: the line's key with its colon, e.g. "VmRSS:" (resident now) or "VmHWM:" (the peak).
    Returns:
        Its value in MB (the file gives kB), or 0.0 where the line is absent.
    """
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1]) / 1024
    return 0.0
