"""The thin MkDocs layer: adds the generated pages to the build in memory.

Nothing is written into docs/, so `mkdocs serve` does not rebuild forever, and hand-written
pages are never overwritten: a generated page whose path exists in docs/ is an error.
The pipeline itself (build_scripts.build) knows nothing about MkDocs.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from build_scripts import build  # noqa: E402
from build_scripts.errors import DataError  # noqa: E402

_state: dict = {}


def on_config(config):
    data_dir = build.data_dir_from_env(Path(config.config_file_path).parent)
    _state["data_dir"] = data_dir
    if str(data_dir) not in [str(w) for w in config.watch]:
        config.watch.append(str(data_dir))
    return config


def on_files(files, config):
    try:
        output = build.generate(_state["data_dir"])
    except DataError as err:
        raise PluginError(str(err)) from None
    _state["output"] = output
    for path, content in sorted(output.pages.items()):
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} is hand-written, but the data also generates {path}; rename one of them")
        files.append(File.generated(config, path, content=content))
    for path, content in sorted(output.assets.items()):
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    return build.place_charts(markdown, _state["output"], page.file.src_uri)
