"""시정지표, 도시프로젝트, 디지털 시민열람실, 서울시 이력서: each file's schema, the shipped
example content, and clear errors for missing and broken files."""

from __future__ import annotations

import json
from datetime import date

import pytest

from offline_cache.startup import open_cache
from tests.staff_content_kit import default_content_with, default_file
from widgets.common.staff_content import SchemaError, partial_date, texts
from widgets.indicators.model import load_city_indicators, parse_city_indicators
from widgets.library.model import load_library, parse_library
from widgets.projects.model import load_projects, parse_projects
from widgets.resume.model import load_resume, parse_resume


def test_the_shipped_indicators_are_tagged_examples_with_targets_and_history(data_dir):
    loaded = load_city_indicators(open_cache(data_dir))
    assert loaded.sample and loaded.as_of == date(2026, 11, 30) and loaded.error is None
    assert loaded.skipped == ()
    fields = {field.id: field for field in loaded.data}
    assert list(fields) == ["environment", "transport", "safety", "welfare"]
    pm25 = fields["environment"].indicators[0]
    assert pm25.name_in("en") == "Annual mean PM2.5" and pm25.unit_in("en") == "㎍/㎥"
    assert pm25.value == 18.0 and pm25.target == 15.0 and pm25.on_target is False
    assert [p.period for p in pm25.history] == ["2021", "2022", "2023", "2024", "2025"]
    assert all(i.example for f in loaded.data for i in f.indicators)  # invented, tagged


def test_indicator_entries_that_break_the_schema_are_left_out_with_their_reason():
    data = {
        "fields": [
            {
                "id": "env",
                "name": "환경",
                "indicators": [
                    {
                        "id": "ok",
                        "name": "좋은 지표",
                        "value": 3,
                        "history": [{"period": 2024, "value": 2}],
                    },
                    {"id": "text-value", "name": "값이 글자", "value": "많음"},
                    {"id": "no-name", "value": 1},
                    {"id": "bad-history", "name": "추이", "value": 1, "history": [{"value": 1}]},
                    {"id": "bad-flag", "name": "방향", "value": 1, "higher_is_better": "no"},
                ],
            },
            {"id": "empty", "name": "빈 분야", "indicators": [{"id": "x"}]},
            "not a field",
        ]
    }
    parsed = parse_city_indicators(data)
    fields, skipped = parsed.data, parsed.skipped
    assert [f.id for f in fields] == ["env"] and fields[0].indicators[0].history[0].period == "2024"
    assert len(skipped) == 6
    assert "fields[0].indicators[1].value must be a number, not '많음'" in skipped
    assert "fields[0].indicators[2].name needs a text" in " ".join(skipped)
    assert "fields[0].indicators[3].history[0] needs a period" in " ".join(skipped)
    assert "fields[2] must be an object" in skipped
    with pytest.raises(SchemaError, match="'fields' must be a list"):
        parse_city_indicators({"indicators": []})


def test_the_shipped_projects_with_schedule_progress_documents_and_images(data_dir):
    loaded = load_projects(open_cache(data_dir))
    assert loaded.sample and loaded.skipped == ()
    first, second, finished = loaded.data
    assert first.id == "EX-station-kiosks" and first.progress == 80  # furthest along first
    assert finished.done and finished.id == "EX-park-lighting"  # finished ones last
    walk = second
    assert walk.department_in("en") == "Urban Transportation Office (example)"
    assert (walk.start, walk.end) == ("2025-03", "2027-12")
    assert [m.done for m in walk.milestones] == [True, True, True, False]
    assert walk.documents[0].path.read_bytes().startswith(b"%PDF")
    assert walk.images[0].path.read_bytes().startswith(b"\x89PNG")


def test_project_schema_errors_are_named():
    base = {
        "id": "p",
        "title": "사업",
        "department": "부서",
        "start": "2025",
        "end": "2026",
        "progress": 10,
    }
    cases = {
        "progress must be 0-100": {**base, "progress": 120},
        "end 2024 is before start 2025": {**base, "end": "2024"},
        "start must be a date": {**base, "start": "올해"},
        "projects[0].documents[0].file must be a content file path ending in .pdf": {
            **base,
            "documents": [{"title": "문서", "file": "a.docx"}],
        },
        "projects[0].milestones[0].done must be true or false": {
            **base,
            "milestones": [{"date": "2025-01", "title": "착공", "done": "yes"}],
        },
    }
    for expected, project in cases.items():
        parsed = parse_projects({"projects": [project, base]})
        projects, skipped = parsed.data, parsed.skipped
        assert [p.id for p in projects] == ["p"] and len(skipped) == 1
        assert expected in skipped[0], skipped


def test_a_listed_file_missing_from_the_version_is_unavailable_not_fatal(
    data_dir, monkeypatch, tmp_path
):
    projects = json.loads(default_file("projects.json"))
    default_content_with(monkeypatch, tmp_path / "v0", {"projects.json": projects})
    loaded = load_projects(open_cache(data_dir))
    assert len(loaded.data) == 3 and loaded.error is None
    assert all(d.path is None for p in loaded.data for d in p.documents)


def test_the_shipped_library_newest_first_with_its_pdfs(data_dir):
    loaded = load_library(open_cache(data_dir))
    assert loaded.sample and [d.id for d in loaded.data] == [
        "EX-air-report",
        "EX-digital-white-paper",
    ]
    report = loaded.data[0]
    assert report.kind == "report" and report.published == "2026-10"
    assert report.pdf is not None and report.pdf.read_bytes().startswith(b"%PDF")


def test_library_entries_need_a_known_kind_and_a_pdf():
    parsed = parse_library(
        {
            "documents": [
                {
                    "id": "a",
                    "title": "보고서",
                    "publisher": "서울시",
                    "published": "2026",
                    "file": "library/a.pdf",
                },
                {
                    "id": "b",
                    "title": "책",
                    "kind": "novel",
                    "publisher": "서울시",
                    "published": "2026",
                    "file": "library/b.pdf",
                },
                {
                    "id": "c",
                    "title": "표",
                    "publisher": "서울시",
                    "published": "2026",
                    "file": "library/c.xlsx",
                },
            ]
        }
    )
    documents, skipped = parsed.data, parsed.skipped
    assert [d.id for d in documents] == ["a"]
    assert (
        "documents[1].kind must be one of report, white_paper, statistics, guide, not 'novel'"
        in skipped[0]
    )
    assert "documents[2].file must be a content file path ending in .pdf" in skipped[1]


def test_the_shipped_resume_quotes_real_figures_with_source_and_marks_examples(data_dir):
    loaded = load_resume(open_cache(data_dir))
    figures = {figure.id: figure for figure in loaded.data.figures}
    area = figures["area"]
    assert (area.value, area.unit_in("en"), area.year, area.example) == (605.2, "㎢", "2023", False)
    assert "Seoul Statistics" in area.source_in("en")
    assert figures["districts"].value == 25 and figures["bike_stations"].example
    assert all(ranking.example for ranking in loaded.data.rankings)  # invented: tagged
    assert loaded.data.rankings[0].rank == 7 and loaded.data.rankings[0].out_of == 48


def test_resume_entries_without_source_or_year_are_left_out():
    parsed = parse_resume(
        {
            "figures": [
                {"id": "area", "label": "면적", "value": 605.2, "year": 2023, "source": "서울시"},
                {"id": "nosource", "label": "출처 없음", "value": 1, "year": "2023"},
                {"id": "noyear", "label": "연도 없음", "value": 1, "source": "서울시"},
            ],
            "rankings": [
                {
                    "id": "r",
                    "name": "순위",
                    "rank": 3,
                    "out_of": 2,
                    "year": "2024",
                    "source": "예시",
                },
                {"id": "half", "name": "순위", "rank": 1.5, "year": "2024", "source": "예시"},
            ],
        }
    )
    resume, skipped = parsed.data, parsed.skipped
    assert [f.id for f in resume.figures] == ["area"] and resume.figures[0].year == "2023"
    assert resume.rankings == [] and len(skipped) == 4
    assert "source needs a text" in skipped[0] and "year must be a date" in skipped[1]
    assert "rank 3 is beyond out_of 2" in skipped[2] and "whole number" in skipped[3]


@pytest.mark.parametrize(
    "loader,path",
    [
        (load_city_indicators, "indicators.json"),
        (load_projects, "projects.json"),
        (load_library, "library/index.json"),
        (load_resume, "resume.json"),
    ],
)
def test_missing_and_broken_files_are_told_apart(loader, path, data_dir, monkeypatch, tmp_path):
    default_content_with(monkeypatch, tmp_path / "empty", {})
    store = open_cache(data_dir)
    missing = loader(store)
    assert missing.missing and missing.data is None and missing.error is None
    for body, reason in (
        ('{"as_of": "2026-11-30", ', "is not valid JSON"),
        ("[1, 2]", "is not a JSON object"),
        ('{"as_of": "지난달"}', "as_of must be a date"),
        ('{"as_of": "2026-11-30"}', "must be a list"),
    ):
        root = tmp_path / f"broken-{abs(hash(body))}"
        default_content_with(monkeypatch, root, {path: body})
        broken = loader(store)
        assert not broken.missing and broken.data is None
        assert path in broken.error and reason in broken.error, broken.error


def test_text_and_date_checkers():
    assert texts("문자", "t") == {"ko": "문자"}
    assert texts({"ko": "가", "en": "A"}, "t") == {"ko": "가", "en": "A"}
    with pytest.raises(SchemaError, match="at least in Korean"):
        texts({"en": "A"}, "t")
    assert [partial_date(v, "d") for v in ("2026", "2026-11", "2026-11-30", 2026)] == [
        "2026",
        "2026-11",
        "2026-11-30",
        "2026",
    ]
    with pytest.raises(SchemaError):
        partial_date("2026-13", "d")


def test_bundle_build_refuses_a_broken_entry_of_these_files(tmp_path):
    from offline_cache.bundles.manifest import BundleError, manifest_for, source_files
    from widgets.content_files import check_content_file

    projects = json.loads(default_file("projects.json"))
    projects["projects"][0]["progress"] = 120
    (tmp_path / "projects.json").write_text(json.dumps(projects), encoding="utf-8")
    with pytest.raises(BundleError, match=r"^projects.json: projects\[0\].progress must be 0-100"):
        manifest_for(source_files(tmp_path), 1, content_check=check_content_file)
