"""Run every benchmark (tests/bench/bench_*.py, each with `run() -> list[Result]`), print the
table and write bench/results.json: `python -m tests.bench.run [name ...]`."""

from __future__ import annotations

import importlib
import json
import os
import platform
import sqlite3
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import PySide6

from tests.bench.harness import Result

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "bench" / "results.json"


def machine() -> dict[str, object]:
    return {
        "python": sys.version.split()[0],
        "pyside6": PySide6.__version__,
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
    }


def modules(names: list[str]) -> list[str]:
    found = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    return [m for m in found if not names or any(n in m for n in names)]


def table(results: list[Result]) -> str:
    rows = [("benchmark", "figure", "target", "", "measure")]
    for r in results:
        rows.append(
            (r.name, f"{r.figure:.3g} {r.unit}", f"{r.goal.value} {r.target:g} {r.unit}",
             "PASS" if r.passed else "MISS", r.measure)
        )  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) if i < 4 else cell for i, cell in enumerate(row))
        for row in rows
    )


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results: list[Result] = []
    started = time.perf_counter()
    for name in modules(argv):
        module = importlib.import_module(f"tests.bench.{name}")
        print(f"… {name}", file=sys.stderr, flush=True)
        results += module.run()
    print(table(results))
    OUT.parent.mkdir(exist_ok=True)
    record = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "seconds": round(time.perf_counter() - started, 1),
        "results": [r.to_json() for r in results],
    }
    OUT.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written to {OUT.relative_to(ROOT)}", file=sys.stderr)
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
