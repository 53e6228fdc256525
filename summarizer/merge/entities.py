"""Alias resolution: one canonical entity per real-world actor across all articles.

Why these steps, cheapest and safest first, joined with a union-find:
1. the articles' own definitions (``DocumentEntity`` name + aliases, e.g. "People's Mojahedin
   Organization of Iran (PMOI/MEK)") and the extractor's ``Speaker.canonical``;
2. equal keys after normalization (case, punctuation, diacritics, leading "the", possessives,
   hyphens) and equal order-free variant keys ("Iraqi government" = "government of Iraq");
3. fuzzy near-duplicates ("Mujahedin-e Khlaq" ~ "Mujahedin-e Khalq"), compared only inside
   token-prefix blocks, never all pairs;
4. acronyms to long forms by initials (MKO ← "Mujahedin-e Khalq Organization", QF ← "Quds Force"),
   only when exactly one entity fits;
5. a person's bare surname or title-less name to the one full name that ends with it.
Pairs the rules cannot settle (borderline fuzzy scores, acronyms fitting several entities) go to an
optional ``AliasResolver`` (a model, a human, a table); without one they stay apart. Pronouns and
generic speakers ("he", "officials", "the group") are resolved within their own document only, and
each article's author is its own entity.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from summarizer.merge.mentions import MentionIndex
from summarizer.merge.names import acronym_letters, initials, name_similarity, person_key, variant_key
from summarizer.merge.normalize import GENERIC_NAMES, is_acronym, name_key
from summarizer.merge.unionfind import UnionFind
from summarizer.models.document import DocumentResult, SpeakerType
from summarizer.models.merge import EntityAlias, MergedEntity

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
    def __call__(self, candidate: AliasCandidate) -> bool:
        """True when ``candidate.a`` and ``candidate.b`` name the same actor."""
        ...


@dataclass(slots=True)
class _Node:
    key: str
    local_doc: str | None
    surfaces: dict[str, set[str]] = field(default_factory=dict)
    types: Counter[SpeakerType] = field(default_factory=Counter)

    @property
    def person(self) -> bool:
        return self.types[SpeakerType.person] > 0 and self.types.most_common(1)[0][0] == SpeakerType.person


@dataclass(slots=True)
class EntityTable:
    """The resolved entities plus lookups the later merge steps need."""

    entities: list[MergedEntity]
    speakers: dict[tuple[str, str], str]  # (doc_id, speaker name) → entity id
    mentions: MentionIndex
    resolver_calls: int = 0

    def speaker_entity(self, doc_id: str, name: str) -> str | None:
        return self.speakers.get((doc_id, name))


class _Builder:
    def __init__(self) -> None:
        self.nodes: list[_Node] = []
        self.index: dict[str, int] = {}
        self.uf = UnionFind()

    def node(self, raw: str, doc_id: str, kind: SpeakerType, *, local: bool = False) -> int:
        key = name_key(raw) or raw.strip().lower()
        local = local or kind == SpeakerType.unnamed or key in GENERIC_NAMES
        if kind == SpeakerType.author:
            full, key, local = f"author\x00{doc_id}", "author", True
        else:
            full = f"{doc_id}\x00{key}" if local else key
        idx = self.index.get(full)
        if idx is None:
            idx = self.uf.add()
            self.index[full] = idx
            self.nodes.append(_Node(key=key, local_doc=doc_id if local else None))
        node = self.nodes[idx]
        node.surfaces.setdefault(raw.strip(), set()).add(doc_id)
        node.types[kind] += 1
        return idx

    def acronym(self, i: int) -> bool:
        return any(is_acronym(raw) for raw in self.nodes[i].surfaces)

    def global_nodes(self) -> list[int]:
        return [i for i, n in enumerate(self.nodes) if n.local_doc is None]


def _join_equal_variants(b: _Builder) -> None:
    seen: dict[str, int] = {}
    for i in b.global_nodes():
        n = b.nodes[i]
        k = ("p:" + person_key(n.key)) if n.person else ("o:" + variant_key(n.key))
        if k in seen:
            b.uf.union(seen[k], i)
        else:
            seen[k] = i


def _ask(resolver: AliasResolver | None, cand: AliasCandidate, calls: list[int]) -> bool:
    if resolver is None:
        return False
    calls[0] += 1
    return bool(resolver(cand))


def _join_fuzzy(b: _Builder, resolver: AliasResolver | None, calls: list[int]) -> None:
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
            for j in members[x + 1:]:
                if (i, j) in done or b.uf.find(i) == b.uf.find(j):
                    continue
                done.add((i, j))
                ni, nj = b.nodes[i], b.nodes[j]
                if ni.person != nj.person:
                    continue
                person = ni.person
                score = name_similarity(person_key(ni.key) if person else ni.key,
                                        person_key(nj.key) if person else nj.key, person=person)
                if score >= (0.9 if person else ACCEPT):
                    b.uf.union(i, j)
                elif score >= UNDECIDED and _ask(resolver, AliasCandidate(ni.key, nj.key, score, "fuzzy"), calls):
                    b.uf.union(i, j)


def _join_acronyms(b: _Builder, resolver: AliasResolver | None, calls: list[int]) -> None:
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
        roots = {b.uf.find(j) for j in by_initials.get(letters, [])} - {b.uf.find(i)}
        if len(roots) == 1:
            b.uf.union(i, roots.pop())
            continue
        for r in sorted(roots):
            long = next(iter(b.nodes[r].surfaces))
            if _ask(resolver, AliasCandidate(letters, long, 0.5, "acronym"), calls):
                b.uf.union(i, r)


def _join_surnames(b: _Builder) -> None:
    persons = [i for i in b.global_nodes() if b.nodes[i].person]
    full: dict[str, set[int]] = {}
    last: dict[str, set[int]] = {}
    for i in persons:
        toks = person_key(b.nodes[i].key).split()
        full.setdefault(" ".join(toks), set()).add(b.uf.find(i))
        if len(toks) >= 2:
            last.setdefault(toks[-1], set()).add(b.uf.find(i))
    for i in persons:
        toks = person_key(b.nodes[i].key).split()
        if len(toks) == 1:
            roots = last.get(toks[0], set()) - {b.uf.find(i)}
        elif len(toks) >= 3:
            roots = full.get(" ".join(toks[-2:]), set()) - {b.uf.find(i)}
        else:
            continue
        if len({b.uf.find(r) for r in roots}) == 1:
            b.uf.union(i, roots.pop())


def _canonical(nodes: list[_Node]) -> tuple[str, SpeakerType]:
    types: Counter[SpeakerType] = Counter()
    for n in nodes:
        types.update(n.types)
    named = [t for t, _ in types.most_common() if t != SpeakerType.unnamed]
    kind = named[0] if named else SpeakerType.unnamed
    if kind == SpeakerType.author:
        return f"author of {nodes[0].local_doc}", kind
    best: tuple[int, int, int, str] | None = None
    for n in nodes:
        for raw, docs in n.surfaces.items():
            rank = (0 if is_acronym(raw) else 1, len(docs), len(raw), raw)
            if best is None or rank > best:
                best = rank
    return (best[3] if best else nodes[0].key), kind


def resolve_entities(docs: list[DocumentResult], resolver: AliasResolver | None = None) -> EntityTable:
    """Resolve every document entity and claim speaker to one merged entity."""
    b = _Builder()
    speaker_nodes: dict[tuple[str, str], int] = {}
    for doc in docs:
        for ent in doc.entities:
            head = b.node(ent.name, doc.doc_id, ent.type)
            for alias in ent.aliases:
                b.uf.union(head, b.node(alias, doc.doc_id, ent.type))
        for claim in doc.claims:
            sp = claim.speaker
            key = (doc.doc_id, sp.name)
            idx = b.node(sp.name, doc.doc_id, sp.type)
            speaker_nodes.setdefault(key, idx)
            if sp.canonical and sp.type != SpeakerType.author:
                b.uf.union(idx, b.node(sp.canonical, doc.doc_id, sp.type))
    calls = [0]
    _join_equal_variants(b)
    _join_fuzzy(b, resolver, calls)
    _join_acronyms(b, resolver, calls)
    _join_surnames(b)

    groups = b.uf.groups()
    entity_of_root: dict[int, str] = {}
    entities: list[MergedEntity] = []
    for root in sorted(groups, key=lambda r: groups[r][0]):
        members = [b.nodes[i] for i in groups[root]]
        canonical, kind = _canonical(members)
        seen: dict[str, set[str]] = {}
        for n in members:
            for raw, doc_ids in n.surfaces.items():
                seen.setdefault(raw, set()).update(doc_ids)
        eid = f"e{len(entities) + 1}"
        entity_of_root[root] = eid
        aliases = [EntityAlias(alias=a, doc_ids=sorted(d)) for a, d in seen.items()]
        entities.append(MergedEntity(id=eid, canonical=canonical, type=kind, aliases=aliases))
    speakers = {k: entity_of_root[b.uf.find(i)] for k, i in speaker_nodes.items()}
    mention_names: list[tuple[str, str, bool]] = []
    for i, n in enumerate(b.nodes):
        if n.local_doc is None:
            eid = entity_of_root[b.uf.find(i)]
            mention_names.extend((raw, eid, n.person) for raw in n.surfaces)
    return EntityTable(entities=entities, speakers=speakers, mentions=MentionIndex(mention_names),
                       resolver_calls=calls[0])
