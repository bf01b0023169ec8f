"""``main.py bundle``: staff commands to make, publish, check, apply and roll back bundles."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kiosk.config import ROLES, ConfigError, KioskConfig

EXAMPLES = """\
staff machine:
  main.py bundle keygen --out keys/
  main.py bundle build content/ --key keys/bundle-signing.key --version 12 --out v12.zip
  main.py bundle publish v12.zip --to /srv/www/kiosk --key keys/bundle-signing.key
on a kiosk:
  main.py bundle verify v12.zip          main.py bundle apply v12.zip
  main.py bundle status --json           main.py bundle rollback
"""


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    bundle = sub.add_parser(
        "bundle",
        parents=[common],
        help="signed content bundles: keygen, build, verify, apply, rollback, status, publish",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = bundle.add_subparsers(dest="action", metavar="ACTION", required=True)

    keygen = actions.add_parser(
        "keygen", parents=[common], help="make a staff signing key pair (private key stays here)"
    )
    keygen.add_argument("--out", metavar="DIR", type=Path, required=True)
    keygen.add_argument(
        "--name", default="bundle-signing", help="file name stem (default: %(default)s)"
    )
    keygen.set_defaults(handler=cmd_keygen)

    build = actions.add_parser(
        "build", parents=[common], help="sign a directory of content into a bundle"
    )
    build.add_argument("src_dir", metavar="SRC_DIR", type=Path)
    build.add_argument("--key", metavar="PRIVATE_KEY", type=Path, required=True)
    build.add_argument("--version", metavar="N", type=int, required=True, help="must increase")
    build.add_argument("--out", metavar="BUNDLE", type=Path, required=True)
    build.add_argument(
        "--target-role",
        action="append",
        default=[],
        choices=ROLES,
        help="only kiosks of this role (repeatable; default: all)",
    )
    build.add_argument(
        "--target-station",
        action="append",
        default=[],
        metavar="NAME",
        help="only this station (repeatable; default: all)",
    )
    build.add_argument(
        "--full",
        action="store_true",
        help="the new version holds only these files (default: they overlay the current ones)",
    )
    build.add_argument(
        "--sample",
        action="store_true",
        help="example content: shown with the 예시 자료 / sample content tag",
    )
    build.add_argument("--description", default="", help="a note shown in `bundle status`")
    build.set_defaults(handler=cmd_build)

    verify = actions.add_parser(
        "verify", parents=[common], help="check a bundle's signature and every file's hash"
    )
    verify.add_argument("bundle", metavar="BUNDLE", type=Path)
    verify.add_argument(
        "--pubkey",
        metavar="KEY",
        action="append",
        default=[],
        help="a .pub file or 'ed25519:...' text (default: the config's keys)",
    )
    verify.set_defaults(handler=cmd_verify)

    apply = actions.add_parser("apply", parents=[common], help="verify and switch to a bundle")
    apply.add_argument("bundle", metavar="BUNDLE", type=Path)
    apply.set_defaults(handler=cmd_apply)

    rollback = actions.add_parser(
        "rollback", parents=[common], help="go back to the previous content version"
    )
    rollback.set_defaults(handler=cmd_rollback)

    status = actions.add_parser("status", parents=[common], help="the content version on screen")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=cmd_status)

    publish = actions.add_parser(
        "publish", parents=[common], help="put a bundle and the signed channel index into DIR"
    )
    publish.add_argument("bundle", metavar="BUNDLE", type=Path)
    publish.add_argument(
        "--to", metavar="DIR", type=Path, required=True, help="served by any static HTTP origin"
    )
    publish.add_argument(
        "--key", metavar="PRIVATE_KEY", type=Path, required=True, help="signs the channel index"
    )
    publish.set_defaults(handler=cmd_publish)


def fail(action: str, message: str, code: int = 1) -> int:
    print(f"bundle {action}: {message}", file=sys.stderr)
    return code


def _settings(config: KioskConfig):
    from offline_cache.bundles.settings import bundle_settings

    return bundle_settings(config)


def cmd_keygen(args: argparse.Namespace, config: KioskConfig) -> int:
    from offline_cache.bundles.signing import KeyFileError, generate_keypair, load_public_key

    try:
        private, public = generate_keypair(args.out, args.name)
    except (KeyFileError, OSError) as exc:
        return fail("keygen", str(exc), 2)
    key = load_public_key(str(public))
    print(f"private key: {private}  (keep it with staff; never copy it to a kiosk)")
    print(f"public key:  {public}  (key id {key.key_id})")
    print("add it to each kiosk's config:")
    print(f'  [bundles]\n  public_keys = ["{key.text}"]')
    return 0


def cmd_build(args: argparse.Namespace, config: KioskConfig) -> int:
    from offline_cache.bundles.archive import write_bundle
    from offline_cache.bundles.manifest import BundleError, manifest_for, source_files
    from offline_cache.bundles.signing import KeyFileError, load_private_key, sign_document
    from widgets.content_files import check_content_file

    if args.version < 1:
        return fail("build", "--version must be 1 or more", 2)
    try:
        private = load_private_key(args.key)
        files = source_files(args.src_dir)
        manifest = manifest_for(
            files,
            args.version,
            roles=args.target_role,
            stations=args.target_station,
            full=args.full,
            sample=args.sample,
            description=args.description,
            content_check=check_content_file,
        )
        write_bundle(args.out, sign_document(manifest.to_signed(), private), files)
    except (KeyFileError, BundleError) as exc:
        return fail("build", str(exc))
    except OSError as exc:
        return fail("build", f"{exc.filename or args.out}: {exc.strerror}")
    print(
        f"built {args.out}: version {manifest.version}, {len(files)} files,"
        f" {manifest.total_size / 1e6:.1f} MB, datasets: {', '.join(manifest.dataset_files) or 'none'},"
        f" for {manifest.targets_text()}{', full' if manifest.full else ''}"
    )
    return 0


def cmd_verify(args: argparse.Namespace, config: KioskConfig) -> int:
    from offline_cache.bundles.archive import BundleReader
    from offline_cache.bundles.manifest import BundleError
    from offline_cache.bundles.signing import KeyFileError, load_public_key

    try:
        settings = _settings(config)
        keys = [load_public_key(k) for k in args.pubkey] or list(settings.public_keys)
        if not keys:
            return fail(
                "verify", "no public key: give --pubkey KEY or set [bundles] public_keys", 2
            )
        with BundleReader(args.bundle, settings, keys=keys) as bundle:
            bundle.verify_files()
            manifest = bundle.manifest
    except (ConfigError, KeyFileError) as exc:
        return fail("verify", str(exc), 2)
    except BundleError as exc:
        return fail("verify", f"{args.bundle}: {exc}")
    print(
        f"OK {args.bundle}: version {manifest.version}, created {manifest.created_at},"
        f" signed by {bundle.key_id}, {len(manifest.files)} files"
        f" ({manifest.total_size / 1e6:.1f} MB) all matching their SHA-256,"
        f" for {manifest.targets_text()}{', full' if manifest.full else ''}"
    )
    return 0


def cmd_apply(args: argparse.Namespace, config: KioskConfig) -> int:
    from offline_cache.bundles.install import apply_bundle
    from offline_cache.bundles.manifest import BundleError

    try:
        settings = _settings(config)
        if not settings.public_keys:
            return fail("apply", "no trusted keys: set [bundles] public_keys in the config", 2)
        result = apply_bundle(args.bundle, config, settings)
    except ConfigError as exc:
        return fail("apply", str(exc), 2)
    except BundleError as exc:
        return fail("apply", f"refused {args.bundle}: {exc}; the kiosk's content is unchanged")
    print(
        f"applied content version {result.version} (was {result.previous}):"
        f" {result.bundle_files} files from the bundle, {result.files} in the new version;"
        f" datasets replaced: {', '.join(result.datasets) or 'none'}"
    )
    return 0


def cmd_rollback(args: argparse.Namespace, config: KioskConfig) -> int:
    from offline_cache.bundles.install import rollback
    from offline_cache.bundles.manifest import BundleError

    try:
        result = rollback(config)
    except BundleError as exc:
        return fail("rollback", str(exc))
    print(
        f"rolled back from content version {result.left} to {result.version};"
        f" datasets restored: {', '.join(result.datasets) or 'none'}."
        f" Version {result.left} will not be applied again: publish a higher version."
    )
    return 0


def cmd_status(args: argparse.Namespace, config: KioskConfig) -> int:
    from offline_cache.bundles.install import content_status
    from offline_cache.bundles.poller import read_poll_record
    from offline_cache.content import ContentError

    try:
        status = content_status(config)
    except ContentError as exc:
        return fail("status", str(exc))
    status["poll"] = read_poll_record(config.data_dir)
    if args.json:
        json.dump(status, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    version = status["version"]
    name = "embedded default content" if version == 0 else f"bundle version {version}"
    print(f"content: {name}, applied {status['applied_at_text'] or '-'}")
    if status["description"] and version:
        print(f"  {status['description']}")
    print(
        f"  {status['files']} files ({status['sample_files']} sample) in {status['content_root']}"
    )
    for dataset, source in status["datasets_from_bundle"].items():
        print(f"  dataset {dataset}: {source}")
    previous = status["previous"]
    print(f"rollback: {'to version ' + str(previous) if previous is not None else 'nothing kept'}")
    print(f"refuses versions <= {status['highest']} (downgrades and replays)")
    poll = status["poll"]
    if poll:
        print(
            f"last poll {poll.get('at_text', '-')}: {poll.get('result', '-')}"
            f" ({poll.get('origin') or 'no origin answered'})"
        )
    return 0


def cmd_publish(args: argparse.Namespace, config: KioskConfig) -> int:
    from offline_cache.bundles.channel import CHANNEL_FILE, publish
    from offline_cache.bundles.manifest import BundleError
    from offline_cache.bundles.signing import KeyFileError, load_private_key

    try:
        settings = _settings(config)
        private = load_private_key(args.key)
        entry = publish(args.bundle, args.to, private, settings)
    except (ConfigError, KeyFileError) as exc:
        return fail("publish", str(exc), 2)
    except BundleError as exc:
        return fail("publish", f"{args.bundle}: {exc}")
    except OSError as exc:
        return fail("publish", f"{exc.filename or args.to}: {exc.strerror}")
    print(
        f"published version {entry.version} as {args.to / entry.file};"
        f" kiosks polling {args.to / CHANNEL_FILE} pick it up at their next poll"
    )
    return 0
