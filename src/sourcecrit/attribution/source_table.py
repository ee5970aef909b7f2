"""The sources table, and the body or document a source "it" stands for.

"The ministry said talks had failed. It added that a new round was planned." The second
source is the ministry: a speaking "it" is never a person, and in news it is almost
always the organisation, outlet or document that spoke in the sentence before. Left
alone, it would be typed anonymous, "a pronoun whose person could not be found", which
tells a student the wrong thing about where the claim comes from.

An impersonal "it" ("It is hard to say whether ...", "It goes without saying that ...")
stands for nothing at all: such a row has no source.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.tokens import Token

from sourcecrit.attribution.mentions import Cluster
from sourcecrit.columns import SOURCES
from sourcecrit.sentences import sentence_of

#: The pronouns that stand for a thing, not a person, when they speak ("It said ...").
THING_PRONOUNS = frozenset({"it"})
#: Source types such a pronoun can stand for.
THING_TYPES = frozenset({"organisation", "media", "document"})
#: Copulas whose "it" may be a dummy subject for a clause moved to the end ("It is fair to
#: say that ...", "It seems hard to believe that ...").
COPULAS = frozenset({"be", "seem", "appear", "remain", "become"})
#: What a resolver returns as the method for such an "it" (see :func:`is_expletive_it`).
EXPLETIVE = "expletive"


def is_expletive_it(tok: Token) -> bool:
    """Return True for an impersonal "it", a subject that refers to nothing.

    Three shapes (Quirk et al. 1985, "anticipatory it"): a copula with a complement and a
    clause moved after it ("It is hard to convince them that ...", "it is fair to say
    that ..."); "It goes without saying that ..."; and a causative "make" whose clause has
    its own subject ("It makes one wonder whether ..."). "It said ...", "It added ..." and
    "It makes clear that ..." are left alone: there "it" is a body or a document.
    """
    if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "expl"):
        return False
    verb = tok.head
    lemma = verb.lemma_.lower()
    deps = {c.dep_ for c in verb.children}
    if lemma in COPULAS:
        return bool(deps & {"acomp", "attr"}) and bool(deps & {"xcomp", "ccomp", "csubj"})
    if lemma == "go":
        return any(c.dep_ == "prep" and c.lower_ == "without" for c in verb.children)
    if lemma == "make":
        return any(
            c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children) for c in verb.children
        )
    return False


def things_pronouns_stand_for(
    records: list[dict[str, Any]],
    by_index: dict[int, tuple[Cluster | None, str]],
    starts: list[int],
) -> dict[int, int]:
    """Give each unresolved source "it" the source it stands for; return ``{row: row}``.

    The antecedent is the latest earlier source of the same or the previous sentence that
    is an organisation, outlet or document ("The ministry said ... It added ..."). Its
    speaker, role and type are copied to the "it" row (``records`` and ``by_index`` are
    updated in place) with evidence that says so. Rows with no such source keep their type,
    with evidence that says what "it" may be. ``starts``: the sentences' first characters.
    """
    order = sorted(
        (k for k, r in enumerate(records) if r["source_start"] is not None),
        key=lambda k: records[k]["source_start"],
    )
    stands_for: dict[int, int] = {}
    for k in order:
        if by_index[k][1] == EXPLETIVE:
            # "It is hard to say whether ...": no one is reported; the row keeps its cue
            # and content and loses the source.
            rec = records[k]
            rec["source_text"] = rec["source_start"] = rec["source_end"] = None
    order = [k for k in order if records[k]["source_start"] is not None]
    for place, k in enumerate(order):
        rec = records[k]
        if (rec["source_text"] or "").strip().lower() not in THING_PRONOUNS:
            continue
        if by_index[k][0] is not None:
            continue
        sentence = sentence_of(starts, rec["source_start"])
        for j in reversed(order[:place]):
            prev = records[j]
            if sentence_of(starts, prev["source_start"]) < sentence - 1:
                break
            if prev["source_type"] in THING_TYPES and prev["source_start"] < rec["source_start"]:
                stands_for[k] = stands_for.get(j, j)
                by_index[k] = by_index[j]
                name = prev["speaker"] or prev["source_text"]
                rec["speaker"], rec["role"] = prev["speaker"], prev["role"]
                rec["source_type"] = prev["source_type"]
                rec["source_evidence"] = (
                    f"'{rec['source_text']}': stands for {name!r}, the source just before; "
                    + prev["source_evidence"]
                )
                break
        else:
            rec["source_evidence"] = (
                f"'{rec['source_text']}': the text does not make clear which organisation "
                "or document this stands for."
            )
    return stands_for


def source_rows(
    records: list[dict[str, Any]],
    by_index: dict[int, tuple[Cluster | None, str]],
    stands_for: dict[int, int] | None = None,
) -> list[dict[str, Any]]:
    """Return one row per canonical source (:data:`sourcecrit.columns.SOURCES`).

    ``stands_for`` maps a row whose source is a pronoun to the row whose source it stands
    for (:func:`things_pronouns_stand_for`); both then count as one source.
    """
    stands_for = stands_for or {}
    groups: dict[Any, dict[str, Any]] = {}
    order: list[Any] = []
    for k, rec in enumerate(records):
        owner = by_index[k][0]
        if rec["source_start"] is None and owner is None:
            continue
        named = records[stands_for.get(k, k)]["source_text"]
        key = ("c", owner.key) if owner is not None else ("t", (named or "").lower())
        if key not in groups:
            order.append(key)
            groups[key] = {"cluster": owner, "records": []}
        groups[key]["records"].append(rec)
    rows = []
    for key in order:
        cluster: Cluster | None = groups[key]["cluster"]
        recs = groups[key]["records"]
        aliases: list[str] = list(cluster.aliases) if cluster is not None else []
        for rec in recs:
            if rec["source_text"] and rec["source_text"] not in aliases and cluster is None:
                aliases.append(rec["source_text"])
        types = Counter(r["source_type"] for r in recs)
        stype = types.most_common(1)[0][0]
        evidence = next(r["source_evidence"] for r in recs if r["source_type"] == stype)
        firsts = [
            (r["source_start"], r["source_end"]) for r in recs if r["source_start"] is not None
        ]
        if cluster is not None and cluster.first_start is not None:
            firsts.append((cluster.first_start, cluster.first_end))
        first = min(firsts) if firsts else (None, None)
        row = {
            "speaker": cluster.canonical if cluster is not None else recs[0]["source_text"],
            "aliases": aliases,
            "role": cluster.role if cluster is not None else None,
            "source_type": stype,
            "evidence": evidence,
            "n_attributions": len(recs),
            "n_words": sum(len(r["content"].split()) for r in recs),
            "first_start": first[0],
            "first_end": first[1],
        }
        assert list(row) == list(SOURCES)
        rows.append(row)
    return rows
