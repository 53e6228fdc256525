"""Find resolved entities mentioned in claim text, in one left-to-right pass.

Why: blocking and clustering compare claims by *who they are about*, not only who says them, and
"MKO", "the PMOI" and "Mujahedin-e Khalq" must count as the same mention. Aliases are indexed by
their first token, so a claim costs one dict lookup per token rather than one scan per alias.
Acronyms match only in capitals (the alias "US" must not match the pronoun "us"); ambiguous
aliases (one surface, two entities) are dropped rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from sys import intern
from typing import TypeVar

from summarizer.merge.names import person_key
from summarizer.merge.normalize import GENERIC_NAMES, STOPWORDS, is_acronym, word_tokens

_AMBIGUOUS = ""
K = TypeVar("K")


class MentionIndex:
    __slots__ = ("acronyms", "by_first")

    def __init__(self, names: Iterable[tuple[str, str, bool]]) -> None:
        """``names``: (surface, entity id, is_person) for every global alias."""
        self.acronyms: dict[str, str] = {}
        phrases: dict[tuple[str, ...], str] = {}
        surnames: dict[str, set[str]] = {}
        for raw, eid, person in names:
            if is_acronym(raw):
                self._put(self.acronyms, word_tokens(raw)[0].upper(), eid)
                continue
            toks = tuple(t.lower() for t in word_tokens(raw))
            if toks and toks[0] == "the":
                toks = toks[1:]
            variants = [toks]
            if person:
                pk = tuple(person_key(raw).split())
                variants.append(pk)
                if len(pk) >= 2 and len(pk[-1]) >= 4:
                    surnames.setdefault(pk[-1], set()).add(eid)
            for v in variants:
                if self._usable(v):
                    self._put(phrases, v, eid)
        for last, eids in surnames.items():
            if len(eids) == 1 and (last,) not in phrases and last not in STOPWORDS:
                phrases[(last,)] = next(iter(eids))
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for toks, eid in phrases.items():
            if eid != _AMBIGUOUS:
                self.by_first.setdefault(toks[0], []).append((toks, eid))
        for lst in self.by_first.values():
            lst.sort(key=lambda item: -len(item[0]))

    @staticmethod
    def _put(table: dict[K, str], key: K, eid: str) -> None:
        prior = table.get(key)
        table[key] = eid if prior in (None, eid) else _AMBIGUOUS

    @staticmethod
    def _usable(toks: tuple[str, ...]) -> bool:
        if not toks or " ".join(toks) in GENERIC_NAMES:
            return False
        return len(toks) > 1 or (len(toks[0]) >= 4 and toks[0] not in STOPWORDS)

    def annotate(self, text: str) -> tuple[list[str], set[str]]:
        """Lower-case tokens with each mention replaced by ``@<entity id>``, and the entity ids."""
        toks = word_tokens(text)
        low = [intern(t.lower()) for t in toks]  # shared strings: a 100k-claim corpus repeats its words
        out: list[str] = []
        found: set[str] = set()
        i, n = 0, len(toks)
        while i < n:
            tok = toks[i]
            eid = self.acronyms.get(tok) if tok.isupper() and len(tok) >= 2 else None
            step = 1
            if not eid:
                for phrase, cand in self.by_first.get(low[i], ()):
                    m = len(phrase)
                    if m == 1 or tuple(low[i : i + m]) == phrase:
                        eid, step = cand, m
                        break
            if eid:
                found.add(eid)
                out.append("@" + eid)
            else:
                out.append(low[i])
            i += step
        return out, found
