"""The extractor interface, the registry of implementations and `extract()`.

Another extractor (a statistical model, a remote service) plugs in by implementing
`Extractor` and registering itself; `HOPTAC_EXTRACTOR` (environment, or the Django setting of
the same name passed as `name=`) picks the implementation, "rules" by default. The value is a
registered name or a dotted path "package.module:ClassName".
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from hoptac.extraction.model import Extraction
from hoptac.extraction.rules import RulesExtractor


@runtime_checkable
class Extractor(Protocol):
    """Turns a document's text into facts with evidence offsets into that same text."""

    name: str

    def extract(
        self, text: str, *, source: str | None = None, published: dt.date | None = None
    ) -> Extraction: ...


_REGISTRY: dict[str, Callable[[], Extractor]] = {"rules": RulesExtractor}
_INSTANCES: dict[str, Extractor] = {}


def register(name: str, factory: Callable[[], Extractor]) -> None:
    """Make `factory` available under `name` (replacing any earlier one)."""
    _REGISTRY[name] = factory
    _INSTANCES.pop(name, None)


def available() -> list[str]:
    """Return the registered extractor names."""
    return sorted(_REGISTRY)


def get_extractor(name: str | None = None) -> Extractor:
    """Return the extractor `name`, else $HOPTAC_EXTRACTOR, else the rules engine.

    Raises LookupError for an unknown name.
    """
    key = name or os.environ.get("HOPTAC_EXTRACTOR") or "rules"
    if key in _INSTANCES:
        return _INSTANCES[key]
    if key in _REGISTRY:
        inst = _REGISTRY[key]()
    elif ":" in key:
        module, _, attr = key.partition(":")
        try:
            inst = getattr(importlib.import_module(module), attr)()
        except (ImportError, AttributeError) as e:
            raise LookupError(f"cannot load extractor {key!r}: {e}") from e
    else:
        raise LookupError(f"unknown extractor {key!r}; known: {', '.join(available())}")
    if not isinstance(inst, Extractor):
        raise LookupError(f"{key!r} does not implement the Extractor interface")
    _INSTANCES[key] = inst
    return inst


def extract(
    text: str,
    *,
    source: str | None = None,
    published: dt.date | None = None,
    extractor: str | None = None,
) -> Extraction:
    """Return the facts of `text` found by the configured extractor."""
    return get_extractor(extractor).extract(text, source=source, published=published)
