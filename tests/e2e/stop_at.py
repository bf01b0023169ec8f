"""Run ``main.py ARGS`` but freeze (SIGSTOP) when a named step is reached, for kill -9 tests.

    python tests/e2e/stop_at.py MODULE:ATTR[.METHOD]:before|after[:N] -- ARGS...

The process stops itself before or after the N-th call (default 1) of that function, and
prints ``STOPPED`` to stderr first; the test then kills it at exactly that point. The code
under test is unchanged: the step is wrapped from outside."""

from __future__ import annotations

import functools
import os
import signal
import sys
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def install(spec: str) -> None:
    module_name, attribute, when, *count = spec.split(":")
    wanted = int(count[0]) if count else 1
    owner = import_module(module_name)
    *path, name = attribute.split(".")
    for part in path:
        owner = getattr(owner, part)
    original = getattr(owner, name)
    calls = 0

    def freeze() -> None:
        sys.stderr.write(f"STOPPED {spec}\n")
        sys.stderr.flush()
        os.kill(os.getpid(), signal.SIGSTOP)

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        if when == "before" and calls == wanted:
            freeze()
        result = original(*args, **kwargs)
        if when == "after" and calls == wanted:
            freeze()
        return result

    setattr(owner, name, wrapper)


if __name__ == "__main__":
    spec, separator, *argv = sys.argv[1:]
    assert separator == "--", __doc__
    install(spec)
    from kiosk.cli import main

    sys.exit(main(argv))
