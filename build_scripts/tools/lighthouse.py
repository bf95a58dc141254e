"""`make lighthouse`: Lighthouse (mobile preset) on the home and timeline pages, served with gzip.

Lighthouse 12.2.3 comes from the npm registry into .cache/lighthouse and runs Debian's Chromium.
Prints the four category scores per page; exits non-zero when a bar of the issues is missed.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from types import MappingProxyType

from build_scripts.config import child_environment, chromium_path
from build_scripts.effects.cache_folders import LIGHTHOUSE
from build_scripts.tools.serving import serve

ROOT = Path(__file__).resolve().parents[2]
TOOL = LIGHTHOUSE
BIN = TOOL / "node_modules" / ".bin" / "lighthouse"
PAGES = MappingProxyType({"home": ("", MappingProxyType({"performance": 95})),
                          "timeline": ("timeline/", MappingProxyType({"performance": 90}))})
ALWAYS = MappingProxyType({"accessibility": 100, "best-practices": 100, "seo": 100})


def ensure_lighthouse() -> None:
    if not BIN.exists():
        TOOL.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "i", "-E", "--no-audit", "--no-fund", "--prefix", str(TOOL), "lighthouse@12.2.3"],
                       check=True)


def run(site: Path, port: int) -> int:
    ensure_lighthouse()
    failures = []
    with serve(site, port) as url:
        for name, (path, bars) in PAGES.items():
            out = Path(tempfile.mkdtemp()) / f"{name}.json"
            subprocess.run([str(BIN), url + path, "--quiet", "--output=json", f"--output-path={out}",
                            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                            "--disable-component-update"],
                           check=True, env=child_environment({"CHROME_PATH": chromium_path()}))
            report = json.loads(out.read_text())
            scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
            print(f"{name:<10} " + "  ".join(f"{k} {v}" for k, v in scores.items()))
            for category, bar in {**ALWAYS, **bars}.items():
                if scores[category] < bar:
                    failures.append(f"{name} {category} {scores[category]} < {bar}")
    for failure in failures:
        print("below the bar:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1]), int(sys.argv[2])))
