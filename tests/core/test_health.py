"""The health report without Qt: presence and dead-touch rule, runtime file, report, `status`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from kiosk.config import load_config
from kiosk.health import (
    RUNTIME_FILE,
    HealthSettings,
    Runtime,
    StatusLine,
    build_report,
    read_runtime,
    write_runtime,
)
from kiosk.health_text import format_text
from kiosk.presence import PresenceSummary, PresenceTracker
from offline_cache.startup import open_cache

ROOT = Path(__file__).resolve().parents[2]


def test_people_who_stay_are_visits_and_a_touch_resets_them(clock):
    presence = PresenceTracker(clock, visit_s=5)
    presence.people(1)
    clock.advance(2)
    presence.people(0)  # walked past
    assert presence.summary().visits_since_touch == 0
    for _ in range(3):
        presence.people(2)
        clock.advance(6)
        presence.people(2)  # stood there: one visit, however many frames
        presence.people(1)
        presence.people(0)
    summary = presence.summary()
    assert summary.visits_since_touch == 3 and summary.people_in_view == 0
    assert summary.last_people_at == clock.now
    presence.touched()
    assert presence.summary() == PresenceSummary(
        last_touch_at=clock.now, last_people_at=clock.now, visits_since_touch=0
    )


def this_process_runtime(clock, **changes) -> Runtime:
    values = dict(
        pid=os.getpid(),
        started_at=psutil.Process().create_time(),
        heartbeat_at=clock.now,
        kiosk_mode=True,
        statuses=(
            StatusLine("camera", True, {"ko": "카메라 정상", "en": "camera ok"}),
            StatusLine("microphone", False, {"ko": "마이크 없음", "en": "no microphone"}),
        ),
    )
    values.update(changes)
    return Runtime(**values)


def test_runtime_file_round_trip_and_unreadable_file(data_dir, clock):
    data_dir.mkdir(parents=True)
    runtime = this_process_runtime(clock, presence=PresenceSummary(10.0, 2, 11.0, 4))
    write_runtime(data_dir, runtime)
    assert read_runtime(data_dir) == runtime
    assert [p.name for p in data_dir.iterdir()] == [RUNTIME_FILE]  # no temporary left
    (data_dir / RUNTIME_FILE).write_text("{not json", encoding="utf-8")
    assert read_runtime(data_dir) is None


def test_report_lists_statuses_devices_datasets_and_problems(data_dir, clock):
    config = load_config(data_dir=data_dir)
    store = open_cache(data_dir, clock)
    store.record_error("weather", "HTTP 500 from the KMA API")
    runtime = this_process_runtime(clock)
    report = build_report(config, store, runtime, now=clock.now)
    assert report.running and report.rss_mb > 10
    keys = [s.key for s in report.statuses]
    assert keys == ["camera", "microphone", "voice_model", "face_model"]
    assert [s.ok for s in report.statuses] == [True, False, None, None]
    codes = {p.code for p in report.problems}
    assert "status:microphone" in codes and "no_data:public_toilets" in codes
    assert "kiosk_not_running" not in codes
    weather = next(d for d in report.datasets if d.dataset == "weather")
    assert weather.failing and weather.last_error == "HTTP 500 from the KMA API"
    text = format_text(report, "en")
    for expected in (
        "App version",
        "Content version",
        "Last touch",
        "Memory",
        "Disk",
        "FAIL microphone",
        "not reported",
        "HTTP 500 from the KMA API",
    ):
        assert expected in text
    assert "마이크 없음" in format_text(report, "ko")
    data = json.loads(json.dumps(report.to_json()))
    assert data["running"] is True and data["ok"] is False
    assert data["runtime"]["pid"] == os.getpid()
    store.close()


def test_dead_touch_warning_needs_visits_and_a_long_time_without_touch(data_dir, clock):
    config = load_config(data_dir=data_dir)
    settings = HealthSettings()
    quiet = PresenceSummary(
        last_touch_at=clock.now - settings.dead_touch_after_s - 60,
        visits_since_touch=settings.dead_touch_visits,
    )
    busy_but_recent = PresenceSummary(last_touch_at=clock.now - 60, visits_since_touch=500)
    nobody = PresenceSummary(last_touch_at=None, visits_since_touch=0)

    def codes(presence, started_ago=10 * 3600):
        runtime = this_process_runtime(clock, presence=presence)
        runtime = Runtime(**{**runtime.__dict__, "started_at": clock.now - started_ago})
        report = build_report(config, None, runtime, now=clock.now, live=True)
        return {p.code for p in report.problems}

    assert "dead_touch" in codes(quiet)
    assert "dead_touch" not in codes(busy_but_recent)
    assert "dead_touch" not in codes(nobody)
    assert "dead_touch" in codes(PresenceSummary(visits_since_touch=30))  # never touched
    assert "dead_touch" not in codes(PresenceSummary(visits_since_touch=30), started_ago=60)


def test_a_stale_heartbeat_or_a_dead_pid_is_not_running(data_dir, clock):
    config = load_config(data_dir=data_dir)
    old = this_process_runtime(clock, heartbeat_at=clock.now - 3600)
    report = build_report(config, None, old, now=clock.now)
    assert not report.running and report.problems[0].code == "kiosk_not_running"
    assert report.statuses[0].ok is None  # a dead kiosk's statuses are not shown as current
    gone = this_process_runtime(clock, pid=2**22 + 7)
    assert not build_report(config, None, gone, now=clock.now).running


def run_status(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "status", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_status_command_without_a_kiosk_says_so(data_dir):
    done = run_status("--lang", "en")
    assert done.returncode == 1, done.stderr
    assert "the kiosk is not running (last heartbeat never)" in done.stdout
    assert "no cache file yet" in done.stdout
    assert not data_dir.exists()  # a report never creates or seeds anything


def test_status_json_reports_a_running_kiosk(data_dir):
    open_cache(data_dir).close()
    kiosk = psutil.Process()  # this test process plays the running kiosk
    import time

    runtime = Runtime(
        pid=kiosk.pid,
        started_at=kiosk.create_time(),
        heartbeat_at=time.time(),
        kiosk_mode=True,
        presence=PresenceSummary(last_touch_at=time.time() - 120, people_in_view=1),
        statuses=(StatusLine("live_data", True, {"ko": "최신", "en": "current"}),),
    )
    write_runtime(data_dir, runtime)
    done = run_status("--json")
    report = json.loads(done.stdout)
    assert report["running"] is True
    assert report["runtime"]["presence"]["people_in_view"] == 1
    assert report["rss_mb"] > 10
    assert [s["key"] for s in report["statuses"]][:2] == ["live_data", "camera"]
    assert {d["dataset"] for d in report["datasets"]} >= {"air_quality", "subway_arrivals"}
    assert report["content"]["version"] == 0
    assert done.returncode == (0 if report["ok"] else 1)


def test_corrupt_cache_is_reported_not_fatal(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "cache.sqlite3").write_bytes(b"\x00garbage" * 512)
    done = run_status("--lang", "en")
    assert done.returncode == 1
    assert "cache unreadable" in done.stdout


@pytest.mark.parametrize("bad", ["[health]\ndead_touch_visits = 'many'\n"])
def test_bad_health_settings_are_a_config_error(tmp_path, bad):
    config_file = tmp_path / "bad.toml"
    config_file.write_text(bad, encoding="utf-8")
    done = run_status("--config", str(config_file))
    assert done.returncode != 0
    assert "[health] settings must be numbers" in done.stderr
