"""Notices in a real window: a bundle applied by staff reaches the banner and the page."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import Qt

from kiosk import intents as i
from kiosk.shell.services import ShellContext, start_services, stop_services
from tests.bundle_kit import StaffKey, build, cli, write_config
from tests.gui.shown import texts

NOTICE = {
    "notices": [
        {
            "id": "shelters",
            "title": {"ko": "한파 쉼터 운영 안내", "en": "Cold-weather shelters are open"},
            "body": {"ko": "가까운 쉼터는 120에 문의하세요.", "en": "Call 120 for the nearest."},
            "banner": True,
            "important": True,
        }
    ]
}


def test_fresh_kiosk_notices_page_shows_the_tagged_sample(make_window):
    window = make_window()
    window.dispatch(i.ShowWidget("notices"))
    shown = texts(window.page_widget("notices"))
    assert "예시 공지: 공지는 이렇게 게시됩니다" in shown and "예시 자료" in shown
    assert "기본 콘텐츠" in shown
    assert not window.home.banner.isVisible() or "[공지]" not in window.home.banner.text.text()


def test_an_applied_bundle_reaches_banner_and_page(make_window, qtbot, tmp_path):
    key = StaffKey(tmp_path / "keys")
    write_config(Path(os.environ["KIOSK_CONFIG"]), [key])
    window = make_window()
    context = ShellContext(
        window.config, window.registry, window.bridge.sink, window.status, window, window.subscribe
    )
    services = start_services(context, ("offline_cache.bundles.service",))
    try:
        src = tmp_path / "src"
        src.mkdir()
        (src / "notices.json").write_text(json.dumps(NOTICE, ensure_ascii=False), "utf-8")
        done = cli("bundle", "apply", str(build(src, key, 1, tmp_path / "v1.zip")))
        assert done.returncode == 0, done.stderr
        banner = window.home.banner
        qtbot.waitUntil(lambda: banner.isVisible(), timeout=15_000)
        assert banner.text.text() == "[공지] 한파 쉼터 운영 안내"
        qtbot.mouseClick(banner, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.state.page == "notices")
        shown = texts(window.page_widget("notices"))
        assert "한파 쉼터 운영 안내" in shown and "중요" in shown and "콘텐츠 1판" in shown
        assert "예시 공지" not in shown
        assert cli("bundle", "rollback").returncode == 0
        page = window.page_widget("notices")
        qtbot.waitUntil(lambda: "예시 공지" in texts(page), timeout=15_000)
    finally:
        stop_services(services)
