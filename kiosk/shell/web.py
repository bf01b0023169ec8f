"""Web content in the kiosk (maps, city pages) that can never take a visitor elsewhere.

Use ``locked_web_view(parent)`` (or ``LockedWebPage`` on your own view) for every
QWebEngineView: the app's own loads (``load``, ``setUrl``, ``setHtml``) are allowed and set
what the page may show; a visitor's link, form, script redirect or history step to anything
else is refused. No new windows or tabs, no developer tools, no context menu, no dialogs,
no file pickers, no downloads, no permission prompts, no full screen."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWebEngineCore import (
    QWebEngineDownloadRequest,
    QWebEngineFullScreenRequest,
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

Attr = QWebEngineSettings.WebAttribute
LOCKED_SETTINGS = {
    Attr.JavascriptCanOpenWindows: False,
    Attr.JavascriptCanAccessClipboard: False,
    Attr.JavascriptCanPaste: False,
    Attr.AllowWindowActivationFromJavaScript: False,
    Attr.FullScreenSupportEnabled: False,
    Attr.NavigateOnDropEnabled: False,
    Attr.LocalContentCanAccessRemoteUrls: False,  # offline first: nothing from the network
    Attr.PluginsEnabled: False,
    Attr.PdfViewerEnabled: False,
    Attr.ScreenCaptureEnabled: False,
    Attr.HyperlinkAuditingEnabled: False,
    Attr.FocusOnNavigationEnabled: False,
}


def _document(url: QUrl) -> str:
    """The URL without its fragment: ``map.html#zoom`` is still ``map.html``."""
    return url.toString().split("#", 1)[0]


def _refuse_download(download: QWebEngineDownloadRequest) -> None:
    log.warning("refused a download in a kiosk web view: %s", download.url().toString())
    download.cancel()


def _locked_profile() -> QWebEngineProfile:
    """The default profile (off the record in Qt 6: nothing of a visitor stays on disk),
    with downloads refused."""
    profile = QWebEngineProfile.defaultProfile()
    if not profile.property("kiosk_locked"):
        profile.downloadRequested.connect(_refuse_download)
        profile.setProperty("kiosk_locked", True)
    return profile


class LockedWebPage(QWebEnginePage):
    """A page that shows only what the app loaded into it."""

    def __init__(self, parent: QWidget | None = None, allowed: Iterable[str] = ()):
        super().__init__(_locked_profile(), parent)
        self.allowed = {_document(QUrl(url)) for url in allowed}
        self.refused: list[str] = []  # URLs a visitor tried to reach (newest last)
        settings = self.settings()
        for attribute, value in LOCKED_SETTINGS.items():
            settings.setAttribute(attribute, value)
        self.permissionRequested.connect(lambda permission: permission.deny())
        self.fullScreenRequested.connect(self._refuse_full_screen)

    def acceptNavigationRequest(
        self, url: QUrl, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        document = _document(url)
        if kind == QWebEnginePage.NavigationType.NavigationTypeTyped:
            self.allowed.add(document)  # the app itself loaded it
            return True
        blank_frame = not is_main_frame and url.scheme() in ("about", "data")
        if document in self.allowed or blank_frame:
            return True
        self.refused.append(url.toString())
        log.warning("refused navigation (%s) to %s", kind.name, url.toString())
        return False

    def createWindow(self, kind: QWebEnginePage.WebWindowType) -> QWebEnginePage | None:
        self.refused.append(f"new window ({kind.name})")
        log.warning("refused to open a new %s from a kiosk web view", kind.name)
        return None

    def chooseFiles(self, mode, old_files, accepted_mime_types) -> list[str]:
        return []

    def javaScriptAlert(self, origin: QUrl, message: str) -> None:
        log.info("web page alert suppressed: %s", message)

    def javaScriptConfirm(self, origin: QUrl, message: str) -> bool:
        log.info("web page confirm suppressed: %s", message)
        return False

    def javaScriptPrompt(self, origin: QUrl, message: str, default: str) -> tuple[bool, str]:
        log.info("web page prompt suppressed: %s", message)
        return False, ""

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:
        log.debug("web console %s:%d: %s", source, line, message)

    @staticmethod
    def _refuse_full_screen(request: QWebEngineFullScreenRequest) -> None:
        request.reject()


def locked_web_view(parent: QWidget | None = None, allowed: Iterable[str] = ()) -> QWebEngineView:
    """A QWebEngineView on a LockedWebPage, with no context menu."""
    view = QWebEngineView(parent)
    view.setPage(LockedWebPage(view, allowed))
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    view.setAcceptDrops(False)
    return view
