"""Problems found in the input: every one names a file, and a line where there is one."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    file: str
    line: int = 0  # 1-based; 0 when the problem concerns the file as a whole
    col: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.col or 1}"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    location: Location
    message: str
    # Extra lines shown under the message: a did-you-mean, the closest passage, what to do.
    hints: tuple[str, ...] = field(default=())
    # A short stable name of the rule, for programs and for annotation titles.
    code: str = "invalid"
    # A warning the entry it is about lists under `accept` (acceptance.py): still reported,
    # marked as accepted, and not counted against `--strict`.
    accepted: bool = False

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def label(self) -> str:
        """How the problem's kind is printed: error, warning, or accepted warning."""
        return "accepted warning" if self.accepted else self.severity.value

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.location.file, self.location.line, self.location.col, self.message)

    def format_text(self) -> str:
        head = f"{self.location}: {self.label}: {self.message}"
        if self.accepted:
            head += f" [accepted: {self.code}]"
        return "\n".join([head, *(f"    {hint}" for hint in self.hints)])


class ProblemList:
    """Collects problems from every stage so the check can report them all at once."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def error(self, location: Location, message: str, *hints: str, code: str = "invalid") -> None:
        self._items.append(Problem(Severity.ERROR, location, message, tuple(h for h in hints if h), code))

    def warning(self, location: Location, message: str, *hints: str, code: str = "warning") -> None:
        self._items.append(Problem(Severity.WARNING, location, message, tuple(h for h in hints if h), code))

    def extend(self, problems: ProblemList) -> None:
        self._items.extend(problems._items)

    def add_all(self, problems: Iterable[Problem]) -> None:
        """Problems found elsewhere (in a worker process of the check), in their order."""
        self._items.extend(problems)

    def items(self) -> tuple[Problem, ...]:
        """Every problem as it was added: plain data, to send from a worker process."""
        return tuple(self._items)

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self._items)

    def sorted(self) -> tuple[Problem, ...]:
        """Sorted by file and line; a problem found by two stages is reported once."""
        return tuple(sorted(dict.fromkeys(self._items), key=Problem.sort_key))
