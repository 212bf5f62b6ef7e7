"""The catalogue of diagnostic codes as records (`journeymap.codes()`)."""

from typing import Literal, TypedDict

__all__ = ["CodeEntry"]


class CodeEntry(TypedDict):
    """One code of the catalogue, as `journeymap codes --format json` prints it."""

    code: str
    """The code, e.g. `"JM040"`."""
    severity: Literal["error", "warning", "info"]
    """`"error"`, `"warning"` or `"info"`."""
    title: str
    """Short title."""
    explanation: str
    """When it fires and how to fix it."""
    link: str
    """Its section in the reference, relative to the repository root: `docs/diagnostics.md#jm040`."""
