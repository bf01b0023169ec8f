"""The private pages (결재문서, 내부지표) in a real mayor window: shown only when unlocked,
destroyed with everything they held when private mode locks."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from kiosk import intents as i
from kiosk.registry import HOME
from tests.gui.shown import texts
from widgets.approvals.view import DocumentCard


def unlock(window) -> None:
    window.dispatch(i.EnterPrivateMode())
    window.dispatch(i.UnlockPrivateMode("mayor"))
    assert window.state.private_unlocked


def test_private_tiles_appear_only_while_unlocked(make_window):
    window = make_window(role="mayor")
    tiles = lambda: {tile.spec.id for tile in window.home.tiles}  # noqa: E731
    assert not {"approvals", "internal_indicators"} & tiles()
    unlock(window)
    assert {"approvals", "internal_indicators"} <= tiles()
    titles = {tile.spec.id: tile.title.text() for tile in window.home.tiles}
    assert titles["approvals"] == "결재문서" and titles["internal_indicators"] == "내부지표"
    assert window.home.minimumSizeHint().height() <= 1080 - 120 - 60  # still fits 1080p
    window.dispatch(i.LockPrivateMode("enrolled face left"))
    assert not {"approvals", "internal_indicators"} & tiles()


def test_approvals_list_and_pdf_viewer_then_lock_destroys_the_page(make_window, qtbot):
    window = make_window(role="mayor")
    unlock(window)
    window.dispatch(i.ShowWidget("approvals"))
    page = window.page_widget("approvals")
    shown = texts(page)
    assert "결재 대기" in shown and "예시 자료" in shown
    assert "2027년 시민참여예산 집행계획(안)" in shown
    assert page.pdf.status() == QPdfDocument.Status.Ready and page.pdf.pageCount() == 2
    assert "1 / 2쪽" in texts(page)
    qtbot.mouseClick(page.next_page, Qt.MouseButton.LeftButton)
    assert "2 / 2쪽" in texts(page)
    card = next(c for c in page.findChildren(DocumentCard) if c.document.id == "EX-2026-003")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert page.opened.id == "EX-2026-003" and "1 / 1쪽" in texts(page)

    pdf, view = page.pdf, page.view
    window.dispatch(i.LockPrivateMode("stranger in view"))
    assert window.state.page == HOME and "approvals" not in window.pages
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(page) and not shiboken6.isValid(pdf)
    assert not shiboken6.isValid(view)
    window.dispatch(i.ShowWidget("approvals"))
    assert window.state.page == HOME  # gone until the face unlocks again


def test_internal_indicators_show_values_targets_and_sample_tag(make_window):
    window = make_window(role="mayor")
    unlock(window)
    window.dispatch(i.ShowWidget("internal_indicators"))
    shown = texts(window.page_widget("internal_indicators"))
    assert "민원 기한 내 처리율" in shown and "98.3 %" in shown and "목표 98 %" in shown
    assert "예시 자료" in shown and "2026-11-20 기준" in shown
    assert "목표 달성" in shown and "목표 미달" in shown
    assert "7.1 분" in shown and "지난번보다 ▼ 0.3" in shown  # 119 arrival got faster


def test_station_role_has_no_private_mode_at_all(make_window):
    window = make_window(role="station")
    window.dispatch(i.EnterPrivateMode())
    window.dispatch(i.UnlockPrivateMode("mayor"))
    window.dispatch(i.ShowWidget("approvals"))
    assert window.state.page == HOME and not window.state.private_unlocked
    assert "approvals" not in window.pages
