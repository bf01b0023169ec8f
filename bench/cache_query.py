"""Widget cache queries with 10,000 rows in the dataset (target: p95 <= 5 ms)."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import machine_note, summary_ms  # noqa: E402
from kiosk.reference import find_site  # noqa: E402
from offline_cache.store import CACHE_FILENAME, CacheStore, DatasetUpdate  # noqa: E402
from widgets.bikes.model import nearby_stations, query_nearby  # noqa: E402

ROWS = 10_000


def main(queries: int = 500) -> None:
    rng = random.Random(7)
    site = find_site("홍대입구")
    bikes = [
        {
            "station_id": f"ST-{n}",
            "name": f"{n}. 대여소",
            "bikes": rng.randint(0, 20),
            "racks": 20,
            "shared_pct": 0.0,
            "lat": rng.uniform(37.43, 37.70),
            "lon": rng.uniform(126.80, 127.18),
        }
        for n in range(ROWS)
    ]
    arrivals = [
        {
            "station": rng.choice(
                ["홍대입구", "시청", "여의도", "창동"] + [f"역{k}" for k in range(300)]
            ),
            "line_id": "1002",
            "direction": "내선",
            "train_line": "",
            "destination": "성수",
            "seconds": rng.randint(0, 900),
            "message": "",
            "location": "",
            "arrival_code": "99",
            "train_no": str(n),
            "train_type": "일반",
            "last_train": False,
            "received_at": None,
            "order": n,
        }
        for n in range(ROWS)
    ]
    with tempfile.TemporaryDirectory() as data_dir:
        store = CacheStore(Path(data_dir) / CACHE_FILENAME)
        store.replace(
            [
                DatasetUpdate("bike_stations", bikes, source="bench", measured_at=None),
                DatasetUpdate("subway_arrivals", arrivals, source="bench", measured_at=None),
            ]
        )
        bike_times, subway_times = [], []
        for _ in range(queries):
            start = time.perf_counter()
            nearby_stations(query_nearby(store, site), site)
            bike_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            store.snapshot("subway_arrivals", where="station = ?", params=("홍대입구",))
            subway_times.append(time.perf_counter() - start)
    print(f"bikes near the kiosk, {ROWS} stations: {summary_ms(bike_times)}")
    print(f"arrivals at the kiosk's station, {ROWS} rows: {summary_ms(subway_times)}")
    print(machine_note())


if __name__ == "__main__":
    main()
