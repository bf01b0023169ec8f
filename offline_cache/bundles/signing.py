"""Ed25519 keys and signed JSON documents (bundle manifests and channel indexes).

A signed document is ``{"signed": {...}, "key_id": "...", "signature": "<base64>"}``; the
signature covers the canonical JSON of ``signed`` (sorted keys, no spaces, ASCII), so a kiosk
verifies exactly the object it then uses. Public keys travel as ``ed25519:<base64>`` text,
short enough to paste into the kiosk config; private keys are PKCS#8 PEM files that stay with
staff and never reach a kiosk."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PUBLIC_PREFIX = "ed25519:"


class SignatureError(ValueError):
    """A document is unsigned, signed by an unknown key, or its signature does not match."""


class KeyFileError(ValueError):
    """A key file or key text cannot be used; the message says which and why."""


@dataclass(frozen=True)
class PublicKey:
    """A trusted staff key, identified by a short fingerprint."""

    key: Ed25519PublicKey
    raw: bytes

    @property
    def key_id(self) -> str:
        return key_id(self.raw)

    @property
    def text(self) -> str:
        return PUBLIC_PREFIX + base64.b64encode(self.raw).decode("ascii")


def key_id(raw_public: bytes) -> str:
    """The first 16 hex digits of the public key's SHA-256: names a key in messages and files."""
    return hashlib.sha256(raw_public).hexdigest()[:16]


def canonical_json(value: Any) -> bytes:
    """The exact bytes a signature covers."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def generate_keypair(out_dir: Path, name: str = "bundle-signing") -> tuple[Path, Path]:
    """Write a new private key (mode 0600, never overwritten) and its public key text file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    private_path = out_dir / f"{name}.key"
    public_path = out_dir / f"{name}.pub"
    for path in (private_path, public_path):
        if path.exists():
            raise KeyFileError(f"{path} already exists; refusing to overwrite a key")
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    public_path.write_text(public_of(private).text + "\n", encoding="ascii")
    return private_path, public_path


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise KeyFileError(f"cannot read the private key {path}: {exc.strerror}") from exc
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise KeyFileError(f"{path} is not an unencrypted PEM private key: {exc}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{path} is not an Ed25519 key (made by `bundle keygen`)")
    return key


def public_of(private: Ed25519PrivateKey) -> PublicKey:
    public = private.public_key()
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return PublicKey(public, raw)


def parse_public_key(text: str) -> PublicKey:
    """``ed25519:<base64>`` (as in the config and .pub files) to a key."""
    text = text.strip()
    if not text.startswith(PUBLIC_PREFIX):
        raise KeyFileError(f"a public key looks like 'ed25519:<base64>', not {text[:40]!r}")
    try:
        raw = base64.b64decode(text[len(PUBLIC_PREFIX) :], validate=True)
        return PublicKey(Ed25519PublicKey.from_public_bytes(raw), raw)
    except (binascii.Error, ValueError) as exc:
        raise KeyFileError(f"not a valid Ed25519 public key: {text[:60]!r} ({exc})") from exc


def load_public_key(value: str) -> PublicKey:
    """A public key given as text or as the path of a .pub file."""
    if value.strip().startswith(PUBLIC_PREFIX):
        return parse_public_key(value)
    try:
        return parse_public_key(Path(value).read_text(encoding="ascii"))
    except OSError as exc:
        raise KeyFileError(f"cannot read the public key {value}: {exc.strerror}") from exc
    except UnicodeDecodeError:
        raise KeyFileError(f"{value} is not a public key file (made by `bundle keygen`)") from None


def sign_document(signed: Mapping[str, Any], private: Ed25519PrivateKey) -> dict[str, Any]:
    signature = private.sign(canonical_json(signed))
    return {
        "signed": dict(signed),
        "key_id": public_of(private).key_id,
        "signature": base64.b64encode(signature).decode("ascii"),
    }


def verify_document(document: Any, keys: Iterable[PublicKey], what: str) -> tuple[dict, str]:
    """The signed object and the id of the key that signed it; ``SignatureError`` otherwise."""
    if not isinstance(document, dict) or not isinstance(document.get("signed"), dict):
        raise SignatureError(f"{what} is not a signed document")
    trusted = {key.key_id: key for key in keys}
    if not trusted:
        raise SignatureError(f"no trusted public keys to check the {what} with")
    claimed = document.get("key_id")
    key = trusted.get(claimed) if isinstance(claimed, str) else None
    if key is None:
        raise SignatureError(
            f"{what} is signed by an unknown key {claimed!r}; this kiosk trusts"
            f" {', '.join(sorted(trusted))}"
        )
    try:
        signature = base64.b64decode(str(document.get("signature", "")), validate=True)
        key.key.verify(signature, canonical_json(document["signed"]))
    except (binascii.Error, InvalidSignature):
        raise SignatureError(
            f"bad signature on the {what}: it was changed after signing or not signed by"
            f" key {claimed}"
        ) from None
    return document["signed"], key.key_id
