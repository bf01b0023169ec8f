"""Enrolled faces at rest (encrypted embeddings, private files) and the audit log."""

from __future__ import annotations

import json
import os
import stat

import numpy as np
import pytest

from kiosk.privacy.audit import AuditLog
from kiosk.privacy.enrolment import EnrolmentError, EnrolmentStore


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def embedding(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=128)


def test_embeddings_round_trip_encrypted_in_private_files(data_dir):
    store = EnrolmentStore(data_dir)
    store.add("mayor", [embedding(1), embedding(2)])
    store.add("deputy", [embedding(3)])
    loaded = EnrolmentStore(data_dir).load()
    assert sorted(loaded) == ["deputy", "mayor"]
    assert np.allclose(loaded["mayor"][1], embedding(2))
    raw = store.path.read_bytes()
    assert b"mayor" not in raw and str(embedding(1)[0])[:8].encode() not in raw
    assert mode(store.directory) == 0o700
    assert mode(store.path) == 0o600 and mode(store.key_path) == 0o600
    assert sorted(p.name for p in store.directory.iterdir()) == ["enrolment.bin", "enrolment.key"]


def test_remove_and_separate_data_dirs(tmp_path):
    first, second = EnrolmentStore(tmp_path / "a"), EnrolmentStore(tmp_path / "b")
    first.add("mayor", [embedding(1)])
    assert second.names() == []
    assert first.remove("mayor") and not first.remove("mayor")
    assert first.names() == []


def test_wrong_key_or_damaged_file_is_refused_and_left_untouched(data_dir):
    store = EnrolmentStore(data_dir)
    store.add("mayor", [embedding(1)])
    before = store.path.read_bytes()
    store.key_path.write_bytes(b"A" * 43 + b"=")
    with pytest.raises(EnrolmentError, match="cannot be decrypted"):
        store.load()
    with pytest.raises(EnrolmentError):
        store.add("deputy", [embedding(2)])
    assert store.path.read_bytes() == before
    store.key_path.unlink()
    with pytest.raises(EnrolmentError, match="key .* is missing"):
        store.load()


def test_a_key_file_others_can_read_is_refused(data_dir):
    store = EnrolmentStore(data_dir)
    store.add("mayor", [embedding(1)])
    os.chmod(store.key_path, 0o644)
    with pytest.raises(EnrolmentError, match="chmod 600"):
        store.load()


def test_audit_log_records_time_event_reason_only(data_dir, clock):
    log = AuditLog(data_dir, clock)
    log.record("unlock", "enrolled face verified", who="mayor")
    clock.advance(12.5)
    log.record("lock", "stranger in view")
    with open(log.path, "a", encoding="utf-8") as handle:
        handle.write("{not json\n")  # a damaged line does not hide the others
    entries = AuditLog(data_dir).entries()
    assert [e["event"] for e in entries] == ["unlock", "lock"]
    assert entries[0]["who"] == "mayor" and entries[1]["reason"] == "stranger in view"
    assert entries[0]["time"].endswith("+09:00")
    assert set(json.loads(log.path.read_text().splitlines()[1])) == {"time", "event", "reason"}
    assert mode(log.path) == 0o600
