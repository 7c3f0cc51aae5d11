"""What the site build publishes for the *Verify a certificate* page: the programme's public
keys and the revocation list, as one script (it loads from ``file://`` too, where a page cannot
fetch a JSON file)."""

from __future__ import annotations

import json
from pathlib import Path

SCRIPT_NAME = "etika-certificate-keys.js"


def keys_script(published: Path | None) -> str:
    keys, revocations = [], []
    if published is not None and (published / "public-keys.json").is_file():
        keys = json.loads((published / "public-keys.json").read_text(encoding="utf-8"))["keys"]
    if published is not None and (published / "revocations.json").is_file():
        text = (published / "revocations.json").read_text(encoding="utf-8")
        revocations = json.loads(text)["revocations"]
    data = {
        "keys": [{"key_id": k["key_id"], "public_key": k["public_key"]} for k in keys],
        "revocations": revocations,
    }
    # "<" escaped: a reason text cannot close the script
    body = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f"window.etikaCertificates = {body};\n"


def write(published: Path | None, static_dir: Path) -> Path:
    static_dir.mkdir(parents=True, exist_ok=True)
    target = static_dir / SCRIPT_NAME
    target.write_text(keys_script(published), encoding="utf-8")
    return target
