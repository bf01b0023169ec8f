"""Bundles in-process: build, verify, apply, overlay, rollback, refusals, channel rules."""

import json
import os
import zipfile

import pytest

from kiosk.config import load_config
from offline_cache.bundles.archive import BundleReader
from offline_cache.bundles.channel import ChannelEntry, parse_channel, pending, publish
from offline_cache.bundles.install import apply_bundle, installed_versions, rollback
from offline_cache.bundles.manifest import BundleError
from offline_cache.bundles.settings import BundleSettings, bundle_settings
from offline_cache.content import ContentState, current_content
from offline_cache.startup import move_aside, open_cache
from offline_cache.store import CACHE_FILENAME, DatasetUpdate
from tests.bundle_kit import SAMPLE_NOTICE, StaffKey, build, craft_bundle, make_source, write_config


@pytest.fixture
def key(tmp_path):
    return StaffKey(tmp_path / "keys")


@pytest.fixture
def config(tmp_path, key, data_dir):
    return load_config(write_config(tmp_path / "kiosk.toml", [key]))


def settings_of(config):
    return bundle_settings(config)


def apply(path, config):
    return apply_bundle(path, config, settings_of(config))


def shown(config):
    """What a page would read now: the content version, its notice, the air reading."""
    store = open_cache(config.data_dir)
    try:
        content = current_content(store)
        notice = (
            content.load_json("notices.json")["notices"][0]["id"]
            if content.exists("notices.json")
            else None
        )
        air = store.snapshot("air_quality", where="district = '중구'").rows[0]["pm10"]
        return content.version, notice, air
    finally:
        store.close()


def test_apply_switches_files_and_datasets_together(tmp_path, key, config):
    bundle = build(make_source(tmp_path / "s1", "v1", pm10=111.0), key, 1, tmp_path / "v1.zip")
    result = apply(bundle, config)
    assert (result.version, result.previous, result.datasets) == (1, 0, ("air_quality",))
    assert shown(config) == (1, "v1", 111.0)
    store = open_cache(config.data_dir)
    status = store.status("air_quality")
    assert status.source == "RealtimeCityAir · bundle 1" and not status.sample
    assert store.status("bike_stations").sample  # untouched datasets keep the seed
    content = current_content(store)
    assert not content.is_sample("notices.json") and content.is_sample("datasets/bikeList.json")


def test_bundles_overlay_and_full_replaces(tmp_path, key, config):
    apply(build(make_source(tmp_path / "s1", "v1", pm10=1.0), key, 1, tmp_path / "v1.zip"), config)
    docs = tmp_path / "s2"
    (docs / "docs").mkdir(parents=True)
    (docs / "docs" / "보고서.pdf").write_bytes(b"%PDF-1.4 test")
    apply(build(docs, key, 2, tmp_path / "v2.zip"), config)
    store = open_cache(config.data_dir)
    content = current_content(store)
    assert content.load_json("notices.json")["notices"][0]["id"] == "v1"  # carried over
    assert content.read_bytes("docs/보고서.pdf") == b"%PDF-1.4 test"
    v1_notice = tmp_path / "data/content/versions/1/notices.json"
    assert os.stat(content.path("notices.json")).st_ino == os.stat(v1_notice).st_ino  # a link
    apply(build(make_source(tmp_path / "s3", "v3"), key, 3, tmp_path / "v3.zip", full=True), config)
    content = current_content(store)
    assert content.files() == ["notices.json"]
    assert installed_versions(config.data_dir) == [2, 3]  # current and previous only


def test_an_empty_bundle_changes_no_content(tmp_path, key, config):
    apply(build(make_source(tmp_path / "s1", "v1", pm10=5.0), key, 1, tmp_path / "v1.zip"), config)
    empty = tmp_path / "empty"
    empty.mkdir()
    store = open_cache(config.data_dir)
    before = {f: current_content(store).read_bytes(f) for f in current_content(store).files()}
    air_before = store.snapshot("air_quality").rows
    result = apply(build(empty, key, 2, tmp_path / "v2.zip"), config)
    assert result.version == 2 and result.bundle_files == 0 and result.datasets == ()
    after = current_content(store)
    assert {f: after.read_bytes(f) for f in after.files()} == before
    assert store.snapshot("air_quality").rows == air_before


def test_downgrades_replays_and_other_kiosks_bundles_are_refused(tmp_path, key, config):
    v2 = build(make_source(tmp_path / "s2", "v2", pm10=2.0), key, 2, tmp_path / "v2.zip")
    v1 = build(make_source(tmp_path / "s1", "v1", pm10=1.0), key, 1, tmp_path / "v1.zip")
    apply(v2, config)
    for bundle, version in ((v2, 2), (v1, 1)):
        with pytest.raises(BundleError, match=f"version {version} is not newer than version 2"):
            apply(bundle, config)
    mayor_only = build(
        make_source(tmp_path / "s3", "v3"), key, 3, tmp_path / "m.zip", roles=["mayor"]
    )
    with pytest.raises(BundleError, match="for mayor; all stations, not for this kiosk"):
        apply(mayor_only, config)
    elsewhere = build(
        make_source(tmp_path / "s4", "v4"), key, 4, tmp_path / "e.zip", stations=["창동"]
    )
    with pytest.raises(BundleError, match="not for this kiosk"):
        apply(elsewhere, config)
    assert shown(config) == (2, "v2", 2.0)
    here = build(
        make_source(tmp_path / "s5", "v5"), key, 5, tmp_path / "h.zip", stations=["홍대입구역"]
    )
    assert apply(here, config).version == 5


def test_rollback_restores_files_and_rows_and_is_never_reapplied(tmp_path, key, config):
    seeded = shown(config)
    v1 = build(make_source(tmp_path / "s1", "v1", pm10=10.0), key, 1, tmp_path / "v1.zip")
    v2 = build(make_source(tmp_path / "s2", "v2", pm10=20.0), key, 2, tmp_path / "v2.zip")
    apply(v1, config)
    apply(v2, config)
    result = rollback(config)
    assert (result.version, result.left, result.datasets) == (1, 2, ("air_quality",))
    assert shown(config) == (1, "v1", 10.0)
    assert not (tmp_path / "data/content/versions/2").exists()
    with pytest.raises(BundleError, match="not newer"):
        apply(v2, config)
    rollback(config)
    assert shown(config) == seeded == (0, SAMPLE_NOTICE, seeded[2])
    with pytest.raises(BundleError, match="no earlier content version"):
        rollback(config)


def test_rollback_keeps_data_fetched_live_since_the_bundle(tmp_path, key, config):
    apply(build(make_source(tmp_path / "s1", "v1", pm10=10.0), key, 1, tmp_path / "v1.zip"), config)
    store = open_cache(config.data_dir)
    live = DatasetUpdate(
        "air_quality", [{"district": "중구", "pm10": 77.0}], "RealtimeCityAir", None
    )
    store.replace([live])
    rollback(config)
    assert shown(config) == (0, SAMPLE_NOTICE, 77.0)


@pytest.mark.parametrize(
    "damage,reason",
    [
        ("tamper", "does not match its SHA-256"),
        ("signature", "bad signature"),
        ("truncate", "not a bundle, or it is truncated"),
        ("garbage", "not a bundle"),
    ],
)
def test_damaged_bundles_are_refused_and_change_nothing(tmp_path, key, config, damage, reason):
    bundle = build(make_source(tmp_path / "s1", "v1", pm10=1.0), key, 1, tmp_path / "v1.zip")
    data = bundle.read_bytes()
    if damage == "tamper":  # same length, one changed byte inside a stored file
        bad = tmp_path / "bad.zip"
        with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(bad, "w") as out:
            for info in src.infolist():
                body = src.read(info)
                if info.filename == "notices.json":
                    body = body.replace(b"v1", b"v9")
                out.writestr(info, body)
        data = bad.read_bytes()
    elif damage == "signature":
        with zipfile.ZipFile(bundle) as src:
            doc = json.loads(src.read("manifest.json"))
        doc["signed"]["description"] = "changed after signing"
        bad = tmp_path / "bad.zip"
        with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(bad, "w") as out:
            for info in src.infolist():
                body = (
                    json.dumps(doc).encode() if info.filename == "manifest.json" else src.read(info)
                )
                out.writestr(info, body)
        data = bad.read_bytes()
    elif damage == "truncate":
        data = data[: len(data) // 2]
    else:
        data = b"<html>502 Bad Gateway</html>"
    target = tmp_path / "damaged.zip"
    target.write_bytes(data)
    with pytest.raises(BundleError, match=reason):
        apply(target, config)
    assert shown(config)[0] == 0
    assert installed_versions(config.data_dir) == []
    assert not list((tmp_path / "data/content").glob("staging/*"))


def test_an_unknown_key_is_named(tmp_path, key, config):
    stranger = StaffKey(tmp_path / "other")
    bundle = build(make_source(tmp_path / "s1", "v1"), stranger, 1, tmp_path / "v1.zip")
    with pytest.raises(BundleError, match="signed by an unknown key '[0-9a-f]{16}'"):
        apply(bundle, config)


@pytest.mark.parametrize(
    "name,reason",
    [
        ("../evil.json", "unsafe content path"),
        ("/etc/evil.json", "unsafe content path"),
        ("docs/../../evil.json", "unsafe content path"),
        (".bashrc", "hidden files"),
        ("link.json", "is a link"),
    ],
)
def test_hostile_archive_entries_are_refused(tmp_path, key, config, name, reason):
    bundle = craft_bundle(
        tmp_path / "evil.zip",
        key,
        {name: b"{}"},
        manifest_files={"ok.json": {"sha256": "0" * 64, "size": 2}},
        symlinks=("link.json",),
    )
    with pytest.raises(BundleError, match=reason):
        apply(bundle, config)
    assert not (tmp_path / "evil.json").exists() and not (tmp_path / "data/evil.json").exists()


def test_entries_must_match_the_signed_manifest(tmp_path, key, config):
    extra = craft_bundle(
        tmp_path / "extra.zip",
        key,
        {"a.json": b"{}", "b.json": b"{}"},
        manifest_files={
            "a.json": {
                "sha256": "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
                "size": 2,
            }
        },
    )
    with pytest.raises(BundleError, match="'b.json' is not in the signed manifest"):
        apply(extra, config)
    bomb = craft_bundle(
        tmp_path / "bomb.zip",
        key,
        {"a.json": b"\0" * 5_000_000},
        manifest_files={"a.json": {"sha256": "0" * 64, "size": 10}},
    )
    with pytest.raises(
        BundleError, match="5000000 bytes in the archive but 10 in the signed manifest"
    ):
        apply(bomb, config)


def test_size_bounds(tmp_path, key, config):
    huge = craft_bundle(
        tmp_path / "huge.zip",
        key,
        {"a.bin": b"x"},
        manifest_files={"a.bin": {"sha256": "0" * 64, "size": 5 * 2**30}},
    )
    with pytest.raises(BundleError, match="unpacks to 5120.0 MB"):
        apply(huge, config)
    big = build(
        make_source(tmp_path / "s", "v1", files={"x.bin": os.urandom(2_000_000)}),
        key,
        1,
        tmp_path / "b.zip",
    )
    small = BundleSettings(public_keys=settings_of(config).public_keys, max_bundle_bytes=1_000_000)
    with pytest.raises(BundleError, match=r"b.zip is 1\.9 MB, more than the 1 MB a bundle may be"):
        apply_bundle(big, config, small)


def test_broken_dataset_is_refused_at_build_and_at_apply(tmp_path, key, config):
    src = make_source(tmp_path / "s", "v1", files={"datasets/bikeList.json": '{"nope": 1}'})
    with pytest.raises(BundleError, match="not a usable bikeList response"):
        build(src, key, 1, tmp_path / "b.zip")
    bundle = craft_bundle(tmp_path / "c.zip", key, {"datasets/bikeList.json": b'{"nope": 1}'})
    with pytest.raises(BundleError, match="not a usable bikeList response"):
        apply(bundle, config)
    assert shown(config)[0] == 0 and installed_versions(config.data_dir) == []


def test_content_comes_back_after_the_cache_is_rebuilt(tmp_path, key, config):
    apply(build(make_source(tmp_path / "s1", "v1", pm10=10.0), key, 1, tmp_path / "v1.zip"), config)
    apply(build(make_source(tmp_path / "s2", "v2", pm10=20.0), key, 2, tmp_path / "v2.zip"), config)
    move_aside(config.data_dir / CACHE_FILENAME)  # what start does with a corrupt cache
    with pytest.raises(BundleError, match="not newer than version 2"):
        apply(tmp_path / "v1.zip", config)  # the replay floor survived too
    assert shown(config) == (2, "v2", 20.0)


def entry(version, full=False, roles=(), stations=()):
    return ChannelEntry(version, f"bundles/{version}.zip", 1, "0" * 64, full, roles, stations)


def test_pending_applies_missed_versions_in_order_from_the_newest_full(config):
    entries = [entry(1), entry(2, full=True), entry(3), entry(4, roles=("mayor",)), entry(5)]
    state = ContentState(version=0, highest=0)
    assert [e.version for e in pending(entries, state, config, set())] == [2, 3, 5]
    assert [e.version for e in pending(entries, ContentState(3, 2, 3), config, set())] == [5]
    assert [e.version for e in pending(entries, ContentState(3, 2, 3), config, {5})] == []


def test_publish_signs_the_index_and_keeps_versions_unique(tmp_path, key, config):
    channel = tmp_path / "www"
    settings = settings_of(config)
    v1 = build(make_source(tmp_path / "s1", "v1"), key, 1, tmp_path / "v1.zip")
    v3 = build(make_source(tmp_path / "s3", "v3"), key, 3, tmp_path / "v3.zip", full=True)
    publish(v1, channel, key.private, settings)
    publish(v3, channel, key.private, settings)
    publish(v3, channel, key.private, settings)  # publishing again is harmless
    entries = parse_channel((channel / "channel.json").read_bytes(), settings.public_keys)
    assert [(e.version, e.file, e.full) for e in entries] == [
        (1, "bundles/00000001.zip", False),
        (3, "bundles/00000003.zip", True),
    ]
    v2 = build(make_source(tmp_path / "s2", "v2"), key, 2, tmp_path / "v2.zip")
    with pytest.raises(BundleError, match="not newer than version 3, already published"):
        publish(v2, channel, key.private, settings)
    other_v3 = build(make_source(tmp_path / "o3", "other"), key, 3, tmp_path / "o3.zip")
    with pytest.raises(BundleError, match="already published with different content"):
        publish(other_v3, channel, key.private, settings)
    doc = json.loads((channel / "channel.json").read_text())
    doc["signed"]["bundles"].pop(0)
    with pytest.raises(BundleError, match="bad signature on the channel index"):
        parse_channel(json.dumps(doc).encode(), settings.public_keys)
    with BundleReader(channel / entries[0].file, settings) as reader:
        reader.verify_files()


def test_a_damaged_current_version_falls_back_rather_than_showing_nothing(tmp_path, key, config):
    import shutil

    from offline_cache.bundles.install import recover_content

    apply(build(make_source(tmp_path / "s1", "v1", pm10=1.0), key, 1, tmp_path / "v1.zip"), config)
    apply(build(make_source(tmp_path / "s2", "v2", pm10=2.0), key, 2, tmp_path / "v2.zip"), config)
    shutil.rmtree(tmp_path / "data/content/versions/2")
    state = recover_content(config.data_dir)
    assert (state.version, state.previous, state.highest) == (1, None, 2)
    assert shown(config)[:2] == (1, "v1")
    shutil.rmtree(tmp_path / "data/content/versions/1")
    assert recover_content(config.data_dir).version == 0
    assert shown(config)[:2] == (0, SAMPLE_NOTICE)
