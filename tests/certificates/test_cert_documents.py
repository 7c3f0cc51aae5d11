"""The certificate PDF renders, in each learner's language, with the name and the code."""

from __future__ import annotations

import certlib
import numpy as np
import pytest


@pytest.mark.parametrize(
    ("sid", "title", "name", "date"),
    [
        ("S1", "Sertifikat penyelesaian", "Siti Rahmawati", "Desember"),
        ("S2", "Certificate of completion", "Budi Santoso", "December"),
    ],
)
def test_the_pdf_renders_in_the_learners_language(cert_course, tmp_path, sid, title, name, date):
    import pypdfium2

    rc, out, err = certlib.cli("--course", cert_course, "certify")
    assert rc == 0, out + err
    row = next(r for r in certlib.register_rows(cert_course) if r["student_id"] == sid)
    pdf = cert_course / "certificates" / "issued" / sid / f"{row['certificate_id']}.pdf"
    doc = pypdfium2.PdfDocument(pdf)
    assert len(doc) == 1
    page = doc[0]
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    textpage.close()
    assert title in text and name in text and row["certificate_id"] in text
    if row["issued"].endswith("-12-02"):  # the month name is in the learner's language
        assert date in text
    assert "example.org" not in text
    image = page.render(scale=1).to_pil().convert("L")
    assert image.size[0] > image.size[1]  # A4 landscape
    # the QR code's corner (bottom right) is drawn: dark modules on white paper
    w, h = image.size
    corner = image.crop((int(w * 0.75), int(h * 0.6), w - 20, h - 20))
    dark = float((np.asarray(corner) < 100).mean())
    assert 0.2 < dark < 0.8
    image.save(tmp_path / f"{sid}.png")
    page.close()
    doc.close()
