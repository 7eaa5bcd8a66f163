"""Knowledge as data: JSONL files shipped with the package, validated by pydantic at load."""

from __future__ import annotations

import json
from importlib import resources
from typing import TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class ResourceError(ValueError):
    """A bundled data file is malformed."""


def read_text(name: str) -> str:
    """Return the text of the bundled resource file ``name``."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def parse_jsonl(text: str, model: type[M], source: str) -> list[M]:
    """Return every non-blank, non-comment line of JSONL ``text`` validated as ``model``.

    ``source`` names the text in error messages (a resource name or a path).
    """
    out: list[M] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            out.append(model.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as err:
            raise ResourceError(f"{source}:{lineno}: {err}") from err
    return out


def load_jsonl(name: str, model: type[M]) -> list[M]:
    """Return the validated records of the bundled resource file ``name``."""
    return parse_jsonl(read_text(name), model, name)
