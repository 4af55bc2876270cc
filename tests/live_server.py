"""A real uvicorn server for the serve tests, on a free 127.0.0.1 port, in a thread of the test process."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path


class LiveServer:
    """``paracite serve``'s app over ``index_dir``, answering on ``self.url`` until ``stop()``."""

    def __init__(self, index_dir: Path, readers: int = 2):
        import uvicorn

        from search.web import create_app
        from search.web.served import ServedIndex

        self.index = ServedIndex(index_dir, readers=readers)
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(self.index), log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def start(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()

    def get(self, path: str, method: str = "GET") -> tuple[int, dict, bytes]:
        """(status, headers, body) of one request; error statuses are returned, not raised."""
        req = urllib.request.Request(self.url + path, method=method)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def json(self, path: str, method: str = "GET") -> tuple[int, dict]:
        status, headers, body = self.get(path, method)
        assert headers.get("content-type", "").startswith("application/json"), (path, headers, body[:200])
        return status, json.loads(body)
