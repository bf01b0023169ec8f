"""The cache swaps whole datasets atomically, reports age, and survives corruption."""

import sqlite3
import threading

import pytest

from offline_cache.startup import open_cache
from offline_cache.store import CACHE_FILENAME, CacheStore, DatasetUpdate


def air(rows, measured_at=1_000.0):
    return DatasetUpdate("air_quality", rows, source="test", measured_at=measured_at)


def test_replace_and_snapshot_with_age(data_dir, clock):
    store = CacheStore(data_dir / CACHE_FILENAME, clock)
    store.replace([air([{"district": "중구", "pm10": 30.0}], measured_at=clock.now - 60)])
    snap = store.snapshot("air_quality")
    assert snap.rows == [{"district": "중구", "pm10": 30.0}]
    assert snap.age_s == 60 and not snap.is_stale
    clock.advance(3 * 3600)
    assert store.snapshot("air_quality").is_stale


def test_unknown_dataset_and_empty_state(data_dir, clock):
    store = CacheStore(data_dir / CACHE_FILENAME, clock)
    snap = store.snapshot("bike_stations")
    assert snap.is_empty and snap.age_s is None and not snap.status.has_data
    with pytest.raises(KeyError, match="unknown dataset"):
        store.snapshot("nope")


def test_failed_replace_keeps_the_old_rows(data_dir, clock):
    store = CacheStore(data_dir / CACHE_FILENAME, clock)
    store.replace([air([{"district": "중구"}])])
    bad = DatasetUpdate("no_such_dataset", [{"x": 1}], source="t", measured_at=None)
    with pytest.raises(KeyError):
        store.replace([air([{"district": "종로구"}]), bad])
    assert store.snapshot("air_quality").rows == [{"district": "중구"}]


def test_replace_runs_extra_state_in_the_same_transaction(data_dir, clock):
    store = CacheStore(data_dir / CACHE_FILENAME, clock)
    store.db.execute("CREATE TABLE marker (value TEXT)")
    store.replace([air([{"district": "중구"}])])

    def write_then_fail(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO marker VALUES ('new')")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        store.replace([air([{"district": "종로구"}])], also=write_then_fail)
    assert store.snapshot("air_quality").rows == [{"district": "중구"}]
    assert store.db.execute("SELECT count(*) FROM marker").fetchone()[0] == 0
    store.replace(
        [air([{"district": "종로구"}])],
        also=lambda conn: conn.execute("INSERT INTO marker VALUES ('new')"),
    )
    assert store.snapshot("air_quality").rows == [{"district": "종로구"}]
    assert store.db.execute("SELECT value FROM marker").fetchall() == [("new",)]


def test_errors_are_recorded_without_touching_data(data_dir, clock):
    store = CacheStore(data_dir / CACHE_FILENAME, clock)
    store.replace([air([{"district": "중구"}])])
    store.record_error("air_quality", "ERROR-500: 서버 오류입니다.")
    snap = store.snapshot("air_quality")
    assert snap.rows and snap.status.last_error == "ERROR-500: 서버 오류입니다."
    store.replace([air([{"district": "중구"}])])
    assert store.status("air_quality").last_error is None


def test_readers_never_see_a_mix(data_dir, clock):
    writer = CacheStore(data_dir / CACHE_FILENAME, clock)
    writer.replace([air([{"district": "a", "v": 0}] * 500)])
    seen, stop = set(), threading.Event()

    def read():
        reader = CacheStore(data_dir / CACHE_FILENAME, clock)
        while not stop.is_set():
            seen.add(frozenset(row["v"] for row in reader.snapshot("air_quality").rows))

    thread = threading.Thread(target=read)
    thread.start()
    for version in range(1, 15):
        writer.replace([air([{"district": "a", "v": version}] * 500)])
    stop.set()
    thread.join()
    assert all(len(versions) == 1 for versions in seen)


def test_json_columns_round_trip(data_dir, clock):
    store = CacheStore(data_dir / CACHE_FILENAME, clock)
    row = {"area_name": "광화문", "weather": {"temperature": 3.0}, "roads": [{"name": "종로"}]}
    store.replace([DatasetUpdate("citydata", [row], source="t", measured_at=None)])
    assert store.snapshot("citydata").rows == [row]


def test_first_run_seeds_default_content(data_dir):
    store = open_cache(data_dir)
    statuses = {s.dataset: s for s in store.statuses()}
    for dataset in (
        "air_quality",
        "subway_arrivals",
        "bike_stations",
        "disaster_alerts",
        "citydata",
        "weather",
    ):
        assert statuses[dataset].row_count > 0 and statuses[dataset].sample


@pytest.mark.parametrize("damage", ["garbage", "truncate"])
def test_corrupt_cache_is_moved_aside_and_reseeded(data_dir, damage, caplog):
    store = open_cache(data_dir)
    store.close()
    path = data_dir / CACHE_FILENAME
    with sqlite3.connect(path) as conn:  # fold the WAL into the main file first
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = path.read_bytes()
    path.write_bytes(b"this is not sqlite" * 100 if damage == "garbage" else raw[: len(raw) // 3])
    store = open_cache(data_dir)
    assert store.snapshot("air_quality").rows
    assert list(data_dir.glob(f"{CACHE_FILENAME}.corrupt-*"))
    assert "corrupt" in caplog.text
