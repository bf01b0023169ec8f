"""A static HTTP origin for bundle tests, run as its own process on loopback.

Python's http.server plus what nginx does for a channel directory: an ETag on every file and
304 Not Modified for a matching If-None-Match. ``--cut-bundles-after N`` drops the connection
after N bytes of any bundle download (a truncated transfer). Every request is logged as
``METHOD PATH STATUS`` to ``--log``.

    python tests/static_origin.py DIR [--log FILE] [--cut-bundles-after N]

prints ``PORT <n>`` once it listens."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class ChannelHandler(SimpleHTTPRequestHandler):
    cut_after: int | None = None
    log_path: Path | None = None

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = self.translate_path(self.path)
        if not os.path.isfile(path):
            self._log(404)
            self.send_error(404)
            return
        stat = os.stat(path)
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        if self.headers.get("If-None-Match") == etag:
            self._log(304)
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        with open(path, "rb") as f:
            body = f.read()
        self._log(200)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        if self.cut_after is not None and "/bundles/" in self.path:
            self.wfile.write(body[: self.cut_after])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(body)

    def _log(self, status: int) -> None:
        if self.log_path is not None:
            with open(self.log_path, "a", encoding="utf-8") as f:
                f.write(f"GET {self.path} {status}\n")

    def log_message(self, format: str, *args: object) -> None:
        pass


class StaticOrigin:
    """Start the origin process; ``url`` is its base, ``requests()`` what it served."""

    def __init__(self, directory: Path, log: Path, cut_bundles_after: int | None = None):
        self.directory = directory
        self.log = log
        args = [sys.executable, __file__, str(directory), "--log", str(log)]
        if cut_bundles_after is not None:
            args += ["--cut-bundles-after", str(cut_bundles_after)]
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        assert line.startswith("PORT "), line
        self.port = int(line.split()[1])
        self.url = f"http://127.0.0.1:{self.port}/"

    def requests(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stdout.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", type=Path)
    parser.add_argument("--log", type=Path)
    parser.add_argument("--cut-bundles-after", type=int)
    args = parser.parse_args()
    ChannelHandler.cut_after = args.cut_bundles_after
    ChannelHandler.log_path = args.log
    handler = partial(ChannelHandler, directory=str(args.directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
