"""`main.py fetch` as a real process against the local replay server."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from offline_cache.connectors.cli import LIVE_DATASETS
from tests.seoul_server import DATA_GO_KR_KEY, HTTP_500, KEY

ROOT = Path(__file__).resolve().parents[2]
QUICK = "[api]\nattempts = 1\ntimeout_s = 2\n[refresh]\nsubway_arrivals = 0.2\n"


def fetch(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "fetch", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def quick_config(tmp_path: Path) -> str:
    path = tmp_path / "quick.toml"
    path.write_text(QUICK, encoding="utf-8")
    return str(path)


def test_fetch_once_stores_every_dataset_and_status_shows_it(seoul_server, tmp_path):
    seoul_server.add_place("홍대 관광특구")
    env = {**seoul_server.environ(), "KIOSK_CONFIG": quick_config(tmp_path)}
    done = fetch("--once", "--json", "-vv", env=env)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert {line["dataset"]: line["ok"] for line in lines} == dict.fromkeys(LIVE_DATASETS, True)
    assert "HTTP Request: GET" in done.stderr and "/***/json/" in done.stderr
    for text in (done.stdout, done.stderr):
        assert KEY not in text and DATA_GO_KR_KEY not in text
    status = fetch("--status", "--json", env=env)
    records = {record["dataset"]: record for record in json.loads(status.stdout)}
    air = records["air_quality"]
    assert not air["sample"] and air["last_success_at"] and not records["bike_stations"]["stale"]
    assert air["last_error"] is None and records["public_toilets"]["row_count"] == 0


def test_a_failing_api_exits_1_and_status_shows_the_error(seoul_server, tmp_path):
    env = {**seoul_server.environ(), "KIOSK_CONFIG": quick_config(tmp_path)}
    seoul_server.script("RealtimeCityAir", HTTP_500)
    done = fetch("air_quality", "subway_arrivals", "--once", env=env)
    assert done.returncode == 1
    assert "subway_arrivals: 5 rows stored\n" in done.stdout
    assert (
        "air_quality: failed, keeping the last good data: HTTP 500 from 127.0.0.1:" in done.stdout
    )
    status = fetch("--status", "air_quality", env=env).stdout
    assert "air_quality: 2 rows (sample content, STALE)" in status  # the seed stays
    assert "last error    20" in status and "HTTP 500 from" in status
    assert "next fetch    -" in status  # a one-off fetch schedules nothing


def test_without_keys_nothing_is_fetched_and_it_says_which_key_to_set():
    done = fetch("--once")
    assert done.returncode == 2
    assert "air_quality: skipped: no API key (set $SEOUL_API_KEY or [api] seoul_key)" in done.stdout
    assert "weather: skipped: no API key (set $DATA_GO_KR_API_KEY" in done.stdout
    assert "nothing to fetch" in done.stderr


def test_unknown_dataset_is_refused():
    done = fetch("air", "--once")
    assert done.returncode == 2 and "unknown dataset air; known: subway_arrivals" in done.stderr


def test_without_once_it_keeps_refreshing_until_interrupted(seoul_server, tmp_path):
    env = {**os.environ, **seoul_server.environ(), "KIOSK_CONFIG": quick_config(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "fetch", "subway_arrivals"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        lines = [process.stdout.readline() for _ in range(3)]
        assert all(line.startswith("subway_arrivals: 5 rows stored") for line in lines)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    finally:
        process.kill()
