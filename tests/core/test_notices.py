"""Notices: the file's schema, validity periods, targets, and the home-screen banners."""

import json
from datetime import datetime

import pytest

from kiosk.config import load_config
from kiosk.i18n import KST
from offline_cache.bundles.install import apply_bundle
from offline_cache.bundles.settings import bundle_settings
from offline_cache.content import current_content
from offline_cache.startup import open_cache
from tests.bundle_kit import StaffKey, build, write_config
from widgets.notices.model import active_notices, home_banners, notice_board, parse_notices


def at(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=KST).timestamp()


NOTICES = {
    "notices": [
        {
            "id": "winter",
            "title": {"ko": "한파 쉼터 운영", "en": "Cold-weather shelters"},
            "body": {"ko": "본문"},
            "valid_from": "2026-12-01",
            "valid_until": "2027-02-28",
            "banner": True,
            "important": True,
        },
        {"id": "lib", "title": "서울도서관 야간 개관", "valid_from": "2026-11-01T09:00"},
        {"id": "mayor", "title": {"ko": "시장실 안내"}, "roles": ["mayor"], "banner": True},
        {"id": "changdong", "title": {"ko": "창동역 안내"}, "stations": ["창동"]},
        {"id": "no-title", "body": {"ko": "제목 없음"}},
        {"id": "bad-time", "title": {"ko": "시간 오류"}, "valid_until": "내일"},
        "not an object",
    ]
}


def test_schema_periods_and_skipped_entries():
    notices, problems = parse_notices(NOTICES)
    assert [n.id for n in notices] == ["winter", "lib", "mayor", "changdong"]
    assert len(problems) == 3 and "title needs at least a Korean text" in problems[0]
    winter = notices[0]
    assert winter.valid_from == at("2026-12-01T00:00:00")
    assert winter.valid_until == at("2027-02-28T23:59:59")  # a date alone: the whole day
    assert winter.title_in("en") == "Cold-weather shelters" and winter.body_in("en") == "본문"
    assert notices[1].valid_from == at("2026-11-01T09:00:00")  # no offset: Seoul time
    assert parse_notices({"items": []}) == ([], ['notices.json must be {"notices": [...]}'])


@pytest.mark.parametrize(
    "now,role,station,shown",
    [
        ("2026-11-30T12:00", "station", None, ["lib"]),
        ("2026-12-01T00:00", "station", None, ["winter", "lib"]),
        ("2027-02-28T23:59", "station", None, ["winter", "lib"]),
        ("2027-03-01T00:00", "station", None, ["lib"]),
        ("2027-03-01T00:00", "mayor", None, ["lib", "mayor"]),
        ("2027-03-01T00:00", "station", "창동역", ["lib", "changdong"]),
    ],
)
def test_active_for_this_kiosk_now(now, role, station, shown):
    from widgets.notices.model import NoticeBoard

    board = NoticeBoard(1, parse_notices(NOTICES)[0])
    config = load_config(role=role, station=station)
    assert sorted(n.id for n in active_notices(board, config, at(now))) == sorted(shown)
    assert active_notices(board, config, at(now))[0].id == shown[0]  # important first


def test_fresh_kiosk_shows_the_sample_notice_without_a_banner(data_dir):
    store = open_cache(data_dir)
    board = notice_board(current_content(store))
    (notice,) = board.notices
    assert notice.sample and notice.title_in("ko").startswith("예시 공지")
    assert home_banners(store, load_config(None), "ko") == []


def test_a_bundle_puts_its_banner_on_the_home_screen(tmp_path, data_dir, clock):
    key = StaffKey(tmp_path / "keys")
    config = load_config(write_config(tmp_path / "kiosk.toml", [key]))
    src = tmp_path / "src"
    src.mkdir()
    (src / "notices.json").write_text(json.dumps(NOTICES, ensure_ascii=False), "utf-8")
    apply_bundle(build(src, key, 1, tmp_path / "v1.zip"), config, bundle_settings(config))
    store = open_cache(data_dir, clock=clock)
    clock.now = at("2026-12-24T18:00")
    (banner,) = home_banners(store, config, "en")
    assert (banner.text, banner.widget_id, banner.severity) == (
        "[Notice] Cold-weather shelters",
        "notices",
        1,
    )
    clock.now = at("2027-03-01T00:00")
    assert home_banners(store, config, "ko") == []
