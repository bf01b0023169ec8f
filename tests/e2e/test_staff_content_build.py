"""`bundle build` refuses a page's content file that the page could not show, naming where."""

from __future__ import annotations

import json

from tests.bundle_kit import StaffKey, cli


def test_build_refuses_a_broken_prices_file(tmp_path):
    key = StaffKey(tmp_path / "keys")
    src = tmp_path / "src"
    src.mkdir()
    prices = {
        "as_of": "2026-12-01",
        "markets": [{"id": "mangwon", "name": "망원시장"}],
        "items": [{"name": "배추", "prices": {"gyeongdong": 3000}}],
    }
    (src / "prices.json").write_text(json.dumps(prices, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "v1.zip"
    args = ("bundle", "build", str(src), "--key", str(key.private_path), "--version", "1")
    done = cli(*args, "--out", str(out))
    assert done.returncode != 0 and not out.exists()
    assert "prices.json: no usable entry in 'items'" in done.stderr
    assert "items[0].prices names the unknown market 'gyeongdong'" in done.stderr
    prices["markets"].append({"id": "gyeongdong", "name": "경동시장"})
    (src / "prices.json").write_text(json.dumps(prices, ensure_ascii=False), encoding="utf-8")
    done = cli(*args, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.exists()
