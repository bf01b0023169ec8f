"""Enrolled faces at rest: only 128-d embeddings, encrypted with a key file only root can read.

``<data dir>/private/enrolment.bin`` is a Fernet token (AES-128-CBC + HMAC-SHA256) of
``{"version": 1, "people": {name: [[128 floats], ...]}}``; the key is ``enrolment.key`` (0600)
beside it. No image and no face crop is ever written."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import numpy as np
from cryptography.fernet import Fernet, InvalidToken

PRIVATE_DIR = "private"
STORE_FILE = "enrolment.bin"
KEY_FILE = "enrolment.key"
FORMAT_VERSION = 1


class EnrolmentError(RuntimeError):
    """The enrolment cannot be read or written; the message says why and what to do."""


def private_dir(data_dir: Path) -> Path:
    """The kiosk's private directory (0700), created when missing."""
    path = Path(data_dir) / PRIVATE_DIR
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def write_private(path: Path, data: bytes) -> None:
    """Write a file readable only by the kiosk user, atomically (old or new, never half)."""
    temporary = path.with_name(f".{path.name}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


class EnrolmentStore:
    """The enrolled people of one kiosk (one data directory)."""

    def __init__(self, data_dir: Path):
        self.directory = private_dir(data_dir)
        self.path = self.directory / STORE_FILE
        self.key_path = self.directory / KEY_FILE

    def load(self) -> dict[str, list[np.ndarray]]:
        """Every enrolled name with its embeddings (empty when nobody is enrolled)."""
        if not self.path.exists():
            return {}
        try:
            plain = Fernet(self._key(create=False)).decrypt(self.path.read_bytes())
            people = json.loads(plain)["people"]
            return {
                str(name): [np.asarray(e, dtype=np.float64) for e in embeddings]
                for name, embeddings in people.items()
            }
        except InvalidToken:
            raise EnrolmentError(
                f"{self.path} cannot be decrypted with {self.key_path} (wrong key or damaged"
                " file); nothing was changed. Remove both files and enrol again."
            ) from None
        except (ValueError, KeyError, TypeError) as exc:
            raise EnrolmentError(f"{self.path} is damaged ({exc}); nothing was changed") from None

    def names(self) -> list[str]:
        return sorted(self.load())

    def add(self, name: str, embeddings: list[np.ndarray]) -> None:
        """Enrol ``name`` with these embeddings (replacing any earlier enrolment of that name)."""
        if not name.strip():
            raise EnrolmentError("the name must not be empty")
        people = self.load()
        people[name] = list(embeddings)
        self._save(people)

    def remove(self, name: str) -> bool:
        """Forget ``name``; False when it was not enrolled."""
        people = self.load()
        if name not in people:
            return False
        del people[name]
        self._save(people)
        return True

    def _save(self, people: dict[str, list[np.ndarray]]) -> None:
        document = {
            "version": FORMAT_VERSION,
            "people": {
                name: [e.tolist() for e in embeddings] for name, embeddings in people.items()
            },
        }
        token = Fernet(self._key(create=True)).encrypt(json.dumps(document).encode())
        write_private(self.path, token)

    def _key(self, create: bool) -> bytes:
        if not self.key_path.exists():
            if not create:
                raise EnrolmentError(
                    f"{self.path} exists but its key {self.key_path} is missing; the enrolment"
                    " cannot be read. Remove the file and enrol again."
                )
            write_private(self.key_path, Fernet.generate_key())
        mode = stat.S_IMODE(self.key_path.stat().st_mode)
        if mode & 0o077:
            raise EnrolmentError(
                f"{self.key_path} is readable by other users (mode {mode:o}); refusing to use it."
                f" Fix with: chmod 600 {self.key_path}"
            )
        return self.key_path.read_bytes().strip()
