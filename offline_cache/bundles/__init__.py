"""Signed content bundles for a fleet of kiosks: build, sign, publish, verify, apply, roll back.

Staff build a bundle (a zip: a signed manifest with every file's SHA-256, and the files),
publish it with a signed channel index to any static HTTP origin, and kiosks poll that origin.
A kiosk verifies everything before touching anything, stages the new version beside the
current one and switches in one SQLite transaction (``offline_cache.content``)."""
