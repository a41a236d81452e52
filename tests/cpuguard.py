"""CPU guards against blow-ups that hold on any machine: a hostile input's CPU time compared with
a reference run in the same process (the same code on a smaller or a benign input), never with a
number of seconds a faster or slower machine would turn into a false alarm or a blind spot.

`cpu(fn, *args)` → (result, CPU seconds), with the cyclic garbage collector held off while it runs: a
full collection walks every object the test session has made so far, so its pause belongs to the
session, not to the input (a CI run once read 11x for a linear extraction that way). `growth(run, n)`:
the least CPU of three `run(n)` over the least of three `run(n // 4)` (noise only ever adds time, so the
least of three is the closest to the work itself): about 4 when the work is linear in n, about 16 when
it grows with its square."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

FLOOR = 0.02  # seconds: a run this short is timer noise, not a rate


def cpu(fn: Callable[..., Any], *args: Any, **kw: Any) -> tuple[Any, float]:
    gc.collect()
    held = gc.isenabled()
    gc.disable()
    try:
        started = time.process_time()
        result = fn(*args, **kw)
        return result, time.process_time() - started
    finally:
        if held:
            gc.enable()


def growth(run: Callable[[int], Any], n: int) -> float:
    small = min(cpu(run, n // 4)[1] for _ in range(3))
    return min(cpu(run, n)[1] for _ in range(3)) / max(small, FLOOR)


LINEAR = 8.0  # growth() above this for 4× the input: worse than linear (a square gives ~16)
