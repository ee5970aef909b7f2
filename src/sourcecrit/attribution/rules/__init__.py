"""The attribution rules, one module per rule family, applied in this order.

The rules follow the structure of attribution relations described by Pareti (2016,
"PARC 3.0: A corpus of attribution relations", LREC) and annotated in PolNeAR (Newell et al.
2018): a *cue* (usually a verb of saying or believing) links a *source* (its subject, or
the agent of a passive) to a *content* (a clause, a quote, an object or a prepositional
phrase).

1. :mod:`.verbs`: cue verbs from the lexicon with a clausal, infinitive, object or
   prepositional content found in the dependency parse (Krestel, Bergler & Witte 2008,
   "Minding the Source"); :mod:`.nouns`: noun cues ("the claim that ...");
   :mod:`.adjectives`: adjective cues ("are afraid that ...", "was critical of ...");
   :mod:`.headlines`: "Name: what they said" lines, and headline verbs the tagger read as
   nouns ("Senator charges that ...");
2. :mod:`.according`: "according to X" (and "in his view", "by one estimate", "in this
   poll"), whose content is the clause it modifies;
   :mod:`.parenthetical`: "as X noted", whose content is the clause it comments on;
3. :mod:`.quoted`: direct quotes not yet covered, linked to a cue verb right before or
   after the marks, and quotes that continue the previous speaker in the next paragraph;
4. :mod:`.lede`: a claim standing alone, its source in the next sentence with a cue and no
   content of its own ("X is true. Colonel Y told Izvestia ...").

Every rule works in one or two passes over the tokens: no per-token search of the whole
Doc, so the cost stays linear in the length of the article.
"""

from __future__ import annotations

from sourcecrit.attribution.rules.according import according_candidates, frame_candidates
from sourcecrit.attribution.rules.adjectives import adjective_candidates
from sourcecrit.attribution.rules.headlines import headline_candidates, misread_verb_candidates
from sourcecrit.attribution.rules.lede import lede_candidates
from sourcecrit.attribution.rules.nouns import noun_candidates
from sourcecrit.attribution.rules.parenthetical import as_clause_candidates
from sourcecrit.attribution.rules.quoted import continuation_candidates, is_title, quote_candidates
from sourcecrit.attribution.rules.verbs import verb_candidates

#: Every rule name a :class:`~sourcecrit.attribution.candidates.Candidate` can carry.
RULES = (
    "verb",
    "noun",
    "adjective",
    "according_to",
    "frame",
    "as_clause",
    "headline",
    "quote",
    "continuation",
    "lede",
)

__all__ = [
    "RULES",
    "according_candidates",
    "adjective_candidates",
    "as_clause_candidates",
    "continuation_candidates",
    "frame_candidates",
    "headline_candidates",
    "is_title",
    "lede_candidates",
    "misread_verb_candidates",
    "noun_candidates",
    "quote_candidates",
    "verb_candidates",
]
