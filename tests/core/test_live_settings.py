"""Keys, base URLs, intervals and "nearby" come from the config, overridden by the environment."""

import logging

import pytest

from kiosk.config import ConfigError, load_config
from offline_cache.connectors.geo import distance_m, kma_grid
from offline_cache.connectors.redact import install_log_redaction, redact, register_secrets
from offline_cache.connectors.settings import LiveSettings


def settings(tmp_path, toml: str = "", env: dict | None = None, station: str = "홍대입구"):
    path = tmp_path / "live.toml"
    path.write_text(toml, encoding="utf-8")
    return LiveSettings.from_config(load_config(path, station=station), env or {})


def test_defaults_have_no_keys_and_the_real_base_urls(tmp_path):
    live = settings(tmp_path)
    assert live.secrets() == []
    assert live.endpoints["seoul"].base_url == "http://openapi.seoul.go.kr:8088"
    assert live.endpoints["subway"].base_url == "http://swopenapi.seoul.go.kr"
    assert live.intervals_s["subway_arrivals"] == 30 and live.intervals_s["citydata"] == 300
    assert live.hotspots == ("홍대 관광특구",)


@pytest.mark.parametrize(
    "station,hotspot",
    [("여의도", "여의도"), ("창동", "창동 신경제 중심지"), ("city_hall", "광화문·덕수궁")],
)
def test_each_site_has_a_nearby_citydata_hotspot(tmp_path, station, hotspot):
    assert settings(tmp_path, station=station).hotspots == (hotspot,)


def test_environment_overrides_the_config(tmp_path):
    toml = """
[api]
seoul_key = "from-config-key"
seoul_base = "http://proxy.local:8088/"
subway_key = "subway-config-key"
[refresh]
air_quality = 900
public_toilets = 0
[citydata]
hotspots = ["여의도", "홍대 관광특구"]
[bikes]
radius_m = 500
"""
    live = settings(tmp_path, toml)
    assert live.endpoints["seoul"].key == "from-config-key"
    assert live.endpoints["seoul"].base_url == "http://proxy.local:8088"
    assert live.endpoints["subway"].key == "subway-config-key"
    assert live.intervals_s["air_quality"] == 900 and live.intervals_s["public_toilets"] == 0
    assert live.hotspots == ("여의도", "홍대 관광특구") and live.bike_radius_m == 500
    env = {"SEOUL_API_KEY": "from-env-key", "SEOUL_API_BASE": "http://127.0.0.1:9"}
    live = settings(tmp_path, toml, env)
    assert live.endpoints["seoul"].key == "from-env-key"
    assert live.endpoints["seoul"].base_url == "http://127.0.0.1:9"
    assert live.endpoints["subway"].key == "subway-config-key"  # its own key beats the general


def test_the_general_key_serves_the_subway_api_when_it_has_none(tmp_path):
    live = settings(tmp_path, env={"SEOUL_API_KEY": "general-key"})
    assert live.endpoints["subway"].key == "general-key"
    assert (
        live.endpoints["kma"].key == "" and "DATA_GO_KR_API_KEY" in live.endpoints["kma"].key_hint
    )


@pytest.mark.parametrize(
    "toml,message",
    [
        ("[refresh]\nair = 60", "not a live dataset"),
        ("[refresh]\nair_quality = -1", "air_quality must be a number"),
        ("[citydata]\nhotspots = '여의도'", "hotspots must be a list"),
        ("[toilets]\nradius_m = 0", r"\[toilets\] radius_m must be a number >= 1"),
        ("[api]\nseoul_base = 'openapi.seoul.go.kr'", "must be a URL"),
        ("[api]\ntimeout_s = 'fast'", "timeout_s must be a number"),
        ("[api]\nseoul_key = 123", "seoul_key must be a string"),
    ],
)
def test_bad_settings_say_which_and_why(tmp_path, toml, message):
    with pytest.raises(ConfigError, match=message):
        settings(tmp_path, toml)


def test_kma_grid_and_distances():
    assert kma_grid(37.56662, 126.97842) == (60, 127)  # City Hall, per the KMA guide
    assert kma_grid(37.65301, 127.04781) == (61, 129)  # 창동
    hongdae_to_mangwon = distance_m(37.55679, 126.92371, 37.55564880, 126.91062927)
    assert 1100 < hongdae_to_mangwon < 1200


def test_keys_are_masked_in_text_and_in_every_log_line(tmp_path, capsys):
    key = "s3cret+key/with=chars"
    register_secrets([key])
    assert redact(f"GET /{key}/json and serviceKey=s3cret%2Bkey%2Fwith%3Dchars") == (
        "GET /***/json and serviceKey=***"
    )
    root = logging.getLogger()
    handler = logging.StreamHandler()  # writes to the captured stderr
    root.addHandler(handler)
    try:
        install_log_redaction()
        try:
            raise RuntimeError(f"request to http://x/{key}/json failed")
        except RuntimeError:
            logging.getLogger("httpx").error(
                "HTTP Request: GET http://x/%s/json", key, exc_info=True
            )
    finally:
        root.removeHandler(handler)
    err = capsys.readouterr().err
    assert "HTTP Request: GET http://x/***/json" in err and "x/***/json failed" in err
    assert key not in err
