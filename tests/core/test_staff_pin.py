"""The staff PIN: hashed with scrypt, checked in constant time, guesses rate-limited."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.staff_pin import LOCKOUT_S, MAX_FAILURES, PinError, PinGate, hash_pin, verify_pin

ROOT = Path(__file__).resolve().parents[2]


def test_hash_is_salted_and_verifies():
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second and first.startswith("scrypt$")
    assert "2468" not in first
    assert verify_pin("2468", first) and verify_pin("2468", second)
    assert not verify_pin("2469", first)


@pytest.mark.parametrize("pin", ["", "123", "12a4", "1234567890123"])
def test_pin_format_is_checked(pin):
    with pytest.raises(PinError, match="4 to 12 digits"):
        hash_pin(pin)


def test_a_broken_stored_hash_says_how_to_make_one():
    with pytest.raises(PinError, match="main.py staff-pin"):
        verify_pin("1234", "plaintext-1234")


def test_gate_locks_out_after_repeated_failures(clock):
    gate = PinGate(hash_pin("1357"), clock)
    for _ in range(MAX_FAILURES):
        assert not gate.attempt("0000")
    assert gate.locked_for() == LOCKOUT_S
    assert not gate.attempt("1357")  # even the right PIN waits
    clock.advance(LOCKOUT_S)
    assert gate.attempt("1357")


def staff_pin(typed: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "staff-pin"],
        input=typed,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_staff_pin_command_prints_a_config_line():
    done = staff_pin("908172\n")
    assert done.returncode == 0, done.stderr
    line = done.stdout.splitlines()[-1]
    assert line.startswith('pin_hash = "scrypt$')
    assert verify_pin("908172", line.split('"')[1])
    bad = staff_pin("12\n")
    assert bad.returncode == 1 and "4 to 12 digits" in bad.stderr
