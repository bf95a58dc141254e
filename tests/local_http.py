"""A local HTTP server on 127.0.0.1 for the link checker and archive tests: each path answers one case."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Recorder:
    """Every request the server saw: (method, path, headers, body, time)."""

    def __init__(self):
        self.requests: list[tuple[str, str, dict, bytes, float]] = []
        self.lock = threading.Lock()

    def add(self, *request) -> None:
        with self.lock:
            self.requests.append(request)

    def paths(self) -> list[str]:
        with self.lock:
            return [r[1] for r in self.requests]


def serve(routes, recorder: Recorder):
    """Start a server whose handler calls routes(handler, method, path, body) -> (status, headers, body)."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self, method: str) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            recorder.add(method, self.path, dict(self.headers), body, time.monotonic())
            status, headers, content = routes(self, method, self.path, body)
            try:
                self.send_response(status)
                for name, value in {"Content-Length": str(len(content)), **headers}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(content)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting (the timeout case)
                pass

        def do_GET(self):  # noqa: N802
            self._answer("GET")

        def do_POST(self):  # noqa: N802
            self._answer("POST")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def page(title: str) -> tuple[int, dict, bytes]:
    body = f"<html><head><title>{title}</title></head><body>text</body></html>"
    return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode()
