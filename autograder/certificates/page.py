"""The certificate as one self-contained HTML page in the learner's language (the QR code
inline as SVG; prints on one A4 landscape page)."""

from __future__ import annotations

import html

import segno

from .payload import fields_of, printed, qr_text
from .programme import Programme
from .strings import TEXT, long_date

CSS = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; color: #111; background: #fff;
       margin: 0; padding: 1rem; }
main { max-width: 60rem; margin: auto; border: 3px solid #0072b2; padding: 1.5rem;
       text-align: center; }
h1 { color: #004c80; font-size: 2rem; margin: .5rem 0 1rem; }
.name { font-size: 1.8rem; font-weight: bold; margin: .3rem 0; overflow-wrap: anywhere; }
.programme { font-size: 1.2rem; font-weight: bold; }
dl { display: grid; grid-template-columns: auto 1fr; gap: .2rem 1rem; text-align: left;
     max-width: 32rem; margin: 1rem auto; }
dt { text-align: right; } dd { margin: 0; font-weight: bold; overflow-wrap: anywhere; }
.check { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: center;
         text-align: left; margin-top: 1rem; }
.check svg { width: 11rem; height: 11rem; }
code { font-size: .8rem; display: block; word-break: break-all; }
"""


def certificate_html(code: str, programme: Programme) -> str:
    f = fields_of(code)
    lang = f["l"]
    t = TEXT[lang]
    e = html.escape
    rows = [
        (t["cohort"], f["c"] or "—"),
        (t["venue"], f["v"] or "—"),
        (t["date"], long_date(f["d"], lang)),
        (t["id"], f["i"]),
        (t["issuer"], programme.issuer[lang]),
    ]
    if "s" in f:
        rows.append((t["scores"], ", ".join(f"{a} {v}%" for a, v in f["s"].items())))
    dl = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in rows)
    qr = segno.make(qr_text(code, programme.verify_url), error="m").svg_inline(
        scale=4, border=2, title=t["code"]
    )
    lines = "<br>".join(e(line) for line in printed(code))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="etika-certificate" content="{e(code)}">'
        f"<title>{e(t['title'])} — {e(f['i'])}</title><style>{CSS}</style></head><body><main>"
        f"<h1>{e(t['title'])}</h1><p>{e(t['certifies'])}</p>"
        f'<p class="name">{e(f["n"])}</p><p>{e(t["completed"])}</p>'
        f'<p class="programme">{e(f["p"])}</p><dl>{dl}</dl>'
        f'<div class="check">{qr}<div><p>{e(t["verify"])}</p>'
        f"<p>{e(t['code'])}:</p><code>{lines}</code></div></div></main></body></html>\n"
    )
