"""What an article says a name is: a description set beside the name, read as the same actor there.

Why: "the National Council of Resistance of Iran, the Iranian opposition movement in exile" tells
a reader that "the opposition" and "the Iranian opposition" of that article are the NCRI; "the
United Nations refugee agency, UNHCR" that the agency is UNHCR. Neither is an alias any rule of
spelling could find. The article's own comma decides, so only a description whose head is the
kind of word that names a body ("movement", "agency", "group") is read, and ``entities`` joins
it to the name in that article's graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.merge.normalize import words

# Head nouns of a description that stands for an organised actor (not a person: "X, the former
# negotiator," is a role, and persons have their own rules).
BODY_HEADS = words(
    "agency movement group organization organisation party council coalition alliance militia office "
    "ministry department body network newspaper broadcaster outlet union committee commission court "
    "opposition faction wing arm company firm institute think-tank foundation charity"
)
_NAME = r"(?:[A-Z][\w'’.-]*\w|[A-Z]{2,})(?:\s+(?:(?:of|the|for|and|de|e|al)\s+)*(?:[A-Z][\w'’.-]*\w))*"
_WORD = r"(?!(?:that|which|who)\b)(?:[a-z][\w'’-]*|[A-Z][a-z]+)"  # a relative clause ends it
_DESC = rf"{_WORD}(?:\s+{_WORD}){{0,7}}"
# "NAME, the DESC," and "the DESC, NAME." (the second only where the name closes the clause)
_NAME_THEN_DESC = re.compile(rf"(?P<name>{_NAME}),\s+the\s+(?P<desc>{_DESC})(?=\s*[,.;:)]|\s+(?:that|which|who)\b)")
_DESC_THEN_NAME = re.compile(rf"\bthe\s+(?P<desc>{_DESC}),\s+(?P<name>{_NAME})(?=\s*[,.;:)]|\s*$)")
_PREPOSITION = words("in of for from at on with based")


@dataclass(frozen=True, slots=True)
class Apposition:
    name: str
    description: str  # without its "the": "Iranian opposition movement in exile"

    @property
    def core(self) -> list[str]:
        """The description's words before its first preposition, lower-cased: the words a shorter
        description of the same actor is made of ("Iranian opposition" of "… movement in exile")."""
        out = []
        for w in self.description.lower().split():
            if w in _PREPOSITION:
                break
            out.append(w)
        return out

    def describes(self, phrase: str) -> bool:
        """``phrase`` ("the opposition", "The Iranian opposition") is a shorter form of this
        description: its words are core words and it ends on a body word."""
        toks = phrase.lower().removeprefix("the ").split()
        core = self.core
        return bool(toks) and toks[-1] in BODY_HEADS and all(t in core for t in toks)


def _bodylike(desc: str) -> bool:
    core = Apposition("", desc).core
    return bool(core) and core[-1] in BODY_HEADS


def appositions(text: str) -> list[Apposition]:
    """The name–description pairs ``text`` writes with a comma between them."""
    out: list[Apposition] = []
    for m in _NAME_THEN_DESC.finditer(text):
        if _bodylike(m.group("desc")):
            out.append(Apposition(m.group("name"), m.group("desc")))
    for m in _DESC_THEN_NAME.finditer(text):
        desc = m.group("desc")
        if desc.split()[-1].lower() in BODY_HEADS and desc.split()[-1].islower():
            out.append(Apposition(m.group("name"), desc))
    return out
