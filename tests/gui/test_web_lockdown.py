"""A locked web view shows only what the app loaded: no navigating away, no new windows,
no developer tools, no context menu, no dialogs, downloads or full screen."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QUrl
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWidgets import QApplication

from kiosk.shell.web import LockedWebPage, locked_web_view

PAGE = """<!doctype html><html><body style="margin:0">
<a id="away" href="https://example.invalid/elsewhere" style="display:block;height:300px">away</a>
<a id="blank" href="other.html" target="_blank">new tab</a>
<a id="anchor" href="#legend">legend</a>
<div id="legend">legend</div>
</body></html>"""


@pytest.fixture
def view(qtbot, tmp_path):
    (tmp_path / "map.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "other.html").write_text("<p>other</p>", encoding="utf-8")
    view = locked_web_view()
    view.resize(800, 600)
    qtbot.addWidget(view)
    view.show()
    url = QUrl.fromLocalFile(str(tmp_path / "map.html"))
    with qtbot.waitSignal(view.loadFinished, timeout=20000):
        view.load(url)
    yield view
    shiboken6.delete(view)  # pages go before the profile, or Qt warns at exit


def run_js(qtbot, view, script: str):
    result = []
    view.page().runJavaScript(script, 0, result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=10000)
    return result[0]


def test_the_app_loads_its_page(view):
    page = view.page()
    assert isinstance(page, LockedWebPage)
    assert view.url().fileName() == "map.html"


def test_links_scripts_and_history_cannot_leave(view, qtbot):
    page = view.page()
    home = view.url()
    run_js(qtbot, view, "document.getElementById('away').click(); 1")
    qtbot.waitUntil(lambda: any("example.invalid" in u for u in page.refused))
    run_js(qtbot, view, "location.href = 'file:///etc/passwd'; 1")
    qtbot.waitUntil(lambda: any("passwd" in u for u in page.refused))
    run_js(qtbot, view, "history.back(); 1")
    qtbot.wait(200)
    assert view.url() == home


def test_an_anchor_on_the_same_page_still_works(view, qtbot):
    page = view.page()
    run_js(qtbot, view, "document.getElementById('anchor').click(); 1")
    qtbot.waitUntil(lambda: view.url().fragment() == "legend")
    assert page.refused == []


def shown_windows() -> list:
    """Top-level widgets on screen (charts of earlier tests leave hidden, unparented menus)."""
    return [widget for widget in QApplication.topLevelWidgets() if widget.isVisible()]


def test_no_new_windows_or_tabs(view, qtbot):
    opened = run_js(qtbot, view, "String(window.open('other.html'))")
    assert opened == "null"
    run_js(qtbot, view, "document.getElementById('blank').click(); 1")
    qtbot.wait(200)
    assert len(shown_windows()) == 1
    assert view.url().fileName() == "map.html"


def test_no_dialogs_devtools_or_context_menu(view, qtbot):
    page = view.page()
    assert run_js(qtbot, view, "confirm('leave?')") is False
    assert run_js(qtbot, view, "String(prompt('name?'))") == "null"
    run_js(qtbot, view, "alert('hi'); 1")  # returns at once: no dialog blocks the kiosk
    assert page.devToolsPage() is None
    for action in (QWebEnginePage.WebAction.InspectElement, QWebEnginePage.WebAction.ViewSource):
        page.triggerAction(action)  # both would open another window
    qtbot.waitUntil(lambda: any(r.startswith("new window") for r in page.refused))
    assert page.devToolsPage() is None
    assert len(shown_windows()) == 1
    target = view.focusProxy() or view
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), QPoint(10, 10))
    QApplication.sendEvent(target, event)
    qtbot.wait(100)
    assert QApplication.activePopupWidget() is None


def test_full_screen_requests_are_refused(view, qtbot):
    result = run_js(
        qtbot,
        view,
        "document.fullscreenEnabled ? 'enabled' : 'disabled'",
    )
    assert result == "disabled"
