"""Organisations as speakers: one cluster per body the article names, however it is written.

"The Pentagon", "Pentagon" and "the Pentagon's" are one speaker; "Clinton's campaign" is
the campaign. A capitalised common noun that opens a sentence ("Reporters said ...") is
not a body the article names, even when the entity recogniser tags it ORG.
"""

from __future__ import annotations

from spacy.tokens import Span

from sourcecrit.attribution.mentions import Cluster


def is_capitalised_common_noun(ent: Span) -> bool:
    """Return True for a one-word "entity" that is a common noun capitalised by its place.

    "Reporters said ..." (tagged ORG by the small model): the word is a plural or singular
    common noun (tag NNS or NN) and is capitalised only because it opens the sentence.
    """
    if len(ent) != 1:
        return False
    token = ent[0]
    return token.tag_ in ("NN", "NNS") and bool(token.is_sent_start) and token.text.istitle()


class Organisations:
    """The organisation clusters of one article, keyed by their name without "the"."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.clusters = clusters  # shared with the resolver: people and bodies, one list
        self._by_name: dict[str, int] = {}

    def cluster(self, ent: Span, start: int, end: int) -> Cluster:
        """Return the cluster of the body ``ent`` names, adding it when new."""
        text = ent.text.strip().replace("'s ", " ").replace("’s ", " ")  # "Clinton's campaign"
        if text.lower().startswith("the "):
            text = text[4:]
        key = text.lower()
        if key in self._by_name:
            return self.clusters[self._by_name[key]]
        cluster = Cluster(
            len(self.clusters), text, "org", first_start=start, first_end=end, label=ent.label_
        )
        self.clusters.append(cluster)
        self._by_name[key] = cluster.key
        return cluster
