"""Every interface string, widget text and place name exists in all four languages, and
dates, ages and units are written the way each language writes them."""

import string

import pytest

from kiosk.i18n import LANGUAGES, TEXT, format_age, format_measure, format_time, tr
from kiosk.reference import districts, sites
from widgets import ALL_SPECS


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_string_has_all_four_translations():
    missing = [
        (key, lang) for key, texts in TEXT.items() for lang in LANGUAGES if not texts.get(lang)
    ]
    assert missing == [], f"add the missing translations to kiosk/i18n.py: {missing}"


def test_translations_fill_the_same_placeholders():
    """A translation that drops or invents a {placeholder} would lose a value or crash."""
    wrong = [
        (key, lang)
        for key, texts in TEXT.items()
        for lang in LANGUAGES
        if placeholders(texts.get(lang, "")) != placeholders(texts["ko"])
    ]
    assert wrong == []


def test_every_widget_title_and_description_has_all_four_languages():
    missing = [
        (spec.id, field, lang)
        for spec in ALL_SPECS
        for field in ("title", "description")
        for lang in LANGUAGES
        if not getattr(spec, field).get(lang)
    ]
    assert missing == [], f"add the missing texts to the widgets' SPEC: {missing}"


def test_district_and_site_names_in_all_four_languages():
    for place in (*districts(), *sites()):
        names = [place.name_in(lang) for lang in LANGUAGES]
        assert len(set(names[:3])) == 3 or place.name_ko == "중구", names  # zh differs from ko, en
    mapo = next(d for d in districts() if d.name_ko == "마포구")
    assert [mapo.name_in(lang) for lang in LANGUAGES] == ["마포구", "Mapo-gu", "麻浦区", "麻浦区"]
    nowon = next(d for d in districts() if d.name_ko == "노원구")
    assert (nowon.name_in("zh"), nowon.name_in("ja")) == ("芦原区", "蘆原区")
    hongdae = next(s for s in sites() if s.id == "hongik_univ")
    assert [hongdae.station_in(lang) for lang in LANGUAGES] == [
        "홍대입구",
        "Hongik Univ.",
        "弘大入口",
        "弘大入口",
    ]


def test_missing_text_falls_back_to_english_then_korean(monkeypatch):
    monkeypatch.setitem(TEXT, "test.partial", {"ko": "한국어만", "en": "English"})
    assert tr("test.partial", "ja") == "English"
    monkeypatch.setitem(TEXT, "test.korean", {"ko": "한국어만"})
    assert tr("test.korean", "zh") == "한국어만"


@pytest.mark.parametrize(
    ("lang", "age", "date", "distance"),
    [
        ("ko", "2시간 전", "5월 18일 15:00", "1.5km"),
        ("en", "2 hr. ago", "May 18 15:00", "1.5 km"),
        ("zh", "2小时前", "5月18日 15:00", "1.5公里"),
        ("ja", "2 時間前", "5月18日 15:00", "1.5 km"),
    ],
)
def test_dates_ages_and_units_per_language(lang, age, date, distance):
    may_18 = 1_779_084_000.0  # 2026-05-18 15:00 in Seoul
    assert format_age(7200, lang) == age
    assert format_time(may_18, lang, now=may_18 + 30 * 86400) == date
    assert format_time(may_18, lang, now=may_18 + 60) == "15:00"
    assert format_measure(1.5, "length-kilometer", lang, digits=1) == distance
    assert tr("idle.countdown", "en", n=5) == "Returning to the start screen in 5 s"
    assert format_age(30, lang) == tr("age.just_now", lang)
