"""Test helpers for content bundles: staff keys, kiosk configs, content sources, hostile zips."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from kiosk.config import KioskConfig, load_config
from offline_cache.bundles.archive import write_bundle
from offline_cache.bundles.manifest import manifest_for, source_files
from offline_cache.bundles.signing import generate_keypair, load_private_key, sign_document
from tests.conftest import SEOUL_SAMPLES

ROOT = Path(__file__).resolve().parents[1]
AIR_SAMPLE = SEOUL_SAMPLES / "RealtimeCityAir.current_schema.RECONSTRUCTED.json"
SAMPLE_NOTICE = "sample-how-notices-arrive"  # the default content's (version 0) notice


class StaffKey:
    """A key pair made by the real keygen code."""

    def __init__(self, directory: Path, name: str = "bundle-signing"):
        self.private_path, public_path = generate_keypair(directory, name)
        self.private = load_private_key(self.private_path)
        self.public_text = public_path.read_text(encoding="ascii").strip()


def write_config(
    path: Path,
    keys: list[StaffKey],
    *,
    origins: tuple[str, ...] = (),
    interval_s: float = 300,
    extra: str = "",
    data_dir: Path | None = None,
) -> Path:
    lines = []
    if data_dir is not None:
        lines.append(f'data_dir = "{data_dir}"')
    lines.append(extra)
    lines.append("[bundles]")
    lines.append("public_keys = [" + ", ".join(f'"{k.public_text}"' for k in keys) + "]")
    lines.append("origins = [" + ", ".join(f'"{o}"' for o in origins) + "]")
    lines.append(f"poll_interval_s = {interval_s}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def kiosk_config(path: Path, **overrides) -> KioskConfig:
    return load_config(path, **overrides)


def air_response(pm10: float) -> str:
    """A real-format RealtimeCityAir response whose 중구 reading is ``pm10``."""
    body = json.loads(AIR_SAMPLE.read_text(encoding="utf-8"))
    body["RealtimeCityAir"]["row"][0]["PM"] = pm10
    return json.dumps(body, ensure_ascii=False)


def make_source(
    directory: Path,
    label: str,
    *,
    pm10: float | None = None,
    files: dict[str, bytes | str] | None = None,
) -> Path:
    """A staff content directory: a notices file naming ``label``, optionally air data."""
    directory.mkdir(parents=True, exist_ok=True)
    notice = {
        "notices": [
            {
                "id": label,
                "title": {"ko": f"공지 {label}", "en": f"Notice {label}"},
                "body": {"ko": "본문", "en": "Body"},
            }
        ]
    }
    (directory / "notices.json").write_text(json.dumps(notice, ensure_ascii=False), "utf-8")
    if pm10 is not None:
        (directory / "datasets").mkdir(exist_ok=True)
        (directory / "datasets" / "RealtimeCityAir.json").write_text(air_response(pm10), "utf-8")
    for relative, data in (files or {}).items():
        target = directory / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode() if isinstance(data, str) else data)
    return directory


def build(src: Path, key: StaffKey, version: int, out: Path, **options) -> Path:
    """Build a bundle with the same code as `bundle build`."""
    files = source_files(src)
    manifest = manifest_for(files, version, **options)
    write_bundle(out, sign_document(manifest.to_signed(), key.private), files)
    return out


def craft_bundle(
    out: Path,
    key: StaffKey,
    entries: dict[str, bytes],
    *,
    manifest_files: dict[str, dict] | None = None,
    version: int = 1,
    symlinks: tuple[str, ...] = (),
) -> Path:
    """A hand-made zip whose manifest is properly signed but whose entries may be hostile."""
    import hashlib

    files = manifest_files
    if files is None:
        files = {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in entries.items()
        }
    signed = {
        "format": "seoul-kiosk-bundle",
        "schema_version": 1,
        "version": version,
        "created_at": "2026-11-22T10:00:00+09:00",
        "targets": {"roles": [], "stations": []},
        "full": False,
        "sample": False,
        "description": "crafted",
        "files": files,
    }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(sign_document(signed, key.private)))
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)
            if name in symlinks:
                info.external_attr = 0o120777 << 16
            archive.writestr(info, data)
    return out


def cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:
    """``main.py`` in a real process (the environment carries KIOSK_DATA_DIR / KIOSK_CONFIG)."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def status(env: dict[str, str] | None = None) -> dict:
    done = cli("bundle", "status", "--json", env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
