"""Write the example approval documents (PDF) shipped as default private content.

Run once by a developer (the PDFs are committed): ``.venv/bin/python
packaging/make_example_approvals.py``. Every page carries a "예시 문서 / SAMPLE" banner: these
are invented documents that show the 결재문서 page working, never real approvals.
``write_example_pdf`` also writes the public example documents (make_example_content.py)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

CONTENT = Path(__file__).resolve().parents[1] / "offline_cache/default_content"
TARGET = CONTENT / "private/approvals"
APPROVAL_BANNER = "예시 문서 — 실제 결재문서가 아닙니다 · SAMPLE DOCUMENT — NOT A REAL APPROVAL"


def page(
    banner: str,
    title: str,
    byline: str,
    paragraphs: list[str],
    rows: list[tuple],
    first: bool,
) -> str:
    table = "".join(
        "<tr>" + "".join(f"<td style='padding:6px'>{cell}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    body = "".join(f"<p style='font-size:12pt;line-height:150%'>{p}</p>" for p in paragraphs)
    return (
        '<p style="background:#6D28D9;color:white;padding:8px;font-size:13pt;'
        f'{"" if first else "page-break-before:always"}">{banner}</p>'
        f"<h1 style='font-size:20pt'>{title}</h1>"
        f"<p style='font-size:11pt;color:#4B5563'>{byline}</p>"
        f"{body}<table border='1' cellspacing='0' width='100%'>{table}</table>"
    )


def write_example_pdf(
    target: Path, title: str, byline: str, banner: str, sections: list[dict]
) -> None:
    """An A4 PDF, one page per section (``paragraphs`` and a ``table``), each under ``banner``."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(target))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
        )
    )
    writer.setTitle("[예시] " + title)
    html = "".join(
        page(
            banner,
            title,
            byline,
            section["paragraphs"],
            [tuple(row) for row in section["table"]],
            first=number == 0,
        )
        for number, section in enumerate(sections)
    )
    text = QTextDocument()
    text.setDefaultFont(QFont("Noto Sans CJK KR", 11))
    text.setHtml(html)
    text.print_(writer)
    print("wrote", target.relative_to(CONTENT))


def start_qt() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    QApplication(sys.argv[:1])


def main() -> int:
    start_qt()
    index = json.loads((TARGET / "index.json").read_text(encoding="utf-8"))
    for document in index["documents"]:
        write_example_pdf(
            CONTENT / document["file"],
            document["title"]["ko"],
            f"{document['department']['ko']} · 기안일 {document['submitted']} · 예시",
            APPROVAL_BANNER,
            document["example_pages"],
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
