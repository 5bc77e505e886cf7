"""What every benchmark reports: a figure measured against a baseline taken in the same run
on the same machine (absolute times on shared machines vary), and its target."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from enum import StrEnum


class Goal(StrEnum):
    AT_MOST = "<="
    AT_LEAST = ">="


@dataclass(frozen=True, slots=True)
class Result:
    """One row of the table. `figure` is what the target is about: a ratio to `baseline`
    (unit "x") or an absolute figure where the issue sets one (ms, MB)."""

    name: str
    measure: str  # what was measured, in words
    figure: float
    unit: str  # "x", "ms", "MB"
    goal: Goal
    target: float
    value: float | None = None  # the raw measurement behind a ratio
    baseline: float | None = None  # the baseline of a ratio
    value_unit: str = ""  # of value and baseline ("s", "posts/s")
    note: str = ""  # what dominates, what would fix a miss

    @property
    def passed(self) -> bool:
        if self.goal is Goal.AT_MOST:
            return self.figure <= self.target
        return self.figure >= self.target

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["goal"] = self.goal.value
        data["passed"] = self.passed
        return data


def best_of(repeats: int, run: Callable[[], object]) -> float:
    """The shortest of `repeats` wall-clock runs, in seconds: the least disturbed one."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def p95(values: list[float]) -> float:
    """The 95th percentile (inclusive method; needs at least two values)."""
    return statistics.quantiles(values, n=20, method="inclusive")[-1]
