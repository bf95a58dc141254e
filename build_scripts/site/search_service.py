"""Pagefind's indexing service (`pagefind --service`, the binary of PyPI's pagefind[bin]), spoken to
directly, as Pagefind's own Python client does but without its wait: that client sleeps a tenth of a
second before reading each answer, 0.1 s a record, minutes at 10,000 events. Here a thread writes the
requests in one stream while the answers are read."""
from __future__ import annotations

import base64
import json
import os
import subprocess
import threading
from pathlib import Path
from typing import IO


class _Service:
    """Pagefind's indexing service (`pagefind --service`, the binary of PyPI's pagefind[bin]), spoken to
    directly: its own Python client waits a tenth of a second for each answer (0.1 s a record: minutes at
    10,000 events), so the requests are written in one stream by a thread while the answers are read."""

    def __init__(self) -> None:
        from pagefind.service import get_executable

        binary = get_executable()
        if binary is None:
            raise RuntimeError("the Pagefind binary is missing: pip install -r requirements.txt (pagefind[bin])")
        self.process = subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin: IO[bytes] = self.process.stdin
        self.stdout_fd = self.process.stdout.fileno()
        self.pending = b""
        self.sent = 0

    def send(self, payload: dict) -> None:
        self.sent += 1
        message = json.dumps({"message_id": self.sent, "payload": payload}).encode("utf-8")
        self.stdin.write(base64.b64encode(message) + b",")  # the service reads up to a comma

    def receive(self) -> dict:
        while b"," not in self.pending:
            chunk = os.read(self.stdout_fd, 1 << 16)
            if not chunk:
                raise RuntimeError("the Pagefind service stopped")
            self.pending += chunk
        answer, _, self.pending = self.pending.partition(b",")
        payload: dict = json.loads(base64.b64decode(answer))["payload"]
        if payload.get("type") == "Error":
            raise RuntimeError(f"Pagefind: {payload.get('message')}")
        return payload

    def ask(self, payload: dict) -> dict:
        self.send(payload)
        self.stdin.flush()
        return self.receive()

    def close(self) -> None:
        self.stdin.close()
        self.process.wait(timeout=60)


def write_documents(target: Path, documents: list[tuple[str, str]], skip: tuple[str, ...] = ()) -> None:
    """Index (url, HTML) documents, in their order, and write the index into target (its files named in
    skip left out). Each document's `<html lang>` is the part of the index it goes to."""
    service = _Service()
    try:
        index_id = service.ask({"type": "NewIndex", "config": {"keep_index_url": True}})["index_id"]

        def write_all() -> None:
            for url, content in documents:
                service.send({"type": "AddFile", "index_id": index_id, "url": url, "file_path": None,
                              "file_contents": content})
            service.stdin.flush()

        writer = threading.Thread(target=write_all, daemon=True)
        writer.start()
        for _ in documents:
            service.receive()
        writer.join()
        # The files come back to be written here: the service's own WriteFiles answers before its writes
        # end, and a service that is closed then leaves some of them cut short.
        files = service.ask({"type": "GetFiles", "index_id": index_id})["files"]
        wanted = sorted((f["path"], f["content"]) for f in files if f["path"] not in skip)
        root = target.resolve()
        folders = {(target / path).parent for path, _ in wanted}
        for folder in sorted(folders):
            if folder.resolve() != root and root not in folder.resolve().parents:
                raise RuntimeError(f"Pagefind wrote outside its folder: {folder}")
            folder.mkdir(parents=True, exist_ok=True)
        for path, content in wanted:  # thousands of small files: one open and write each, folders made once
            with open(target / path, "wb") as out:
                out.write(base64.b64decode(content))
    finally:
        service.close()
