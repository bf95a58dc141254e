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
from typing import IO, Sequence


class _Service:
    """The service process: requests written as base64 JSON followed by a comma, answers read the same way."""

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
        chunks = [self.pending]  # an answer can be megabytes (the index's files): joined once, not grown
        while b"," not in chunks[-1]:
            chunk = os.read(self.stdout_fd, 1 << 20)
            if not chunk:
                raise RuntimeError("the Pagefind service stopped")
            chunks.append(chunk)
        answer, _, self.pending = b"".join(chunks).partition(b",")
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


class Indexing:
    """One index being made by the service: documents are added in batches, in order, and the index's
    files are then asked for (files) and written (write). Each document's `<html lang>` is the part of
    the index it goes to."""

    def __init__(self) -> None:
        self.service = _Service()
        self.index_id = self.service.ask({"type": "NewIndex", "config": {"keep_index_url": True}})["index_id"]

    def add(self, documents: Sequence[tuple[str, str]]) -> None:
        """Index (url, HTML) documents, in their order; returns once the service has taken them all."""
        service = self.service

        def write_all() -> None:
            try:
                for url, content in documents:
                    service.send({"type": "AddFile", "index_id": self.index_id, "url": url, "file_path": None,
                                  "file_contents": content})
                service.stdin.flush()
            except BrokenPipeError:  # the service stopped: reading its answers says so
                pass

        writer = threading.Thread(target=write_all, daemon=True)
        writer.start()
        for _ in documents:
            service.receive()
        writer.join()

    def write(self, target: Path, skip: tuple[str, ...] = ()) -> None:
        """Write the index into target, its files named in skip left out, and end the service."""
        # The files come back to be written here: the service's own WriteFiles answers before its writes
        # end, and a service that is closed then leaves some of them cut short.
        try:
            files = self.service.ask({"type": "GetFiles", "index_id": self.index_id})["files"]
        finally:
            self.service.close()
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

    def stop(self) -> None:
        """End the service if it still runs (after write, or in a build that failed)."""
        if self.service.process.poll() is None:
            self.service.process.kill()
            self.service.process.wait(timeout=60)
