"""The ``[bundles]`` table of the kiosk config: trusted keys, origins, polling, size bounds."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config import ConfigError, KioskConfig
from offline_cache.bundles.signing import KeyFileError, PublicKey, parse_public_key

MB = 1024 * 1024


@dataclass(frozen=True)
class BundleSettings:
    public_keys: tuple[PublicKey, ...] = ()
    origins: tuple[str, ...] = ()  # base URLs of static HTTP origins, tried in order
    poll_interval_s: float = 300.0
    max_bundle_bytes: int = 512 * MB  # the archive as downloaded
    max_unpacked_bytes: int = 1024 * MB  # all files of one bundle, unpacked


def bundle_settings(config: KioskConfig) -> BundleSettings:
    """Read and check ``[bundles]``; ``ConfigError`` names the bad setting."""
    raw = config.section("bundles")
    keys_raw = raw.get("public_keys", [])
    origins = raw.get("origins", [])
    if not isinstance(keys_raw, list) or not all(isinstance(k, str) for k in keys_raw):
        raise ConfigError('[bundles] public_keys must be a list of "ed25519:..." strings')
    if not isinstance(origins, list) or not all(
        isinstance(o, str) and o.startswith(("http://", "https://")) for o in origins
    ):
        raise ConfigError("[bundles] origins must be a list of http:// or https:// URLs")
    try:
        keys = tuple(parse_public_key(k) for k in keys_raw)
    except KeyFileError as exc:
        raise ConfigError(f"[bundles] public_keys: {exc}") from None
    try:
        interval = float(raw.get("poll_interval_s", 300))
        max_bundle = int(float(raw.get("max_bundle_mb", 512)) * MB)
        max_unpacked = int(float(raw.get("max_unpacked_mb", 1024)) * MB)
    except (TypeError, ValueError):
        raise ConfigError(
            "[bundles] poll_interval_s, max_bundle_mb and max_unpacked_mb must be numbers"
        ) from None
    if interval < 1 or max_bundle <= 0 or max_unpacked <= 0:
        raise ConfigError("[bundles] poll_interval_s must be >= 1 and the sizes positive")
    return BundleSettings(
        public_keys=keys,
        origins=tuple(o.rstrip("/") + "/" for o in origins),
        poll_interval_s=interval,
        max_bundle_bytes=max_bundle,
        max_unpacked_bytes=max_unpacked,
    )
