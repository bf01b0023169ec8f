"""Write the example approval documents (PDF) shipped as default private content.

Run once by a developer (the PDFs are committed): ``.venv/bin/python
packaging/make_example_approvals.py``. Every page carries a "예시 문서 / SAMPLE" banner: these
are invented documents that show the 결재문서 page working, never real approvals."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "offline_cache/default_content/private/approvals"
BANNER = (
    '<p style="background:#6D28D9;color:white;padding:8px;font-size:13pt;{break_}">'
    "예시 문서 — 실제 결재문서가 아닙니다 · SAMPLE DOCUMENT — NOT A REAL APPROVAL</p>"
)


def page(
    title: str, department: str, date: str, paragraphs: list[str], rows: list[tuple], first: bool
) -> str:
    table = "".join(
        "<tr>" + "".join(f"<td style='padding:6px'>{cell}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    body = "".join(f"<p style='font-size:12pt;line-height:150%'>{p}</p>" for p in paragraphs)
    return (
        BANNER.format(break_="" if first else "page-break-before:always")
        + f"<h1 style='font-size:20pt'>{title}</h1>"
        f"<p style='font-size:11pt;color:#4B5563'>{department} · 기안일 {date} · 예시</p>"
        f"{body}<table border='1' cellspacing='0' width='100%'>{table}</table>"
    )


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
    from PySide6.QtWidgets import QApplication

    QApplication(sys.argv[:1])
    index = json.loads((TARGET / "index.json").read_text(encoding="utf-8"))
    for document in index["documents"]:
        writer = QPdfWriter(str(TARGET.parents[1] / document["file"]))
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(18, 18, 18, 18),
            )
        )
        writer.setTitle("[예시] " + document["title"]["ko"])
        html = "".join(
            page(
                document["title"]["ko"],
                document["department"]["ko"],
                document["submitted"],
                section["paragraphs"],
                [tuple(row) for row in section["table"]],
                first=number == 0,
            )
            for number, section in enumerate(document["example_pages"])
        )
        text = QTextDocument()
        text.setDefaultFont(QFont("Noto Sans CJK KR", 11))
        text.setHtml(html)
        text.print_(writer)
        print("wrote", document["file"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
