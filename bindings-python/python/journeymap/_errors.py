"""The journeymap exception family. Every error raised for bad input is a `JourneyMapError`
(itself a `ValueError`) with a stable `code` (docs/diagnostics.md) and the `diagnostics` behind
it; wrong Python types raise `TypeError` instead. The kinds are the core's (and Node's): validation,
read, write, scoring, config, render, event log, internal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, List, Optional

if TYPE_CHECKING:
    from ._native import Diagnostic

__all__ = [
    "ConfigError",
    "EventLogError",
    "InternalError",
    "JourneyMapError",
    "ReadError",
    "RenderError",
    "ScoringError",
    "ValidationError",
    "WriteError",
]


class JourneyMapError(ValueError):
    """Base class of every journeymap error.

    `code` is the stable code of the error (`None` only for an `InternalError`, which is a bug
    worth reporting); `diagnostics` lists the problems behind it, each with a JSON pointer.
    """

    code: Optional[str]
    diagnostics: List[Diagnostic]

    def __init__(self, message: str, code: Optional[str] = None, diagnostics: Iterable[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.diagnostics = list(diagnostics)


class ValidationError(JourneyMapError):
    """The input is not a valid journey map (code of its first error, e.g. JM013)."""


class ReadError(JourneyMapError):
    """A map file cannot be read (JM009)."""


class WriteError(JourneyMapError):
    """A map cannot be written: as JSON (JM019), or as Mermaid for a persona it does not have
    (JM206)."""


class ScoringError(JourneyMapError):
    """A scoring call got an argument it cannot use, e.g. an unknown persona (JM104)."""


class ConfigError(ScoringError):
    """The scoring settings are not valid (JM107); the diagnostic's path points into them."""


class RenderError(JourneyMapError):
    """A picture call got an option it cannot use, e.g. an unknown view (JM400)."""


class EventLogError(JourneyMapError):
    """An event log cannot be used: a missing column (JM302), an unreadable file (JM304), a case
    found in two partial aggregates (JM310), partials built with different settings (JM311),
    bytes that are not a partial (JM312), an activity both success and failure (JM320), or an
    activity mapping naming ids the map lacks (JM331)."""


class InternalError(JourneyMapError):
    """Something that cannot happen did (a panic in the Rust core): a bug to report. No code, no
    diagnostics; the message starts with `internal error:`."""
