"""Write the example PDFs and images of the public staff content (library, city projects).

Run once by a developer (the files are committed): ``.venv/bin/python
packaging/make_example_content.py``. Like the example approvals, every PDF page carries a
"예시 문서 / SAMPLE" banner and every image says "예시 이미지 / SAMPLE IMAGE": invented
documents that show the pages working, never real reports."""

from __future__ import annotations

import json
import sys

from make_example_approvals import CONTENT, start_qt, write_example_pdf

BANNER = "예시 문서 — 실제 보고서가 아닙니다 · SAMPLE DOCUMENT — NOT A REAL REPORT"
IMAGE_SIZE = (960, 540)


def write_example_image(relative: str, title: str, colour: str) -> None:
    """A 16:9 PNG: a coloured panel with the project's name under a SAMPLE line."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    width, height = IMAGE_SIZE
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    painter = QPainter(image)
    painter.setPen(QColor("#FFFFFF"))
    painter.setFont(QFont("Noto Sans CJK KR", 30, QFont.Weight.Bold))
    painter.drawText(
        QRect(40, 60, width - 80, 90), Qt.AlignmentFlag.AlignCenter, "예시 이미지 · SAMPLE IMAGE"
    )
    painter.setFont(QFont("Noto Sans CJK KR", 40, QFont.Weight.Bold))
    painter.drawText(
        QRect(40, 180, width - 80, height - 240),
        Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
        title,
    )
    painter.end()
    image.save(str(CONTENT / relative))
    print("wrote", relative)


def main() -> int:
    start_qt()
    library = json.loads((CONTENT / "library/index.json").read_text(encoding="utf-8"))
    for document in library["documents"]:
        write_example_pdf(
            CONTENT / document["file"],
            document["title"]["ko"],
            f"{document['publisher']['ko']} · 발행 {document['published']} · 예시",
            BANNER,
            document["example_pages"],
        )
    projects = json.loads((CONTENT / "projects.json").read_text(encoding="utf-8"))
    colours = iter(("#0B5FAE", "#047857", "#B45309", "#6D28D9"))
    for project in projects["projects"]:
        for document in project.get("documents", []):
            write_example_pdf(
                CONTENT / document["file"],
                f"{project['title']['ko']}: {document['title']['ko']}",
                f"{project['department']['ko']} · 예시",
                BANNER,
                document["example_pages"],
            )
        for image in project.get("images", []):
            write_example_image(image["file"], project["title"]["ko"], next(colours))
    return 0


if __name__ == "__main__":
    sys.exit(main())
