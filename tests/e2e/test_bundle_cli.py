"""`main.py bundle ...` as staff type it: every command, its exit code and its message."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from tests.bundle_kit import StaffKey, cli, craft_bundle, write_config

pytestmark = pytest.mark.slow


@pytest.fixture
def staff(tmp_path, data_dir):
    """Keys from `bundle keygen`, a kiosk config trusting them, a content directory."""
    done = cli("bundle", "keygen", "--out", str(tmp_path / "keys"))
    assert done.returncode == 0, done.stderr
    line = next(li for li in done.stdout.splitlines() if "public_keys = " in li)
    Path(os.environ["KIOSK_CONFIG"]).write_text(f"[bundles]\n{line.strip()}\n", "utf-8")
    src = tmp_path / "content"
    (src / "docs").mkdir(parents=True)
    (src / "notices.json").write_text('{"notices": [{"id": "a", "title": "공지"}]}', "utf-8")
    (src / "docs" / "보고서.pdf").write_bytes(b"%PDF-1.4 sample")
    return tmp_path / "keys" / "bundle-signing.key", tmp_path / "keys" / "bundle-signing.pub", src


def build(src, key, version, out, *extra):
    return cli(
        "bundle",
        "build",
        str(src),
        "--key",
        str(key),
        "--version",
        str(version),
        "--out",
        str(out),
        *extra,
    )


def test_keygen_writes_a_private_key_only_staff_can_read_and_never_overwrites(staff):
    key, pub, _ = staff
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    assert pub.read_text().startswith("ed25519:")
    again = cli("bundle", "keygen", "--out", str(key.parent))
    assert again.returncode == 2 and "refusing to overwrite a key" in again.stderr


def test_build_verify_apply_status_rollback(staff, tmp_path, data_dir):
    key, pub, src = staff
    done = build(src, key, 1, tmp_path / "v1.zip", "--description", "첫 공지")
    assert done.returncode == 0 and "version 1, 2 files" in done.stdout
    verified = cli("bundle", "verify", str(tmp_path / "v1.zip"), "--pubkey", str(pub))
    assert verified.returncode == 0 and "all matching their SHA-256" in verified.stdout
    applied = cli("bundle", "apply", str(tmp_path / "v1.zip"), "--data-dir", str(data_dir))
    assert applied.returncode == 0 and "applied content version 1 (was 0)" in applied.stdout
    status = json.loads(cli("bundle", "status", "--json").stdout)
    assert (status["version"], status["previous"], status["highest"]) == (1, 0, 1)
    assert status["description"] == "첫 공지" and status["installed_versions"] == [1]
    text = cli("bundle", "status").stdout
    assert "content: bundle version 1" in text and "rollback: to version 0" in text
    again = cli("bundle", "apply", str(tmp_path / "v1.zip"))
    assert again.returncode == 1 and "not newer than version 1" in again.stderr
    assert "content is unchanged" in again.stderr
    back = cli("bundle", "rollback")
    assert back.returncode == 0 and "rolled back from content version 1 to 0" in back.stdout
    nothing = cli("bundle", "rollback")
    assert nothing.returncode == 1 and "no earlier content version is kept" in nothing.stderr


def test_an_empty_directory_builds_a_valid_bundle(staff, tmp_path):
    key, pub, _ = staff
    empty = tmp_path / "empty"
    empty.mkdir()
    assert build(empty, key, 5, tmp_path / "e.zip").returncode == 0
    assert cli("bundle", "verify", str(tmp_path / "e.zip")).returncode == 0  # the config's key
    done = cli("bundle", "apply", str(tmp_path / "e.zip"))
    assert done.returncode == 0 and "0 files from the bundle" in done.stdout


@pytest.mark.parametrize(
    "damage,reason",
    [
        ("truncate", "not a bundle, or it is truncated"),
        ("tamper", "does not match its SHA-256"),
        ("stranger", "signed by an unknown key"),
        ("missing", "cannot read"),
    ],
)
def test_verify_exits_non_zero_with_the_reason(staff, tmp_path, damage, reason):
    key, pub, src = staff
    bundle = tmp_path / "v1.zip"
    assert build(src, key, 1, bundle).returncode == 0
    if damage == "truncate":
        bundle.write_bytes(bundle.read_bytes()[:-100])
    elif damage == "tamper":
        tampered = tmp_path / "t.zip"
        with zipfile.ZipFile(bundle) as old, zipfile.ZipFile(tampered, "w") as new:
            for info in old.infolist():
                data = old.read(info)
                new.writestr(
                    info,
                    data.replace(b"sample", b"SAMPLE") if info.filename.endswith(".pdf") else data,
                )
        bundle = tampered
    elif damage == "stranger":
        assert cli("bundle", "keygen", "--out", str(tmp_path / "other")).returncode == 0
        assert build(src, tmp_path / "other" / "bundle-signing.key", 1, bundle).returncode == 0
    else:
        bundle = tmp_path / "nowhere.zip"
    done = cli("bundle", "verify", str(bundle), "--pubkey", str(pub))
    assert done.returncode == 1 and reason in done.stderr


def test_build_refuses_links_and_broken_datasets(staff, tmp_path):
    key, _, src = staff
    (src / "link.pdf").symlink_to(src / "docs" / "보고서.pdf")
    done = build(src, key, 1, tmp_path / "v.zip")
    assert done.returncode == 1 and "links are not allowed" in done.stderr
    (src / "link.pdf").unlink()
    (src / "datasets").mkdir()
    (src / "datasets" / "RealtimeCityAir.json").write_text(
        '{"RESULT": {"CODE": "INFO-200", "MESSAGE": "해당하는 데이터가 없습니다."}}'
    )
    done = build(src, key, 1, tmp_path / "v.zip")
    assert done.returncode == 1 and "datasets/RealtimeCityAir.json" in done.stderr
    assert not (tmp_path / "v.zip").exists()


def test_apply_without_trusted_keys_says_how_to_fix_it(staff, tmp_path):
    key, _, src = staff
    assert build(src, key, 1, tmp_path / "v1.zip").returncode == 0
    Path(os.environ["KIOSK_CONFIG"]).write_text("", "utf-8")
    done = cli("bundle", "apply", str(tmp_path / "v1.zip"))
    assert done.returncode == 2 and "set [bundles] public_keys" in done.stderr


def test_publish_writes_bundles_and_a_signed_index(staff, tmp_path):
    key, _, src = staff
    www = tmp_path / "www"
    for version in (1, 2):
        assert build(src, key, version, tmp_path / f"v{version}.zip").returncode == 0
        done = cli(
            "bundle",
            "publish",
            str(tmp_path / f"v{version}.zip"),
            "--to",
            str(www),
            "--key",
            str(key),
        )
        assert done.returncode == 0, done.stderr
    index = json.loads((www / "channel.json").read_text())
    assert [b["file"] for b in index["signed"]["bundles"]] == [
        "bundles/00000001.zip",
        "bundles/00000002.zip",
    ]
    assert index["key_id"] and index["signature"]
    older = cli("bundle", "publish", str(tmp_path / "v1.zip"), "--to", str(www), "--key", str(key))
    assert older.returncode == 0  # the same bundle again: harmless
    assert build(src, key, 1, tmp_path / "x.zip", "--full").returncode == 0
    changed = cli("bundle", "publish", str(tmp_path / "x.zip"), "--to", str(www), "--key", str(key))
    assert changed.returncode == 1 and "already published with different content" in changed.stderr


@pytest.mark.parametrize(
    "entries,reason",
    [
        ({"../evil.json": b"{}"}, "unsafe content path"),
        ({"/etc/evil.json": b"{}"}, "unsafe content path"),
        ({"link.json": b"{}"}, "is a link"),
        ({"a.json": b"\0" * 5_000_000}, "5000000 bytes in the archive but 10"),  # a zip bomb
    ],
)
def test_hostile_archives_are_refused_by_verify_and_apply(tmp_path, data_dir, entries, reason):
    """Crafted archives, properly signed by a trusted key, in real `bundle` processes: each
    exits 1 with its reason and nothing is written outside (or inside) the data directory."""
    key = StaffKey(tmp_path / "keys")
    write_config(Path(os.environ["KIOSK_CONFIG"]), [key])
    bundle = craft_bundle(
        tmp_path / "evil.zip",
        key,
        entries,
        manifest_files={name: {"sha256": "0" * 64, "size": 10} for name in entries},
        symlinks=("link.json",),
    )
    before = cli("bundle", "status", "--json").stdout
    for command in ("verify", "apply"):
        done = cli("bundle", command, str(bundle))
        assert done.returncode == 1 and reason in done.stderr, (command, done.stderr)
    assert cli("bundle", "status", "--json").stdout == before
    assert not (tmp_path / "evil.json").exists() and not Path("/etc/evil.json").exists()
