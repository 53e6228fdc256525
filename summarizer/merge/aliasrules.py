"""The alias graph and the rules that join names in it, cheapest and safest first.

Why separate from ``entities``: each rule is one reason two surface forms name the same actor,
small enough to read against an example, and the graph (a union-find over distinct names, with
the articles and types each name was seen with) is what they share. ``entities`` decides the order
and turns the joined groups into ``MergedEntity`` records.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from summarizer.merge.namematch import acronym_letters, initials, name_similarity
from summarizer.merge.names import (
    DEMONYMS_AND_COUNTRIES,
    ORG_HINTS,
    PERSON_ROLES,
    conjoined,
    display_name,
    person_key,
    role_phrase,
    variant_key,
)
from summarizer.merge.normalize import GENERIC_NAMES, is_acronym, name_key
from summarizer.merge.unionfind import UnionFind
from summarizer.models.document import SpeakerType
from summarizer.text.words import NAME_SUFFIXES

ACCEPT = 0.85  # fuzzy similarity at or above which two names are joined without asking
UNDECIDED = 0.75  # between this and ACCEPT the resolver (if any) decides
MAX_BLOCK = 200  # fuzzy blocks larger than this are skipped (their tokens are too common to help)


@dataclass(frozen=True, slots=True)
class AliasCandidate:
    """Two names the cheap rules could not settle, with why they were proposed."""

    a: str
    b: str
    score: float
    reason: str  # "fuzzy" or "acronym"


class AliasResolver(Protocol):
    def __call__(self, candidate: AliasCandidate, /) -> bool:
        """True when ``candidate.a`` and ``candidate.b`` name the same actor."""
        ...


@dataclass(slots=True)
class NameNode:
    key: str
    local_doc: str | None
    declared: bool = False  # named by extraction (entity list or speaker), not only seen in claim text
    text_only: bool = True  # seen only in an article's text outside its claims: a bridge, no entity alone
    surfaces: dict[str, set[str]] = field(default_factory=dict)
    types: Counter[SpeakerType] = field(default_factory=Counter)

    @property
    def articles(self) -> set[str]:
        """The articles this name is written in."""
        return {d for docs in self.surfaces.values() for d in docs}

    @property
    def person(self) -> bool:
        return self.types[SpeakerType.person] > 0 and self.types.most_common(1)[0][0] == SpeakerType.person


class AliasGraph:
    """Distinct names (global, or local to one article) joined by a union-find."""

    def __init__(self) -> None:
        self.nodes: list[NameNode] = []
        self.index: dict[str, int] = {}
        self.uf = UnionFind()
        self.asked = 0  # resolver calls made
        self.surnames: list[int] = []  # lone surnames, local to their article (``node``)

    def node(
        self,
        raw: str,
        doc_id: str,
        kind: SpeakerType,
        *,
        local: bool = False,
        declared: bool = True,
        surname_local: bool = True,
        text_only: bool = False,
    ) -> int:
        """The node of a name (made on first sight). Descriptions and generic names are local to
        their article (so is a name written without a capital: "the agency" of one article is not
        another's); so is a person's lone surname ("Clinton", "Mr. Trump") while
        ``surname_local``: it names whoever its own article names in full (``join_local_surnames``).
        A name read from the article text outside its claims (``text_only``) only links names: a
        group made of such names alone becomes no entity (``entities``)."""
        raw = display_name(raw)
        if kind != SpeakerType.author and conjoined(raw):  # "Trump and Clinton": a group of its article
            kind, local = SpeakerType.unnamed, True
        key = name_key(raw) or raw.strip().lower()
        # "the president", "Retired General": a description; not an acronym ("S.E.C." is no "Sec.")
        # ("Republican presidential nominee": its capitalised words are roles too, whoever holds them)
        titles_only = all(t in PERSON_ROLES for t in key.split()) and not is_acronym(raw)
        titles_only = titles_only or (
            " " in raw.strip() and any(w[:1].isupper() for w in raw.split()) and role_phrase(raw.split())
        )
        lowercase = not any(w[:1].isupper() for w in raw.split())  # "the agency", "city officials"
        local = local or (declared and kind == SpeakerType.unnamed) or key in GENERIC_NAMES or titles_only or lowercase
        lone = surname_local and not local and kind == SpeakerType.person and len(person_key(key).split()) == 1
        local = local or lone
        if kind == SpeakerType.author:
            full, key, local = f"author\x00{doc_id}", "author", True
        else:
            full = f"{doc_id}\x00{key}" if local else key
        idx = self.index.get(full)
        if idx is None:
            idx = self.uf.add()
            self.index[full] = idx
            self.nodes.append(NameNode(key=key, local_doc=doc_id if local else None))
            if lone:
                self.surnames.append(idx)
        node = self.nodes[idx]
        node.surfaces.setdefault(raw, set()).add(doc_id)
        node.text_only = node.text_only and text_only
        if declared:
            node.declared = True
            node.types[kind] += 1
        elif kind == SpeakerType.person:  # a titled name in text ("Prime Minister Maliki"): a hint only
            node.types[kind] += 1
        return idx

    def find(self, raw: str, doc_id: str) -> int | None:
        """The node a name of article ``doc_id`` already has (its local node first), if any."""
        key = name_key(display_name(raw)) or raw.strip().lower()
        return self.index.get(f"{doc_id}\x00{key}", self.index.get(key))

    def acronym(self, i: int) -> bool:
        return any(is_acronym(raw) for raw in self.nodes[i].surfaces)

    def articles_by_group(self) -> dict[int, set[str]]:
        """Group root → the articles any of its names is written in (as the groups stand now)."""
        out: dict[int, set[str]] = {}
        for i, n in enumerate(self.nodes):
            out.setdefault(self.uf.find(i), set()).update(n.articles)
        return out

    def global_nodes(self) -> list[int]:
        return [i for i, n in enumerate(self.nodes) if n.local_doc is None]


def join_equal_variants(b: AliasGraph) -> None:
    seen: dict[str, int] = {}
    for i in b.global_nodes():
        n = b.nodes[i]
        # "Justice Department", "Department of Justice" typed a person by a speaker: still a body
        body = n.key.split()[-1] in ORG_HINTS or n.key.split()[0] in ORG_HINTS
        keys = [("p:" + person_key(n.key)) if n.person and not body else ("o:" + variant_key(n.key))]
        keys.append("c:" + n.key.replace(" ", ""))
        pk = person_key(n.key)
        if not n.types and 2 <= len(n.key.split()) <= 4 and len(pk.split()) >= 2:  # untyped: maybe a person's
            keys.append("p:" + pk)
        elif not n.person and len(pk.split()) >= 2 and _ends_with_name(n.key, pk):
            keys.append("p:" + pk)  # a role before a name ("Resistance leader Maryam Rajavi"): the name's key
        keys += ["o:" + variant_key(name_key(core)) for core in map(_after_lowercase_words, n.surfaces) if core]
        for k in keys:
            if k in seen:
                b.uf.union(seen[k], i)
            else:
                seen[k] = i


_LOWERCASE_THEN_NAME = re.compile(
    r"^(?:[a-z][\w-]*\s+)+((?:[A-Z][\w'’-]*)(?:\s+(?:of|on|for|and|the|[A-Z][\w'’-]*))+)$"
)


def _after_lowercase_words(raw: str) -> str | None:
    """The name after the lowercase words that open a surface ("nonpartisan Commission on
    Presidential Debates" → "Commission on Presidential Debates"): the same body, described."""
    m = _LOWERCASE_THEN_NAME.match(raw)
    return m.group(1) if m and m.group(1).split()[-1][:1].isupper() else None


def _ends_with_name(key: str, pk: str) -> bool:
    """``key`` writes something before (or initials inside) the person's name ``pk``: "vice president
    joseph r biden jr" → 'joseph biden'; not the name itself."""
    toks = [t for t in key.split() if t not in NAME_SUFFIXES]
    name = pk.split()
    if pk == key.replace(" al ", " ") or not toks or toks[-1] != name[-1]:
        return False
    return name[0] in toks and len(toks) > len(name)


def join_qualified(b: AliasGraph) -> None:
    """ "State Department" = "US State Department" when only one country qualifies that name; and an
    organisation's name of three words or more = the same name after one or two capitalised words
    ("Tax Policy Center" = "Urban-Brookings Tax Policy Center") when only one such form exists."""
    bare: dict[str, list[int]] = {}
    qualified: dict[str, set[int]] = {}
    for i in b.global_nodes():
        n = b.nodes[i]
        if n.person or b.acronym(i):
            continue
        toks = n.key.split()
        bare.setdefault(n.key, []).append(i)
        if len(toks) >= 3 and toks[0] in DEMONYMS_AND_COUNTRIES:
            qualified.setdefault(" ".join(toks[1:]), set()).add(i)
        elif len(toks) >= 4 and toks[-1] in ORG_HINTS and not n.types[SpeakerType.person]:
            first = next(iter(n.surfaces)).split()[0]
            lead = len(name_key(first).split())  # "Urban-Brookings": one word, two tokens
            if first[:1].isupper() and len(toks) - lead >= 3:
                qualified.setdefault(" ".join(toks[lead:]), set()).add(i)
    for rest, nodes in qualified.items():
        roots = {b.uf.find(j) for j in nodes}
        if rest in bare and len(roots) == 1:
            for i in bare[rest]:
                b.uf.union(i, next(iter(nodes)))


def join_abbreviated_words(b: AliasGraph) -> None:
    """ "NY Times" = "New York Times": a name that writes two or three of another name's words as
    their initials, the rest equal, when exactly one name fits."""
    short: dict[str, list[int]] = {}
    for i in b.global_nodes():
        raw = next(iter(b.nodes[i].surfaces))
        toks = raw.split()
        if 2 <= len(toks) <= 4 and any(t.isupper() and 2 <= len(t) <= 3 for t in toks):
            short.setdefault(b.nodes[i].key, []).append(i)
    if not short:
        return
    found: dict[str, set[int]] = {}
    for i in b.global_nodes():
        if b.nodes[i].person:
            continue
        for raw in b.nodes[i].surfaces:
            toks = raw.split()
            if not 3 <= len(toks) <= 6:
                continue
            for lo in range(len(toks) - 1):
                for hi in range(lo + 2, min(lo + 3, len(toks)) + 1):
                    run = toks[lo:hi]
                    if not all(t[:1].isupper() for t in run):
                        continue
                    variant = name_key(" ".join([*toks[:lo], "".join(t[0] for t in run), *toks[hi:]]))
                    if variant in short:
                        found.setdefault(variant, set()).add(b.uf.find(i))
    for variant, roots in found.items():
        if len(roots) == 1:
            for i in short[variant]:
                b.uf.union(i, next(iter(roots)))


def _ask(b: AliasGraph, resolver: AliasResolver | None, cand: AliasCandidate) -> bool:
    if resolver is None:
        return False
    b.asked += 1
    return bool(resolver(cand))


def join_fuzzy(b: AliasGraph, resolver: AliasResolver | None) -> None:
    blocks: dict[str, list[int]] = {}
    for i in b.global_nodes():
        if b.acronym(i):
            continue
        for tok in set(b.nodes[i].key.split()):
            if len(tok) >= 4:
                blocks.setdefault(tok[:4], []).append(i)
    done: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if (i, j) in done or b.uf.find(i) == b.uf.find(j):
                    continue
                done.add((i, j))
                ni, nj = b.nodes[i], b.nodes[j]
                if ni.person != nj.person:
                    continue
                person = ni.person
                score = name_similarity(
                    person_key(ni.key) if person else ni.key, person_key(nj.key) if person else nj.key, person=person
                )
                if score >= (0.9 if person else ACCEPT) or (
                    score >= UNDECIDED and _ask(b, resolver, AliasCandidate(ni.key, nj.key, score, "fuzzy"))
                ):
                    b.uf.union(i, j)


def join_acronyms(b: AliasGraph, resolver: AliasResolver | None) -> None:
    by_initials: dict[str, list[int]] = {}
    acronyms: list[int] = []
    for i in b.global_nodes():
        n = b.nodes[i]
        if b.acronym(i):
            acronyms.append(i)
        elif not n.person:
            for ini in {x for raw in n.surfaces for x in initials(raw)}:
                by_initials.setdefault(ini, []).append(i)
    for i in acronyms:
        letters = acronym_letters(next(raw for raw in b.nodes[i].surfaces if is_acronym(raw)))
        matches = [j for j in by_initials.get(letters, []) if b.uf.find(j) != b.uf.find(i)]
        roots = {b.uf.find(j) for j in matches}
        if len(roots) > 1:  # "VA": Veterans Affairs where the article names it, not Voice of America
            here = {b.uf.find(j) for j in matches if b.nodes[j].articles & b.nodes[i].articles}
            if len(here) == 1:
                matches = [j for j in matches if b.uf.find(j) in here]
                roots = here
        if len(roots) == 1 or (len(roots) > 1 and _nested([b.nodes[j].key for j in matches])):
            for j in matches:
                b.uf.union(i, j)
            continue
        for r in sorted(roots):
            long = next(iter(b.nodes[r].surfaces))
            if _ask(b, resolver, AliasCandidate(letters, long, 0.5, "acronym")):
                b.uf.union(i, r)


def _nested(keys: list[str]) -> bool:
    """Every name is a word-suffix of the longest one ("Quds Force" in "Iranian Quds Force")."""
    longest = max(keys, key=lambda k: len(k.split())).split()
    return all(longest[len(longest) - len(k.split()) :] == k.split() for k in keys)


def join_short_outlets(b: AliasGraph) -> None:
    """An outlet named by its last word ("the Times", "the Post") is the one outlet of its article
    whose full name ends with that word ("a New York Times article"), when every article that
    writes it agrees; where no article names one, the one such outlet of the corpus."""
    ends: dict[tuple[str, str], set[int]] = {}
    anywhere: dict[str, set[int]] = {}
    short: list[int] = []
    for i in b.global_nodes():
        n = b.nodes[i]
        toks = n.key.split()
        if n.types[SpeakerType.media] == 0 or b.acronym(i):
            continue
        if len(toks) == 1:
            short.append(i)
            continue
        anywhere.setdefault(toks[-1], set()).add(i)
        for doc in n.articles:
            ends.setdefault((doc, toks[-1]), set()).add(i)
    for i in short:
        n = b.nodes[i]
        roots = {b.uf.find(j) for d in n.articles for j in ends.get((d, n.key), ())} - {b.uf.find(i)}
        if not roots:
            roots = {b.uf.find(j) for j in anywhere.get(n.key, ())} - {b.uf.find(i)}
        if len(roots) == 1:
            b.uf.union(i, roots.pop())
