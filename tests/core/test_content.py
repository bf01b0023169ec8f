"""The content reader: version 0 is the embedded default, files are read safely and clearly."""

import pytest

from offline_cache.content import (
    DEFAULT_CONTENT,
    Content,
    ContentError,
    check_relative_path,
    current_content,
    load_manifest,
)
from offline_cache.startup import open_cache


def test_a_fresh_kiosk_reads_the_embedded_default_as_version_0(data_dir):
    store = open_cache(data_dir)
    content = current_content(store)
    assert content.version == 0 and content.root == DEFAULT_CONTENT
    assert set(content.dataset_files()) == {
        "RealtimeCityAir",
        "realtimeStationArrival",
        "bikeList",
        "citydata",
        "DSSP-IF-00247",
        "getUltraSrtNcst",
    }
    assert all(content.is_sample(f) for f in content.files())
    assert "manifest.json" not in content.files()


def test_default_content_seeds_every_dataset_as_sample(data_dir):
    store = open_cache(data_dir)
    statuses = [s for s in store.statuses() if s.has_data]
    assert len(statuses) == 6 and all(s.sample for s in statuses)


def test_json_and_csv_loading_with_clear_errors(tmp_path):
    root = tmp_path / "v"
    (root / "docs").mkdir(parents=True)
    (root / "ok.json").write_text('{"a": [1, 2]}', encoding="utf-8")
    (root / "bad.json").write_text('{"a": [1, 2}', encoding="utf-8")
    (root / "prices.csv").write_text("\ufeff품목,가격\n배추,3000\n", encoding="utf-8")
    (root / "ragged.csv").write_text("a,b\n1,2,3\n", encoding="utf-8")
    content = Content(7, root, {"files": {"ok.json": {"sample": True}}})
    assert content.load_json("ok.json") == {"a": [1, 2]}
    assert content.load_csv("prices.csv") == [{"품목": "배추", "가격": "3000"}]
    assert content.is_sample("ok.json") and not content.is_sample("prices.csv")
    with pytest.raises(ContentError, match=r"'bad.json' of content version 7 is not valid JSON"):
        content.load_json("bad.json")
    with pytest.raises(ContentError, match="line 2 does not match the header"):
        content.load_csv("ragged.csv")
    with pytest.raises(ContentError, match="has no file 'missing.json'"):
        content.load_json("missing.json")
    with pytest.raises(ContentError, match="unsafe content path"):
        content.load_json("../ok.json")


@pytest.mark.parametrize(
    "path",
    [
        "../x",
        "/etc/passwd",
        "a/../../x",
        "a//b",
        ".hidden",
        "a/.git/config",
        "c:\\x",
        "a\\b",
        "",
        "x\x00",
    ],
)
def test_unsafe_paths_are_refused(path):
    with pytest.raises(ContentError):
        check_relative_path(path)


def test_korean_paths_must_be_nfc():
    assert check_relative_path("문서/보고서.pdf") == "문서/보고서.pdf"
    import unicodedata

    with pytest.raises(ContentError, match="NFC"):
        check_relative_path(unicodedata.normalize("NFD", "문서/보고서.pdf"))


def test_manifest_format_is_checked(tmp_path):
    (tmp_path / "manifest.json").write_text('{"format": "other"}', encoding="utf-8")
    with pytest.raises(ContentError, match="not a seoul-kiosk-content manifest"):
        load_manifest(tmp_path, 3)
    assert load_manifest(DEFAULT_CONTENT, 0)["version"] == 0
