"""What kind of source is speaking, and the evidence for saying so.

The word lists live in ``data/source_types.yaml``. The order of the checks matters and
follows how a reader would decide: a vague quantity ("a number of countries") makes a
group vague whatever it names; a document is a document even when an organisation wrote
it; a named person is classified by their role (expert words first, because a *retired*
colonel speaks as an expert, not for the army; then politician, then official).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sourcecrit.attribution.lexicon import SOURCE_TYPES, load_source_types
from sourcecrit.attribution.source_table import EXPLETIVE
from sourcecrit.attribution.speakers import Cluster

# Quantifiers that make any group vague, checked among the first words of the phrase.
VAGUE_QUANTIFIERS = frozenset(
    {
        "some",
        "many",
        "several",
        "number",
        "most",
        "few",
        "various",
        "numerous",
        "lot",
        "majority",
        "certain",
    }
)


#: The source types a role word gives a named person (:func:`source_type`).
ROLE_TYPES = ("named_expert", "named_politician", "named_official")

#: Words that put a role in the past ("former ambassador", "retired colonel").
PAST_WORDS = frozenset({"former", "retired", "ex"})


def _words(text: str) -> list[str]:
    return [w.strip(".,;:'’\"“”()").lower() for w in text.replace("-", " ").split()]


def _first_hit(words: list[str], vocabulary: frozenset[str]) -> str | None:
    joined = " " + " ".join(words) + " "
    for word in words:
        # ``_words`` strips full stops, so the abbreviations of the lexicon ("sen.",
        # "rep.", "dr.") are looked up as they are written there.
        if word in vocabulary:
            return word
        if f"{word}." in vocabulary:
            return f"{word}."
    for phrase in vocabulary:
        if " " in phrase and f" {phrase} " in joined:
            return phrase
    return None


def source_type(
    doc: Doc,
    source: tuple[int, int] | None,
    head: Token | None,
    cluster: Cluster | None,
    method: str,
    *,
    text: str | None = None,
) -> tuple[str, str]:
    """Return ``(source_type, evidence)`` for one attribution's source.

    Args:
        doc: the parsed Doc.
        source: character offsets of the source phrase, or None when there is none.
        head: the phrase's head token, if known.
        cluster: the resolved speaker, if any.
        method: how the speaker was resolved (see ``SpeakerResolver.resolve``).
        text: ``doc.text``, when the caller has it already (it is slow to rebuild).

    Returns:
        One of :data:`SOURCE_TYPES` and a sentence a student can read.
    """
    types = load_source_types()
    if source is None:
        return "none", "No source is named: the statement is attributed to no one."
    if method == EXPLETIVE:
        return "none", "'It' here is impersonal ('It is fair to say ...'): no one is named."
    text = (doc.text if text is None else text)[source[0] : source[1]]
    words = _words(text)
    if cluster is not None and cluster.kind == "person":
        role_words = _words(cluster.role or "") + words
        where = f"role '{cluster.role}'" if cluster.role else f"'{text}'"
        hits = {kind: _first_hit(role_words, types[kind].words) for kind in ROLE_TYPES}
        past = next((w for w in role_words if w in PAST_WORDS), None)
        office = hits["named_official"]
        if past and office and not hits["named_politician"]:
            # "Retired NATO Colonel": someone who held an office speaks from experience now,
            # for no institution; "a retired fast-food worker" held none.
            return "named_expert", (
                f"{cluster.canonical}: named person; {where} has the words '{past}' and "
                f"'{office}': a past office, so they speak from experience, not for it."
            )
        for kind in ROLE_TYPES:
            hit = hits[kind]
            if hit:
                if hit.rstrip(".") not in _words(cluster.role or ""):
                    where = f"'{text}'"  # the word is in the source phrase, not the role
                return kind, f"{cluster.canonical}: named person; {where} has the word '{hit}'."
        return (
            "named_other",
            f"{cluster.canonical}: named person with no official, political or expert role in the text.",
        )
    # "Some say", "many of them believe": a vague amount, even where tagged a pronoun.
    hit = next((w for w in words[:4] if w in VAGUE_QUANTIFIERS), None)
    if hit:
        return "vague_group", f"'{text}': '{hit}' names no one in particular."
    if method == "unresolved" and head is not None and head.pos_ == "PRON":
        return "anonymous", f"'{text}': a pronoun whose person could not be found in the text."
    head_word = head.lemma_.lower() if head is not None else (words[-1] if words else "")
    head_text = head.lower_ if head is not None else head_word
    heads = [head_word, head_text]
    if head is not None and any(c.dep_ == "conj" for c in head.children) and words:
        # "the Geneva and Hague Conventions": the parser heads the phrase on the first
        # conjunct, while the shared noun at the end says what kind of thing it is.
        heads.append(words[-1])
    for kind in ("document", "media"):
        hit = next((w for w in heads if w in types[kind].words), None)
        if hit:
            what = "a document" if kind == "document" else "the news media"
            return kind, f"'{text}': the word '{hit}' names {what}."
    if cluster is not None and cluster.kind == "org":
        hit = _first_hit(words, types["media"].words)
        if hit:
            return "media", f"{cluster.canonical}: a news outlet ('{hit}')."
        return (
            "organisation",
            f"{cluster.canonical}: an organisation or country speaking as a body.",
        )
    if head_text in types["anonymous"].words or head_word in types["anonymous"].words:
        return "anonymous", f"'{text}': no name is given, so the reader cannot check who it is."
    if head_text in types["vague_group"].words or head_word in types["vague_group"].words:
        return "vague_group", f"'{text}': a group that names no one in particular."
    hit = _first_hit(words, types["organisation"].words)
    if hit:
        return "organisation", f"'{text}': the word '{hit}' names an organisation."
    if head is not None and head.tag_ in ("NNS", "NNPS"):
        return "vague_group", f"'{text}': a group that names no one in particular."
    return "anonymous", f"'{text}': no name is given, so the reader cannot check who it is."


def one_type_per_person(records: list[dict], clusters: list[Cluster | None]) -> None:
    """Give a person's rows typed ``named_other`` the type another of their rows found.

    "Stephanie Formas, Clinton's communications director, said" shows her role; a later
    "she said" of the same person names none, yet she is the same official. ``clusters``
    holds each record's resolved speaker; records are changed in place.
    """
    found: dict[int, dict] = {}
    for rec, cluster in zip(records, clusters, strict=True):
        if cluster is not None and cluster.kind == "person" and rec["source_type"] in ROLE_TYPES:
            found.setdefault(cluster.key, rec)
    for rec, cluster in zip(records, clusters, strict=True):
        if cluster is not None and rec["source_type"] == "named_other" and cluster.key in found:
            rec["source_type"] = found[cluster.key]["source_type"]
            rec["source_evidence"] = found[cluster.key]["source_evidence"]


def source_type_descriptions() -> dict[str, str]:
    """Return each source type with its description for students, in :data:`SOURCE_TYPES` order."""
    types = load_source_types()
    return {name: types[name].description for name in SOURCE_TYPES}
