"""Content-Security-Policy: scripts only from the site itself, plus the theme's own inline scripts
by hash, and WebAssembly compilation ('wasm-unsafe-eval', nothing more: the search index's Pagefind
runs as WebAssembly; it allows no JavaScript eval). Added to every page as a meta tag right after <meta charset>."""
from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=[\"']?application/(?:ld\+)?json)[^>]*>"
                            r"(.*?)</script>", re.S)
POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          "form-action 'self'")


def inline_script_hashes(html: str) -> list[str]:
    digests = {base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
               for body in _INLINE_SCRIPT.findall(html)}
    return [f"'sha256-{d}'" for d in sorted(digests)]


def add_csp(html: str) -> str:
    policy = POLICY.format(hashes=" ".join(inline_script_hashes(html))).replace("  ", " ")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    head = html.find("<meta charset")
    if head < 0:
        return html.replace("<head>", "<head>" + meta, 1)
    end = html.index(">", head) + 1
    return html[:end] + meta + html[end:]
