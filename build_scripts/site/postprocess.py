"""The last step for every HTML page: the theme's indentation squeezed out, then the CSP meta tag."""
from __future__ import annotations

import re

from build_scripts.site.csp import add_csp

_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"\n\s+")


def squeeze(html: str) -> str:
    """Replace each newline-plus-indentation run with one newline, except inside pre, textarea,
    script and style. Whitespace stays whitespace and entities stay as they are, so the page
    renders and parses exactly as before; it only stops paying for the templates' indentation."""
    parts = _VERBATIM.split(html)  # [text, verbatim, tag name, text, verbatim, tag name, ..., text]
    out = []
    for index in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


def finish_page(html: str) -> str:
    return add_csp(squeeze(html))
