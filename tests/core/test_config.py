"""Config precedence (command line > environment > file > role default) and clear errors."""

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_role_defaults(data_dir):
    station = load_config()
    assert (station.role, station.site.subway_station, station.idle.timeout_s) == (
        "station",
        "홍대입구",
        60,
    )
    mayor = load_config(role="mayor")
    assert mayor.site.id == "city_hall" and mayor.idle.timeout_s == 0


def test_file_then_environment_then_command_line(tmp_path, monkeypatch):
    path = write(
        tmp_path,
        'role = "station"\nstation = "여의도"\ndata_dir = "/from/file"\n'
        "[idle]\ntimeout_s = 90\n[voice]\nenabled = true\n",
    )
    monkeypatch.delenv("KIOSK_DATA_DIR")
    config = load_config(path)
    assert config.site.name_ko == "여의도역" and config.data_dir == Path("/from/file")
    assert config.idle.timeout_s == 90 and config.section("voice") == {"enabled": True}
    monkeypatch.setenv("KIOSK_DATA_DIR", "/from/env")
    assert load_config(path).data_dir == Path("/from/env")
    chosen = load_config(path, station="창동역", data_dir="/from/cli")
    assert chosen.site.subway_station == "창동" and chosen.data_dir == Path("/from/cli")


def test_custom_site_table(tmp_path):
    path = write(
        tmp_path,
        '[site]\nname_ko = "광화문역"\nlat = 37.57\nlon = 126.97\nsubway_station = "광화문"\n',
    )
    site = load_config(path).site
    assert (site.name_ko, site.subway_station, site.lat) == ("광화문역", "광화문", 37.57)


@pytest.mark.parametrize(
    "text,message",
    [
        ('role = "kiosk"', "role must be one of"),
        ('station = "강남"', "unknown station"),
        ("role = ", "not valid TOML"),
        ('languages = ["ko", "fr"]', "unsupported languages"),
        ('[idle]\ntimeout_s = "soon"', "must be numbers"),
        ("[site]\nlat = 1", "[site] needs"),
    ],
)
def test_bad_config_gives_a_clear_message(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        load_config(write(tmp_path, text))


def test_missing_config_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")
