"""`main.py cache import|show` against real processes and real sample files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEOUL_SAMPLES, service_for_error

ROOT = Path(__file__).resolve().parents[2]
ERRORS = json.loads((SEOUL_SAMPLES / "errors.json").read_text(encoding="utf-8"))


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT
    )


@pytest.mark.parametrize(
    "service,file,dataset,rows",
    [
        ("RealtimeCityAir", "RealtimeCityAir.current_schema.RECONSTRUCTED.json", "air_quality", 2),
        ("realtimeStationArrival", "realtimeStationArrival.json", "subway_arrivals", 5),
        ("bikeList", "bikeList.json", "bike_stations", 5),
        ("citydata", "citydata.json", "citydata", 1),
        ("DSSP-IF-00247", "disaster_msg_safetydata_DSSP-IF-00247.json", "disaster_alerts", 2),
        ("getUltraSrtNcst", "kma_getUltraSrtNcst.json", "weather", 1),
        (
            "SearchPublicToiletPOIService",
            "SearchPublicToiletPOIService.RECONSTRUCTED.json",
            "public_toilets",
            1,
        ),
    ],
)
def test_import_every_sample(service, file, dataset, rows, data_dir):
    done = cli("cache", "import", service, str(SEOUL_SAMPLES / file), "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr
    assert f"{dataset}: {rows} rows stored" in done.stdout
    shown = json.loads(cli("cache", "show", dataset, "--json").stdout)
    assert len(shown) == rows
    status = cli("cache", "show", dataset).stdout
    assert "sample content" not in status  # imported data is real, not the seeded example


def test_a_sample_of_a_service_the_kiosk_does_not_read_is_refused_by_name(data_dir):
    """tbCycleStationInfo (the bike stations' master list) has no page: bikeList carries the
    same stations with live counts. Importing it says which services exist."""
    before = cli("cache", "show", "bike_stations", "--json").stdout
    done = cli(
        "cache", "import", "tbCycleStationInfo", str(SEOUL_SAMPLES / "tbCycleStationInfo.json")
    )
    assert done.returncode == 2
    assert "unknown service 'tbCycleStationInfo'" in done.stderr and "bikeList" in done.stderr
    assert cli("cache", "show", "bike_stations", "--json").stdout == before


def test_air_rows_carry_korean_name_and_numbers(data_dir):
    rows = json.loads(cli("cache", "show", "air_quality", "--json").stdout)
    assert {row["district"] for row in rows} == {"중구", "종로구"}
    assert all(isinstance(row["pm10"], float) and isinstance(row["pm25"], float) for row in rows)


@pytest.mark.parametrize(
    "key", [k for k in ERRORS if "INFO" in k or "ERROR" in k or "bad_key" in k]
)
def test_error_envelopes_exit_non_zero_and_change_nothing(key, tmp_path):
    before = cli("cache", "show", "air_quality", "--json").stdout
    entry = ERRORS[key]
    bad = tmp_path / "bad.json"
    bad.write_text(entry if isinstance(entry, str) else json.dumps(entry, ensure_ascii=False))
    service = service_for_error(key)
    done = cli("cache", "import", service, str(bad))
    assert done.returncode == 1
    assert "error response" in done.stderr and "not changed" in done.stderr
    assert cli("cache", "show", "air_quality", "--json").stdout == before


def test_unknown_service_and_missing_file():
    assert "unknown service" in cli("cache", "import", "Nope", __file__).stderr
    assert "cannot read" in cli("cache", "import", "bikeList", "/no/such.json").stderr
