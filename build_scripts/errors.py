"""One exception type for data problems, and the editor-facing way of printing them."""
from __future__ import annotations

from dataclasses import dataclass

GUIDE = "docs/editors.md"  # the editors' guide: a coded warning points at its heading there


@dataclass(frozen=True, order=True)
class Problem:
    """A single thing wrong with the data, located as precisely as we can."""

    file: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""
    severity: str = "error"
    code: str = ""  # a warning's code and name, 'W101 mirror-only-source' (data/acknowledgements.py)

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        code = f" {self.code}:" if self.code else ""
        field = f" {self.field}:" if self.field else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}:{code}{field} {self.message}{hint}{self.guide and f' [{self.guide}]'}"

    @property
    def guide(self) -> str:
        """Where the editors' guide explains this warning: docs/editors.md#w101-mirror-only-source."""
        return f"{GUIDE}#{self.code.lower().replace(' ', '-')}" if self.code else ""


class DataError(Exception):
    """Raised with every problem found, so an editor sees them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    lines = [p.format() for p in problems]
    count = len(problems)
    lines.append(f"{count} problem{'s' if count != 1 else ''} found in the data; nothing was written.")
    return "\n".join(lines)
