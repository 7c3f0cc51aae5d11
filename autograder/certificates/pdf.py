"""The printable certificate (A4 landscape) drawn with ReportLab.

The font is DejaVu Sans, which matplotlib (a course dependency) ships: it covers every Latin
name a roster holds, offline. The QR code is drawn as vector squares, crisp at any print size.
The code is also stored in the PDF's subject, so ``autograder verify FILE.pdf`` reads it back.
"""

from __future__ import annotations

from pathlib import Path

import segno
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from .payload import fields_of, printed, qr_text
from .programme import Programme
from .strings import TEXT, long_date

SUBJECT_PREFIX = "etika-certificate:"


def _fonts() -> tuple[str, str]:
    import matplotlib

    base = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    for name, file in (("DejaVu", "DejaVuSans.ttf"), ("DejaVu-Bold", "DejaVuSans-Bold.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(base / file)))
    return "DejaVu", "DejaVu-Bold"


def _qr(c: canvas.Canvas, text: str, x: float, y: float, size: float) -> None:
    qr = segno.make(text, error="m")
    rows = list(qr.matrix_iter(border=2))
    cell = size / len(rows)
    c.setFillColorRGB(1, 1, 1)
    c.rect(x, y, size, size, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(rows):
        for col, dark in enumerate(row):
            if dark:
                c.rect(x + col * cell, y + size - (r + 1) * cell, cell, cell, stroke=0, fill=1)


def certificate_pdf(code: str, programme: Programme, target: Path) -> None:
    f = fields_of(code)
    t = TEXT[f["l"]]
    regular, bold = _fonts()
    width, height = landscape(A4)
    c = canvas.Canvas(str(target), pagesize=(width, height), invariant=1)
    c.setTitle(f"{t['title']} — {f['i']}")
    c.setSubject(SUBJECT_PREFIX + code)
    c.setAuthor(programme.issuer[f["l"]])
    c.setStrokeColorRGB(0.0, 0.45, 0.7)
    c.setLineWidth(3)
    c.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    mid = width / 2
    c.setFillColorRGB(0.0, 0.3, 0.5)
    c.setFont(bold, 30)
    c.drawCentredString(mid, height - 42 * mm, t["title"])
    c.setFillColorRGB(0, 0, 0)
    c.setFont(regular, 14)
    c.drawCentredString(mid, height - 58 * mm, t["certifies"])
    c.setFont(bold, 26)
    c.drawCentredString(mid, height - 74 * mm, f["n"])
    c.setFont(regular, 14)
    c.drawCentredString(mid, height - 88 * mm, t["completed"])
    c.setFont(bold, 17)
    c.drawCentredString(mid, height - 99 * mm, f["p"])
    lines = [
        (t["cohort"], f["c"] or "—"),
        (t["venue"], f["v"] or "—"),
        (t["date"], long_date(f["d"], f["l"])),
        (t["id"], f["i"]),
        (t["issuer"], programme.issuer[f["l"]]),
    ]
    if "s" in f:
        lines.append((t["scores"], ", ".join(f"{a} {v}%" for a, v in f["s"].items())))
    y = height - 116 * mm
    for label, value in lines:
        c.setFont(regular, 11)
        c.drawRightString(mid - 40 * mm, y, label)
        c.setFont(bold, 11)
        c.drawString(mid - 36 * mm, y, value)
        y -= 6.5 * mm
    size = 48 * mm
    _qr(c, qr_text(code, programme.verify_url), width - 22 * mm - size, 20 * mm, size)
    c.setFont(regular, 8.5)
    text = c.beginText(22 * mm, 52 * mm)
    text.textLine(t["code"] + ":")
    text.setFont("Courier", 8.5)
    for line in printed(code):
        text.textLine(line)
    c.drawText(text)
    c.setFont(regular, 8.5)
    note = c.beginText(22 * mm, 20 * mm)
    for line in _wrap(t["verify"], 110):
        note.textLine(line)
    c.drawText(note)
    c.showPage()
    c.save()


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines
