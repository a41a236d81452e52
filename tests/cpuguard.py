"""CPU guards against blow-ups that hold on any machine: a hostile input's CPU time compared with
a reference run in the same process (the same code on a smaller or a benign input), never with a
number of seconds a faster or slower machine would turn into a false alarm or a blind spot.

`cpu(fn, *args)` → (result, CPU seconds). `growth(run, n)`: CPU of `run(n)` over the median CPU of
three `run(n // 4)`: about 4 when the work is linear in n, about 16 when it grows with its square."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

FLOOR = 0.02  # seconds: a run this short is timer noise, not a rate


def cpu(fn: Callable[..., Any], *args: Any, **kw: Any) -> tuple[Any, float]:
    started = time.process_time()
    result = fn(*args, **kw)
    return result, time.process_time() - started


def growth(run: Callable[[int], Any], n: int) -> float:
    small = statistics.median(cpu(run, n // 4)[1] for _ in range(3))
    return cpu(run, n)[1] / max(small, FLOOR)


LINEAR = 8.0  # growth() above this for 4× the input: worse than linear (a square gives ~16)
