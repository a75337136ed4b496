"""Errors a reader raises.  Each carries the file and a one-line, human message."""
from __future__ import annotations


class ReadError(Exception):
    """A paper could not be read.  `str()` is one line: 'FILE: problem'."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class EmptyPaper(ReadError):
    pass


class UnsupportedPaper(ReadError):
    pass


class TooLarge(ReadError):
    pass


class NeedsOCR(ReadError):
    pass
