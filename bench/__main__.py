"""Run every ``bench_*.py`` module's ``main()`` (or only those named on the command line)."""
from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    wanted = set(argv if argv is not None else sys.argv[1:])
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
                   if m.name.startswith("bench_") and (not wanted or m.name in wanted))
    for name in names:
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"{__package__}.{name}")
        argv0 = sys.argv
        sys.argv = [name]  # each bench parses its own options: give it none of ours
        try:
            module.main()
        finally:
            sys.argv = argv0
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
