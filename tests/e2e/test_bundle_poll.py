"""Polling a real static origin (its own process on loopback): conditional requests, the
faults a fleet meets (origin down, truncated download, bad signature, tampered index,
oversized, other kiosks' bundles), mirrors, and the service inside the kiosk."""

from __future__ import annotations

import json
import os
import queue
import zipfile
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.intents import DataUpdated
from offline_cache.bundles import service
from offline_cache.bundles.channel import publish
from offline_cache.bundles.poller import BundlePoller
from offline_cache.bundles.settings import bundle_settings
from offline_cache.content import CONTENT_DATASET, current_content
from offline_cache.startup import open_cache
from tests.bundle_kit import SAMPLE_NOTICE, StaffKey, build, cli, make_source, write_config
from tests.static_origin import StaticOrigin

pytestmark = pytest.mark.slow


class Channel:
    """A staff key, a channel directory served by a real origin process, and a kiosk config."""

    def __init__(self, tmp_path: Path):
        self.tmp = tmp_path
        self.key = StaffKey(tmp_path / "keys")
        self.dir = tmp_path / "www"
        self.dir.mkdir()
        self.origins: list[StaticOrigin] = []

    def serve(self, **options) -> StaticOrigin:
        origin = StaticOrigin(self.dir, self.tmp / f"origin{len(self.origins)}.log", **options)
        self.origins.append(origin)
        return origin

    def publish(self, version: int, key: StaffKey | None = None, **options) -> Path:
        src = make_source(self.tmp / f"src{version}", f"v{version}", pm10=float(version))
        bundle = build(src, key or self.key, version, self.tmp / f"v{version}.zip", **options)
        settings = bundle_settings(load_config(write_config(self.tmp / "staff.toml", [self.key])))
        publish(bundle, self.dir, self.key.private, settings)
        return bundle

    def kiosk(self, *urls: str, **config) -> BundlePoller:
        path = write_config(Path(os.environ["KIOSK_CONFIG"]), [self.key], origins=urls)
        kiosk_config = load_config(path, **config)
        return BundlePoller(kiosk_config, bundle_settings(kiosk_config))

    def stop(self) -> None:
        for origin in self.origins:
            origin.stop()


@pytest.fixture
def channel(tmp_path, data_dir):
    made = Channel(tmp_path)
    yield made
    made.stop()


def on_screen(data_dir: Path) -> tuple[int, str | None]:
    store = open_cache(data_dir)
    try:
        content = current_content(store)
        if not content.exists("notices.json"):
            return content.version, None
        return content.version, content.load_json("notices.json")["notices"][0]["id"]
    finally:
        store.close()


def test_new_versions_apply_in_order_and_an_unchanged_channel_costs_a_304(channel, data_dir):
    origin = channel.serve()
    channel.publish(1)
    channel.publish(2)
    poller = channel.kiosk(origin.url)
    outcome = poller.poll_once()
    assert outcome.ok and [r.version for r in outcome.applied] == [1, 2]
    assert on_screen(data_dir) == (2, "v2")
    assert poller.poll_once().applied == ()
    assert origin.requests() == [
        "GET /channel.json 200",
        "GET /bundles/00000001.zip 200",
        "GET /bundles/00000002.zip 200",
        "GET /channel.json 304",
    ]
    assert not list((data_dir / "content" / "downloads").iterdir())


def test_origin_down_keeps_the_last_good_content(channel, data_dir):
    origin = channel.serve()
    channel.publish(1)
    poller = channel.kiosk(origin.url)
    assert poller.poll_once().ok
    origin.stop()
    channel.origins.remove(origin)
    outcome = poller.poll_once()
    assert not outcome.ok and "no origin answered" in outcome.message
    assert "ConnectError" in outcome.message
    assert on_screen(data_dir) == (1, "v1")
    report = json.loads(cli("bundle", "status", "--json").stdout)["poll"]
    assert report["ok"] is False and "no origin answered" in report["result"]


def test_a_mirror_answers_when_the_first_origin_is_down(channel, data_dir):
    channel.publish(1)
    mirror = channel.serve()
    poller = channel.kiosk("http://127.0.0.1:9/", mirror.url)
    outcome = poller.poll_once()
    assert outcome.ok and on_screen(data_dir) == (1, "v1")
    assert "from a mirror" in outcome.message and "Connection refused" in outcome.message


def test_a_truncated_download_is_retried_at_the_next_poll(channel, data_dir):
    channel.publish(1)
    cutting = channel.serve(cut_bundles_after=1000)
    poller = channel.kiosk(cutting.url)
    outcome = poller.poll_once()
    assert not outcome.ok and "download of version 1 failed after" in outcome.message
    assert "RemoteProtocolError" in outcome.message
    assert on_screen(data_dir) == (0, SAMPLE_NOTICE)
    whole = channel.serve()
    poller = channel.kiosk(whole.url)
    assert poller.poll_once().ok and on_screen(data_dir) == (1, "v1")


def test_a_damaged_file_on_the_origin_is_refused(channel, data_dir):
    origin = channel.serve()
    channel.publish(1)
    target = channel.dir / "bundles" / "00000001.zip"
    whole = target.read_bytes()
    target.write_bytes(whole[: len(whole) // 2])
    poller = channel.kiosk(origin.url)
    outcome = poller.poll_once()
    assert not outcome.ok and "truncated or damaged" in outcome.message
    assert on_screen(data_dir) == (0, SAMPLE_NOTICE)
    target.write_bytes(whole)  # the origin is repaired: the same index now works
    assert poller.poll_once().ok and on_screen(data_dir) == (1, "v1")


def test_a_bundle_with_a_bad_signature_is_refused_and_the_next_version_applies(channel, data_dir):
    origin = channel.serve()
    channel.publish(1)
    # the origin's copy of version 2 is swapped for one signed by a stranger, and the index
    # (signed by staff) still names its size and hash: only the bundle's own signature differs
    channel.publish(2)
    stranger = StaffKey(channel.tmp / "stranger")
    forged = build(
        make_source(channel.tmp / "forged", "forged"), stranger, 2, channel.tmp / "f.zip"
    )
    bundle_path = channel.dir / "bundles" / "00000002.zip"
    index = json.loads((channel.dir / "channel.json").read_text())
    bundle_path.write_bytes(forged.read_bytes())
    from offline_cache.bundles.manifest import file_digest
    from offline_cache.bundles.signing import sign_document

    digest, size = file_digest(bundle_path)
    index["signed"]["bundles"][1].update(sha256=digest, size=size)
    signed = sign_document(index["signed"], channel.key.private)
    (channel.dir / "channel.json").write_text(json.dumps(signed))
    poller = channel.kiosk(origin.url)
    outcome = poller.poll_once()
    assert outcome.ok and [r.version for r in outcome.applied] == [1]
    assert "unknown key" in poller.record.refused["2"]
    channel.publish(3)
    assert [r.version for r in poller.poll_once().applied] == [3]
    assert on_screen(data_dir) == (3, "v3")


def test_a_tampered_index_is_refused(channel, data_dir):
    origin = channel.serve()
    channel.publish(1)
    index = json.loads((channel.dir / "channel.json").read_text())
    index["signed"]["bundles"][0]["targets"]["roles"] = ["mayor"]
    (channel.dir / "channel.json").write_text(json.dumps(index))
    outcome = channel.kiosk(origin.url).poll_once()
    assert not outcome.ok and "bad signature on the channel index" in outcome.message
    assert on_screen(data_dir) == (0, SAMPLE_NOTICE)


def test_targets_and_size_bounds_are_honoured(channel, data_dir):
    """A station kiosk skips the mayor's and 창동's bundles and one bigger than it accepts."""
    origin = channel.serve()
    channel.publish(1, roles=["mayor"])
    channel.publish(2, stations=["창동"])
    big = make_source(channel.tmp / "big", "big", files={"docs/big.pdf": os.urandom(3_000_000)})
    bundle = build(big, channel.key, 3, channel.tmp / "v3.zip")
    settings = bundle_settings(load_config(write_config(channel.tmp / "staff.toml", [channel.key])))
    publish(bundle, channel.dir, channel.key.private, settings)
    poller = channel.kiosk(origin.url)
    poller.settings = type(poller.settings)(
        public_keys=poller.settings.public_keys,
        origins=poller.settings.origins,
        max_bundle_bytes=2_000_000,
    )
    outcome = poller.poll_once()
    assert outcome.ok and outcome.applied == ()
    assert "more than this kiosk accepts" in poller.record.refused["3"]
    assert on_screen(data_dir) == (0, SAMPLE_NOTICE)
    mayor = channel.kiosk(origin.url, role="mayor", data_dir=data_dir.parent / "mayor")
    assert [r.version for r in mayor.poll_once().applied] == [1, 3]


class Context:
    """Stands in for the shell's ServiceContext: collects intents and status lines."""

    def __init__(self, config):
        self.config = config
        self.intents: queue.Queue = queue.Queue()
        self.statuses: list[tuple[str, bool, dict]] = []

    def sink(self, intent) -> None:
        self.intents.put(intent)

    def set_status(self, key: str, ok: bool, text) -> None:
        self.statuses.append((key, ok, text))


def test_the_service_polls_and_pages_rerender(channel, data_dir):
    origin = channel.serve()
    channel.publish(1)
    path = write_config(
        Path(os.environ["KIOSK_CONFIG"]), [channel.key], origins=(origin.url,), interval_s=1
    )
    context = Context(load_config(path))
    running = service.start(context)
    try:
        intent = context.intents.get(timeout=20)
        assert isinstance(intent, DataUpdated) and CONTENT_DATASET in intent.datasets
        assert on_screen(data_dir) == (1, "v1")
        # a staff command on the kiosk reaches the screen the same way
        assert cli("bundle", "rollback").returncode == 0
        assert CONTENT_DATASET in context.intents.get(timeout=20).datasets
    finally:
        running.stop()
    assert not running.thread.is_alive()
    key, ok, text = context.statuses[-1]
    assert key == "content" and ok and text["en"].startswith("default content · checked")


def test_without_origins_the_service_still_watches(channel, data_dir):
    context = Context(load_config(write_config(Path(os.environ["KIOSK_CONFIG"]), [channel.key])))
    running = service.start(context)
    try:
        bundle = channel.publish(1)
        assert cli("bundle", "apply", str(bundle)).returncode == 0
        assert CONTENT_DATASET in context.intents.get(timeout=20).datasets
    finally:
        running.stop()
    assert context.statuses[0] == (
        "content",
        True,
        {
            "ko": "기본 콘텐츠 · 콘텐츠 서버 설정 없음",
            "en": "default content · no content origin configured",
            "zh": "默认内容 · 未设置内容服务器",
            "ja": "標準コンテンツ · コンテンツサーバー未設定",
        },
    )


def test_a_zip_is_what_the_origin_serves(channel):
    channel.publish(1)
    with zipfile.ZipFile(channel.dir / "bundles" / "00000001.zip") as archive:
        assert archive.namelist()[0] == "manifest.json"
