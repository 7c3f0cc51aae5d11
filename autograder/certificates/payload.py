"""The certificate code: ``EA1.<payload>.<signature>``, both parts base64url without padding.

The payload is compact JSON (short keys, sorted) of exactly what the paper shows: ``i`` the
certificate id, ``k`` the key id, ``n`` the learner's name, ``p`` the programme (in the
learner's language), ``c`` cohort, ``v`` venue, ``d`` the date (ISO), ``l`` the language, and
``s`` the scores only when the programme shows them. The Ed25519 signature covers the text
``EA1.<payload>`` as it is written, so a verifier never re-encodes anything.

:func:`verify` makes the same checks, in the same order and with the same reasons, as
``etika/static/etika-verify.js`` on the site.
"""

from __future__ import annotations

import json
import re
from base64 import urlsafe_b64decode
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .keys import b64, key_id, raw_public

PREFIX = "EA1"
SIGNATURE_CHARS = 86  # 64 bytes in base64url without padding
CODE_RE = re.compile(r"EA1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
FIELDS = {"i", "k", "n", "p", "c", "v", "d", "l"}


def sign(private: Ed25519PrivateKey, fields: dict) -> str:
    body = {**fields, "k": key_id(raw_public(private))}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    signed = f"{PREFIX}.{b64(text.encode('utf-8'))}"
    return f"{signed}.{b64(private.sign(signed.encode('ascii')))}"


def _unb64(text: str) -> bytes:
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text) or len(text) % 4 == 1:
        raise ValueError("not base64url")
    return urlsafe_b64decode(text + "=" * (-len(text) % 4))


def clean(text: str) -> str:
    """What a person typed or a scanner read: spaces and line breaks dropped, the part after a
    ``#`` of a verify-page address taken."""
    text = "".join(text.split())
    return text.rsplit("#", 1)[-1] if "#" in text else text


@dataclass
class Result:
    status: str  # valid, empty, truncated, damaged, unknown_key, bad_signature, revoked, ...
    fields: dict = field(default_factory=dict)
    revocation: dict = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return self.status == "valid"


def verify(code: str, keys: list[dict], revocations: list[dict]) -> Result:
    code = clean(code)
    if not code:
        return Result("empty")
    parts = code.split(".")
    if parts[0] != PREFIX or len(parts) > 3 or len(parts) < 2 or not parts[1]:
        return Result("damaged")
    if len(parts) == 2 or len(parts[2]) < SIGNATURE_CHARS:
        # the signature is the end of the code: a short one is a code cut off
        return Result("truncated")
    try:
        fields = json.loads(_unb64(parts[1]).decode("utf-8"))
        signature = _unb64(parts[2])
    except (ValueError, UnicodeDecodeError):
        return Result("damaged")
    if not isinstance(fields, dict) or not fields.keys() >= FIELDS or len(signature) != 64:
        return Result("damaged")
    key = next((k for k in keys if k.get("key_id") == fields.get("k")), None)
    if key is None:
        return Result("unknown_key", fields)
    try:
        public = Ed25519PublicKey.from_public_bytes(_unb64(key["public_key"]))
        public.verify(signature, f"{parts[0]}.{parts[1]}".encode("ascii"))
    except (InvalidSignature, ValueError):
        return Result("bad_signature", fields)
    revoked = next((r for r in revocations if r.get("id") == fields.get("i")), None)
    if revoked is not None:
        return Result(revoked.get("status", "revoked"), fields, revoked)
    return Result("valid", fields)


def fields_of(code: str) -> dict:
    """The payload of a code this course signed (for drawing its own documents; no check)."""
    return json.loads(_unb64(code.split(".")[1]).decode("utf-8"))


def qr_text(code: str, verify_url: str) -> str:
    """What the QR code holds: the verify page's address with the code after ``#`` (a phone's
    camera opens it; the part after ``#`` never leaves the phone), or the code alone."""
    return f"{verify_url}#{code}" if verify_url else code


def printed(code: str, group: int = 8) -> list[str]:
    """The code in groups of ``group`` characters, six groups a line (spaces are ignored when
    it is typed back)."""
    groups = [code[i : i + group] for i in range(0, len(code), group)]
    return [" ".join(groups[i : i + 6]) for i in range(0, len(groups), 6)]
