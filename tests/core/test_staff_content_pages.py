"""Staff content of the water, prices, parks and opinion pages: the example files, the checks
against the documented schemas, and the messages staff get for broken files."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.reference import find_site
from offline_cache.startup import open_cache
from tests.content_kit import install_content
from widgets.common.staff_content import SchemaError
from widgets.opinion.model import load_opinion, parse_opinion
from widgets.parks.model import Kind, load_parks, nearest_first, parse_parks
from widgets.prices.model import load_prices, parse_prices
from widgets.water.model import STANDARDS, Quantity, load_water_quality, parse_water_quality

LOADERS = {
    "water_quality.json": load_water_quality,
    "prices.json": load_prices,
    "parks.json": load_parks,
    "opinion.json": load_opinion,
}


@pytest.fixture
def store(data_dir):
    store = open_cache(data_dir)
    yield store
    store.close()


@pytest.mark.parametrize("path", sorted(LOADERS))
def test_the_default_content_carries_tagged_examples_of_every_file(store, path):
    file = LOADERS[path](store)
    assert file.ok and not file.skipped, file.error or file.skipped
    assert file.sample and file.version == 0 and file.as_of is not None
    assert file.note_in("en").startswith("Sample content") and file.source_in("ko")


def test_example_water_meets_every_standard(store):
    centres = load_water_quality(store).data
    assert len(centres) == 6 and all(c.all_within for c in centres)
    assert centres[0].name_in("ko") == "광암아리수정수센터"


def centre(**values):
    return {"name": {"ko": "시험정수센터"}, **values}


@pytest.mark.parametrize(
    "values,failing",
    [
        ({"turbidity_ntu": 0.5, "residual_chlorine_mg_l": 0.1, "ph": 5.8}, []),  # limits allowed
        ({"turbidity_ntu": 0.51}, [Quantity.TURBIDITY]),
        ({"residual_chlorine_mg_l": 0.05}, [Quantity.CHLORINE]),
        ({"residual_chlorine_mg_l": 4.2, "ph": 8.6}, [Quantity.CHLORINE, Quantity.PH]),
        ({"ph": 5.7}, [Quantity.PH]),
    ],
)
def test_water_values_are_judged_against_the_drinking_water_standards(values, failing):
    (parsed,) = parse_water_quality({"centres": [centre(**values)]}).data
    assert [s.quantity for s in STANDARDS if parsed.meets(s) is False] == failing
    assert parsed.all_within is (not failing)
    missing = [q for q in Quantity if q.value not in values]
    assert all(parsed.meets(s) is None for s in STANDARDS if s.quantity in missing)


def test_broken_water_entries_are_skipped_with_where_and_why():
    parsed = parse_water_quality(
        {
            "centres": [
                centre(ph=7.1),
                centre(turbidity_ntu="0.05"),
                {"turbidity_ntu": 0.05},
                centre(),
                centre(ph=15),
                "not an object",
            ]
        }
    )
    assert len(parsed.data) == 1
    assert parsed.skipped == (
        "centres[1].turbidity_ntu must be a number, not '0.05'",
        'centres[2].name needs a text, at least in Korean: {"ko": "...", "en": "..."}',
        "centres[3] has none of turbidity_ntu, residual_chlorine_mg_l, ph",
        "centres[4].ph must be between 0 and 14, not 15",
        "centres[5] must be an object",
    )
    with pytest.raises(SchemaError, match="'centres' must be a non-empty list"):
        parse_water_quality({"centers": []})
    with pytest.raises(SchemaError, match=r"no usable entry in 'centres': centres\[0\]"):
        parse_water_quality({"centres": [centre(ph=-1)]})


def test_prices_lowest_and_highest_by_market_with_ties():
    raw = {
        "markets": [{"id": m, "name": {"ko": m}} for m in ("a", "b", "c")],
        "items": [
            {"name": {"ko": "배추"}, "unit": "1포기", "prices": {"a": 3000, "b": 3000, "c": 4000}},
            {"name": {"ko": "쌀"}, "prices": {"c": 55000}},
            {"name": {"ko": "무"}, "prices": {"a": 1800, "z": 2000}},
            {"name": {"ko": "사과"}, "prices": {"a": "비쌈"}},
            {"name": {"ko": "배"}, "prices": []},
        ],
    }
    parsed = parse_prices(raw)
    cabbage, rice = parsed.data.items
    assert (cabbage.lowest.won, cabbage.highest.won) == (3000, 4000)
    assert [m.id for m in cabbage.markets_at_lowest] == ["a", "b"]
    assert [m.id for m in cabbage.markets_at_highest] == ["c"] and cabbage.unit_in("en") == "1포기"
    assert rice.lowest == rice.highest and rice.unit_in("ko") == ""
    assert parsed.skipped == (
        "items[2].prices names the unknown market 'z'",
        "items[3].prices.a must be a number, not '비쌈'",
        'items[4].prices must be {"<market id>": <won>, ...}',
    )
    with pytest.raises(SchemaError, match=r"markets\[0\].id must be a text"):
        parse_prices({"markets": [{"name": "망원시장"}], "items": []})


def test_parks_nearest_to_the_kiosk_first():
    places = load_parks_example()
    hongdae = find_site("홍대입구")
    nearby = nearest_first(places, hongdae)
    assert nearby[0].place.name_in("ko") == "월드컵공원"
    assert [n.distance_m for n in nearby] == sorted(n.distance_m for n in nearby)
    assert 2_000 < nearby[0].distance_m < 4_000
    trails = nearest_first(places, hongdae, Kind.TRAIL)
    assert {n.place.kind for n in trails} == {Kind.TRAIL} and len(trails) == 8
    # a trail is as near as its nearest point: 7코스 starts at Gayang, ends at Gupabal
    seventh = next(n for n in trails if n.place.id == "seoul-trail-7")
    assert seventh.nearest.name_in("ko") == "가양역"
    changdong = nearest_first(places, find_site("창동"), Kind.TRAIL)
    assert changdong[0].place.id in ("seoul-trail-1", "seoul-trail-8")  # both meet at Dobongsan


def load_parks_example():
    import json

    from offline_cache.content import DEFAULT_CONTENT

    raw = json.loads((DEFAULT_CONTENT / "parks.json").read_text(encoding="utf-8"))
    return parse_parks(raw).data


def test_broken_places_are_skipped():
    point = {"lat": 37.5, "lon": 127.0}
    parsed = parse_parks(
        {
            "places": [
                {"kind": "park", "name": "공원", "points": [point]},
                {"kind": "garden", "name": "정원", "points": [point]},
                {"kind": "trail", "name": "길", "points": []},
                {"kind": "park", "name": "먼 곳", "points": [{"lat": 137.5, "lon": 127.0}]},
                {"kind": "trail", "name": "길", "points": [point], "length_km": -3},
                {"kind": "trail", "name": "길", "points": [point, {"lat": 37.5}]},
            ]
        }
    )
    assert [p.name_in("ko") for p in parsed.data] == ["공원"]
    assert parsed.skipped == (
        "places[1].kind must be 'trail' or 'park', not 'garden'",
        "'places[2].points' must be a non-empty list",
        "no usable entry in 'places[3].points':"
        " places[3].points[0]: lat 137.5 / lon 127.0 is not a position on Earth",
        "places[4].length_km must be at least 0, not -3",
        "places[5].points[1].lon must be a number, not None",
    )


def test_opinion_ranks_the_latest_month_and_keeps_the_trend():
    parsed = parse_opinion(
        {
            "months": ["2026-09", "2026-10", "2026-11"],
            "types": [
                {"name": {"ko": "공원"}, "counts": [300, 320, 280]},
                {"name": {"ko": "교통"}, "counts": [1000, None, 1200]},
                {"name": {"ko": "복지"}, "counts": [1, 2]},
                {"name": {"ko": "주택"}, "counts": [1, 2, "3"]},
            ],
        }
    )
    opinion = parsed.data
    assert opinion.months == (date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1))
    traffic, parks = opinion.types
    assert traffic.name_in("en") == "교통" and traffic.change is None  # October not counted
    assert parks.change == -40 and opinion.latest_total == 1480
    assert parsed.skipped == (
        "types[2].counts needs one count per month (3)",
        "types[3].counts[2] must be a number, not '3'",
    )
    with pytest.raises(SchemaError, match="in order, oldest first"):
        parse_opinion({"months": ["2026-11", "2026-10"], "types": []})
    with pytest.raises(SchemaError, match=r"months\[0\] must be a month as YYYY-MM"):
        parse_opinion({"months": ["2026/11"], "types": []})


def test_missing_and_broken_files_in_a_bundle_version(data_dir, store):
    version = install_content(
        data_dir,
        {
            "water_quality.json": "{not json",
            "prices.json": [1, 2],
            "parks.json": {"as_of": "1 Nov 2026", "places": []},
        },
    )
    water = load_water_quality(store)
    assert not water.ok and not water.missing
    assert f"'water_quality.json' of content version {version} is not valid JSON" in water.error
    assert "is not a JSON object" in load_prices(store).error
    assert (
        load_parks(store).error
        == "parks.json: as_of must be a date as YYYY-MM-DD, not '1 Nov 2026'"
    )
    opinion = load_opinion(store)
    assert opinion.missing and opinion.error is None and opinion.version == version


def test_a_bundle_file_is_real_content_unless_it_says_sample(data_dir, store):
    raw = {"as_of": "2026-12-01", "centres": [centre(ph=7.0)]}
    install_content(data_dir, {"water_quality.json": raw})
    assert not load_water_quality(store).sample
    install_content(data_dir, {"water_quality.json": {**raw, "sample": True}})
    assert load_water_quality(store).sample


def test_the_readme_examples_are_valid_files():
    """The README's schema examples parse (documentation that staff copy must be right)."""
    import json
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    from widgets.indicators.model import parse_city_indicators
    from widgets.library.model import parse_library
    from widgets.projects.model import parse_projects
    from widgets.resume.model import parse_resume

    section = readme.split("### Staff content files\n")[1]
    section = section.split("\n## ")[0]
    blocks = re.findall(r"```json\n(.*?)```", section, re.S)
    parsers = (
        parse_water_quality,
        parse_prices,
        parse_parks,
        parse_opinion,
        parse_city_indicators,
        parse_projects,
        parse_library,
        parse_resume,
    )
    assert len(blocks) == len(parsers)
    for block, parse in zip(blocks, parsers, strict=True):
        parsed = parse(json.loads(block))
        assert parsed.data and not parsed.skipped


def test_bundle_build_checks_the_pages_files_on_the_staff_machine(tmp_path):
    import json
    import shutil

    from offline_cache.bundles.manifest import BundleError, manifest_for, source_files
    from offline_cache.content import DEFAULT_CONTENT
    from widgets.content_files import PARSERS, check_content_file

    src = tmp_path / "src"
    src.mkdir()
    assert len(PARSERS) == 8  # every staff content page's file is checked
    for path in PARSERS:  # the embedded examples pass as they are
        (src / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DEFAULT_CONTENT / path, src / path)
    (src / "other.json").write_text('{"anything": 1}', encoding="utf-8")  # not a page's file
    manifest = manifest_for(source_files(src), 1, content_check=check_content_file)
    assert len(manifest.files) == len(PARSERS) + 1
    broken = {"as_of": "2026-12-01", "centres": [centre(ph=7.1), centre(ph="7.1")]}
    (src / "water_quality.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(BundleError, match=r"^water_quality.json: centres\[1\].ph must be a number"):
        manifest_for(source_files(src), 1, content_check=check_content_file)
    (src / "water_quality.json").write_text("[]", encoding="utf-8")
    with pytest.raises(BundleError, match="^water_quality.json: must be a JSON object$"):
        manifest_for(source_files(src), 1, content_check=check_content_file)


def test_broken_files_and_skipped_entries_are_logged(data_dir, store, caplog):
    install_content(
        data_dir,
        {
            "opinion.json": {"months": ["2026-11"], "types": [{"name": "교통", "counts": [1, 2]}]},
            "parks.json": {
                "places": [
                    {"kind": "park", "name": "공원", "points": [{"lat": 37.5, "lon": 127.0}]},
                    {"kind": "park", "name": "공원2", "points": []},
                ]
            },
        },
    )
    with caplog.at_level("WARNING"):
        assert load_opinion(store).error
        assert load_parks(store).skipped
    logged = caplog.text
    assert "opinion.json: no usable entry in 'types': types[0].counts needs one count" in logged
    assert "parks.json: skipped 'places[1].points' must be a non-empty list" in logged
