"""The *Verify a certificate* form of the static site (``book/verify.md``).

The form is plain HTML in the page's language; ``etika/static/etika-verify.js`` checks a code
in the browser with WebCrypto's Ed25519 against the keys and revocations the build publishes
in ``_static/etika-certificate-keys.js`` (``autograder.certificates.publish``). Nothing is sent
anywhere: the page makes no request when a code is checked.
"""

from __future__ import annotations

import html
import json

from etika.certificate_strings import STRINGS

#: Messages the script shows after a check; the form's own words are written into the HTML.
SCRIPT_KEYS = [k for k in STRINGS if k.split(".")[1] not in {"label", "help", "button"}]


def verify_html(lang: str) -> str:
    words = {k.split(".", 1)[1]: v[lang] for k, v in STRINGS.items()}
    e = html.escape
    messages = json.dumps(
        {k.split(".", 1)[1]: STRINGS[k][lang] for k in SCRIPT_KEYS}, ensure_ascii=False
    ).replace("<", "\\u003c")
    return (
        f'<form class="etika-verify" data-lang="{lang}" novalidate>'
        f'<label for="etika-verify-code">{e(words["label"])}</label>'
        f'<p id="etika-verify-help" class="etika-verify-help">{e(words["help"])}</p>'
        '<textarea id="etika-verify-code" name="code" rows="5" autocomplete="off" '
        'autocapitalize="off" spellcheck="false" aria-describedby="etika-verify-help">'
        "</textarea>"
        f'<button type="submit">{e(words["button"])}</button>'
        '<div class="etika-verify-result" role="status" aria-live="polite"></div>'
        f'<script type="application/json" class="etika-verify-words">{messages}</script>'
        "</form>"
    )
