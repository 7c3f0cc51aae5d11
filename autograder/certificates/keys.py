"""The programme's Ed25519 key pair.

The private key lives in the course's state folder (``.autograder/``, mode 0700) as a PKCS#8
PEM file of mode 0600: readable by the grader only, never copied out of the course folder (the
course's ``.gitignore`` keeps ``.autograder/`` out of git). The public keys are published with the
site in ``certificates/published/public-keys.json``; a key that is replaced stays listed, so
certificates signed with it still verify.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from base64 import urlsafe_b64encode
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ..course import Course
from ..errors import UserError

PRIVATE_NAME = "certificate-key.pem"


def published_dir(course: Course) -> Path:
    """What the site build publishes: public keys and the revocation list (nothing personal)."""
    return course.root / "certificates" / "published"


def private_path(course: Course) -> Path:
    return course.state / PRIVATE_NAME


def public_path(course: Course) -> Path:
    return published_dir(course) / "public-keys.json"


def b64(data: bytes) -> str:
    return urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def raw_public(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def key_id(raw: bytes) -> str:
    """Names the key in a code, so a verifier knows which published key to check against."""
    return hashlib.sha256(raw).hexdigest()[:16]


def write_private(path: Path, private: Ed25519PrivateKey) -> None:
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    # created 0600 in one step: never readable by others, not even for a moment
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)


def init(course: Course, programme_id: str) -> tuple[Path, str]:
    """Make the key pair; refuses to replace a key (certificates signed with it would be lost)."""
    path = private_path(course)
    if path.exists():
        raise UserError(
            f"the programme already has a signing key: {path}",
            "keep it (certificates signed with it verify only against it); to start over, move "
            "that file out of the course folder yourself, knowingly",
        )
    private = Ed25519PrivateKey.generate()
    write_private(path, private)
    raw = raw_public(private)
    keys = public_keys(course)
    keys.append({"key_id": key_id(raw), "programme": programme_id, "public_key": b64(raw)})
    pub = public_path(course)
    pub.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(pub, json.dumps({"keys": keys}, indent=2) + "\n", mode=0o644)
    return path, key_id(raw)


def atomic_write(path: Path, text: str, mode: int = 0o600) -> None:
    """Write all or nothing: a crash leaves the old file, never half a register."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, mode)
    tmp.replace(path)


def load_private(course: Course) -> Ed25519PrivateKey:
    path = private_path(course)
    if not path.is_file():
        raise UserError(
            f"no signing key: {path} is missing", "run: autograder keys init (once per programme)"
        )
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise UserError(
            f"the signing key {path} can be read by other users (mode {mode:o})",
            f"run: chmod 600 {path} — and, if others may have copied it, make a new programme key",
        )
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except ValueError as exc:
        raise UserError(
            f"{path} is not a readable private key ({exc})", "restore it from your backup"
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise UserError(f"{path} is not an Ed25519 key", "restore it from your backup")
    return key


def public_keys(course: Course) -> list[dict]:
    path = public_path(course)
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        keys = data["keys"]
        assert isinstance(keys, list) and all(
            isinstance(k, dict) and {"key_id", "public_key"} <= k.keys() for k in keys
        )
    except (ValueError, KeyError, AssertionError) as exc:
        raise UserError(
            f"{path} is not a list of public keys",
            "restore it from git or your backup (autograder keys init wrote it)",
        ) from exc
    return keys
