"""WCAG 2 contrast of colours as browsers and SVG files write them ('#1f2329', 'rgb(31, 35, 41)',
'rgba(31, 35, 41, 0.5)'), a translucent colour blended onto the background first."""
from __future__ import annotations

import re

_RGB = re.compile(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?\s*\)")


def parse(colour: str) -> tuple[float, float, float, float]:
    colour = colour.strip()
    if colour.startswith("#"):
        return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16), 1.0
    match = _RGB.fullmatch(colour)
    assert match, f"not a colour: {colour!r}"
    r, g, b, a = match.groups()
    return float(r), float(g), float(b), float(a) if a is not None else 1.0


def blend(colour: str, background: str, opacity: float = 1.0) -> tuple[float, float, float]:
    r, g, b, a = parse(colour)
    br, bg, bb, _ = parse(background)
    a *= opacity
    return r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a)


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, background: str, opacity: float = 1.0) -> float:
    light, dark = sorted((luminance(blend(colour, background, opacity)), luminance(blend(background, background))),
                         reverse=True)
    return (light + 0.05) / (dark + 0.05)
