"""시정지표, 도시프로젝트, 디지털 시민열람실, 서울시 이력서 in a real window: the tagged sample
content, a missing file, a broken file, a new content version, and the touch PDF viewer."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk import intents as i
from kiosk.config import load_config
from offline_cache.bundles.install import apply_bundle
from offline_cache.bundles.settings import bundle_settings
from tests.bundle_kit import StaffKey, build, write_config
from tests.gui.shown import texts
from tests.staff_content_kit import default_content_with, default_file
from widgets.common.cards import Card
from widgets.common.charts import TapChart

PAGES = {
    "indicators": "indicators.json",
    "projects": "projects.json",
    "library": "library/index.json",
    "resume": "resume.json",
}


def show(window, page_id: str):
    window.dispatch(i.ShowWidget(page_id))
    assert window.state.page == page_id
    return window.page_widget(page_id)


def card_showing(page, text: str) -> Card:
    return next(c for c in page.findChildren(Card) if c.isVisible() and text in texts(c))


@pytest.mark.parametrize("page_id", list(PAGES))
def test_each_page_shows_its_sample_content_with_date_and_tag(make_window, page_id):
    window = make_window()
    page = show(window, page_id)
    shown = texts(page)
    assert "예시 자료" in shown and "2026-11-30 기준" in shown
    assert "자료가 없습니다" not in shown and "문제가 있어" not in shown
    assert "표시할 항목이 없습니다" not in shown and "형식이 맞지 않는" not in shown


@pytest.mark.parametrize("page_id,file", list(PAGES.items()))
def test_a_missing_file_is_a_clear_empty_state(make_window, monkeypatch, tmp_path, page_id, file):
    default_content_with(monkeypatch, tmp_path / "v0", {})
    shown = texts(show(make_window(), page_id))
    assert "아직 이 화면의 자료가 없습니다" in shown and file in shown
    assert "예시 자료" not in shown


@pytest.mark.parametrize("page_id,file", list(PAGES.items()))
def test_a_broken_file_is_a_clear_error(make_window, monkeypatch, tmp_path, page_id, file):
    default_content_with(monkeypatch, tmp_path / "v0", {file: '{"as_of": "2026-11-30", "x": ['})
    shown = texts(show(make_window(), page_id))
    assert "자료 파일에 문제가 있어 표시할 수 없습니다" in shown
    assert file in shown and "is not valid JSON" in shown


def test_indicators_fields_cards_and_the_trend_chart_with_its_target(make_window, qtbot):
    window = make_window()
    page = show(window, "indicators")
    shown = texts(page)
    assert {"환경", "교통", "안전", "복지", "지표 2개"} <= set(shown.split("\n"))
    assert "초미세먼지 연평균 농도" in shown and "18 ㎍/㎥" in shown and "목표 15 ㎍/㎥" in shown
    assert "목표 미달" in shown and "예시" in shown
    assert page.chart is not None
    assert page.chart.show_value_near(page.chart.point_position(4, 18)) == (
        "초미세먼지 연평균 농도 2025: 18 ㎍/㎥"
    )
    assert page.chart.show_value_near(page.chart.point_position(0, 15)) == "목표 2021: 15 ㎍/㎥"

    qtbot.mouseClick(card_showing(page, "교통"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "대중교통 수단분담률" in texts(page))
    assert "초미세먼지 연평균 농도" not in texts(page) and "목표 70 %" in texts(page)
    qtbot.mouseClick(card_showing(page, "공공자전거 하루 평균 이용"), Qt.MouseButton.LeftButton)
    assert "공공자전거 하루 평균 이용 추이" in texts(page)
    chart = page.findChild(TapChart)
    assert chart.show_value_near(chart.point_position(4, 126000)).endswith("126,000 건")

    window.dispatch(i.SetLanguage("en"))
    page = window.page_widget("indicators")
    assert "Public bike trips a day" in texts(page) and "Target 150,000 trips" in texts(page)
    page.reset()  # idle: the visitor's choice is forgotten
    page.render("ko")
    assert "초미세먼지 연평균 농도 추이" in texts(page)


def test_projects_progress_schedule_image_and_a_document(make_window, qtbot):
    window = make_window()
    page = show(window, "projects")
    shown = texts(page)
    assert "지하철역 디지털 시민 키오스크 (예시)" in shown and "80%" in shown
    assert "사업 기간 2025-01 ~ 2026-12" in shown and "● 2025-01  시범 설치" in shown
    assert "완료" in shown and "진행 중" in shown
    qtbot.mouseClick(card_showing(page, "보행친화 거리 조성"), Qt.MouseButton.LeftButton)
    assert "도시교통실 (예시)" in texts(page) and "진행률 45%" in texts(page)
    assert page.image.isVisible() and not page.image.pixmap().isNull()
    button = next(b for b in page.findChildren(QPushButton) if b.text() == "사업 개요 (예시)")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.viewer.isVisible() and not page.image.isVisible()
    assert page.viewer.document.pageCount() == 2 and "1 / 2쪽" in texts(page)
    window.dispatch(i.Next(i.Source.SWIPE))  # a swipe turns the document's page
    assert window.state.page == "projects" and "2 / 2쪽" in texts(page)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert not page.viewer.isVisible() and page.image.isVisible()


def test_library_pdf_viewer_pages_by_buttons_and_swipes_and_resets_on_idle(make_window, qtbot):
    window = make_window()
    page = show(window, "library")
    shown = texts(page)
    assert "서울 대기질 연차 보고서 (예시)" in shown and "보고서" in shown and "백서" in shown
    assert "기후환경본부 (예시) · 2026-10 발행" in shown
    viewer = page.viewer
    assert viewer.document.status() == QPdfDocument.Status.Ready
    assert viewer.document.pageCount() == 3 and "1 / 3쪽" in texts(page)
    assert not viewer.previous_button.isEnabled()
    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    assert "2 / 3쪽" in texts(page)
    window.dispatch(i.Next(i.Source.SWIPE))
    assert "3 / 3쪽" in texts(page) and not viewer.next_button.isEnabled()
    window.dispatch(i.Previous(i.Source.VOICE))
    assert "2 / 3쪽" in texts(page) and window.state.page == "library"

    qtbot.mouseClick(card_showing(page, "디지털 시민시장실 백서"), Qt.MouseButton.LeftButton)
    assert viewer.title == "디지털 시민시장실 백서 (예시)" and "1 / 2쪽" in texts(page)
    window.dispatch(i.Next(i.Source.SWIPE))
    window.dispatch(i.Next(i.Source.SWIPE))  # past the last page: on to the next category
    assert window.state.page == "resume"

    page.reset()  # idle: the document is closed, the first one opens at page 1 next time
    assert not viewer.is_open
    assert show(window, "library") is page
    assert viewer.title == "서울 대기질 연차 보고서 (예시)" and "1 / 3쪽" in texts(page)


def test_resume_figures_and_rankings_carry_source_and_year(make_window):
    page = show(make_window(), "resume")
    shown = texts(page)
    assert "숫자로 보는 서울" in shown and "세계 속의 서울" in shown
    read = {card.accessibleName() for card in page.findChildren(Card)}  # as guidance reads them
    assert "면적: 605.2 ㎢. 출처: 서울특별시 서울통계 (국토교통부 지적통계) (2023)" in read
    assert any(name.startswith("주민등록인구: 9,386,034 명") for name in read)
    assert any(
        name.startswith("세계 도시 종합 경쟁력: 7위, 비교 대상 48개 도시. 예시.") for name in read
    )
    assert "605.2" in shown and "9,386,034" in shown and "25" in shown
    assert "출처: 서울특별시 서울통계 (국토교통부 지적통계) (2023)" in shown
    assert "7위" in shown and "비교 대상 48개 도시" in shown
    assert "출처: 예시 — 실제 순위가 아닙니다 (2025)" in shown
    area = card_showing(page, "면적")
    assert "예시" not in texts(area)  # a quoted figure is not tagged as an example
    assert "예시" in texts(card_showing(page, "세계 도시 종합 경쟁력"))


def test_a_new_content_version_re_renders_the_page(make_window, tmp_path):
    key = StaffKey(tmp_path / "keys")
    config_path = write_config(Path(os.environ["KIOSK_CONFIG"]), [key])
    window = make_window()
    page = show(window, "resume")
    assert "605.2" in texts(page)
    resume = json.loads(default_file("resume.json"))
    resume.update(sample=False, as_of="2027-01-31")
    resume["figures"] = [{**resume["figures"][0], "value": 605.21}]
    src = tmp_path / "src"
    src.mkdir()
    (src / "resume.json").write_text(json.dumps(resume, ensure_ascii=False), "utf-8")
    config = load_config(config_path)
    apply_bundle(build(src, key, 1, tmp_path / "v1.zip"), config, bundle_settings(config))
    window.dispatch(i.DataUpdated(("content",)))
    shown = texts(window.page_widget("resume"))
    assert "605.21" in shown and "2027-01-31 기준" in shown and "예시 자료" not in shown


def test_approvals_share_the_viewer_and_its_swipes(make_window):
    window = make_window(role="mayor")
    window.dispatch(i.EnterPrivateMode())
    window.dispatch(i.UnlockPrivateMode("mayor"))
    page = show(window, "approvals")
    assert "1 / 2쪽" in texts(page)
    window.dispatch(i.Next(i.Source.SWIPE))
    assert window.state.page == "approvals" and "2 / 2쪽" in texts(page)


def test_a_swipe_across_the_document_turns_its_page(make_window, qtbot):
    window = make_window()
    page = show(window, "library")
    viewport = page.viewer.view.viewport()
    right = QPoint(viewport.width() - 20, viewport.height() // 2)
    left = QPoint(20, viewport.height() // 2)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=right)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=left)
    qtbot.waitUntil(lambda: "2 / 3쪽" in texts(page))
    assert window.state.page == "library"


def test_a_vertical_drag_scrolls_the_page_being_read(make_window, qtbot):
    page = show(make_window(), "library")
    viewport = page.viewer.view.viewport()
    bar = page.viewer.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # an A4 page as wide as the view is taller
    lower, upper = QPoint(200, viewport.height() - 20), QPoint(200, 20)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=lower)
    qtbot.mouseMove(viewport, upper)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=upper)
    assert bar.value() > 0 and "1 / 3쪽" in texts(page)


def test_showing_a_page_again_keeps_it_as_built_until_idle_resets_it(make_window, qtbot):
    window = make_window()
    page = show(window, "indicators")
    qtbot.mouseClick(card_showing(page, "교통"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "대중교통 수단분담률" in texts(page))
    chart = page.chart
    window.dispatch(i.Home())
    assert show(window, "indicators") is page and page.chart is chart  # not rebuilt
    assert "대중교통 수단분담률 추이" in texts(page)  # the visitor's choice is still there
    page.reset()  # what idle does to every page, before going home
    window.dispatch(i.Home())
    show(window, "indicators")
    assert page.chart is not chart and "초미세먼지 연평균 농도 추이" in texts(page)


def test_a_file_whose_every_entry_is_left_out_says_so_with_the_reasons(
    make_window, monkeypatch, tmp_path
):
    index = {"as_of": "2026-11-30", "documents": [{"id": "a", "title": "표", "file": "a.xlsx"}]}
    default_content_with(monkeypatch, tmp_path / "v0", {"library/index.json": index})
    page = show(make_window(), "library")
    shown = texts(page)
    assert "이 파일에는 표시할 항목이 없습니다." in shown and "library/index.json" in shown
    assert "형식이 맞지 않는 항목 1개는 빠졌습니다: documents[0].publisher needs a text" in shown
    assert not page.viewer.isVisible() and not page.viewer.is_open


def test_the_open_document_stays_on_its_page_across_a_language_change(make_window, qtbot):
    window = make_window()
    page = show(window, "library")
    viewer = page.viewer
    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    assert "2 / 3쪽" in texts(page)
    window.dispatch(i.SetLanguage("en"))  # the page is rebuilt around the same viewer
    QApplication.processEvents()
    assert page.viewer is viewer and viewer.isVisible()
    assert viewer.title == "Seoul air quality annual report (example)"
    assert "Page 2 of 3" in texts(page) and "As of 2026-11-30" in texts(page)


def test_resume_with_rankings_only_heads_the_date_line_with_them(
    make_window, monkeypatch, tmp_path
):
    resume = json.loads(default_file("resume.json"))
    resume["figures"] = []
    default_content_with(monkeypatch, tmp_path / "v0", {"resume.json": resume})
    shown = texts(show(make_window(), "resume")).split("\n")
    assert "세계 속의 서울" in shown and "숫자로 보는 서울" not in shown
    assert "예시 자료" in shown and "2026-11-30 기준" in shown
