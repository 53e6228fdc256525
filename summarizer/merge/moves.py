"""Moves of people between places, and the years the articles give them.

Why: a displacement is one of the events a contested story turns on ("the residents were moved
from Camp Ashraf to Camp Liberty"), and outlets tell it in words that share little: "moved the MEK
to Camp Liberty", "had been transferred to Camp Liberty", "almost completely evacuated Camp
Ashraf". What they share is where the move went to or came from, so a claim's move is read as its
endpoints (``to`` / ``from`` a named place), and the claims whose endpoints connect, through a claim
that names both ("residents at Camp Ashraf moved to Camp Liberty"), tell one move. When several
articles date that move to different years (2011, and "last year" in an article of 2013), the
year is disputed: each year is kept with the claims that give it.

Keyed by endpoint (no pairs), so the grouping stays linear in the number of claims.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from summarizer.merge.unionfind import UnionFind
from summarizer.models.merge import Conflict, ConflictKind, ConflictValue
from summarizer.text.words import word_set

# A verb or noun of moving people; the evacuation words name the place left right after them.
MOVE_WORDS = word_set("""move moved moving relocate relocated relocating relocation transfer transferred
    transferring evacuate evacuated evacuating evacuation return returned returning""")
LEAVE_WORDS = word_set("evacuate evacuated evacuating evacuation leave left leaving")
WINDOW = 8  # tokens after the move word in which its "to X" / "from X" stand
_SKIP = word_set("the a an its their his her this that back")
_PERSONAL = word_set("he she i")
_FAMILY = word_set("his her my our")  # "his parents moved to …", "her family moved …": one household

if TYPE_CHECKING:  # conflicts imports features, which imports this module
    from summarizer.merge.conflicts import ConflictContext

Endpoint = tuple[str, str]  # ("to" | "from", entity id)


def _entity_after(tokens: Sequence[str], k: int) -> str | None:
    """The entity that ``tokens[k]`` introduces: the next token after articles, if it is a mention."""
    j = k + 1
    while j < len(tokens) and j <= k + 3 and tokens[j] in _SKIP:
        j += 1
    return tokens[j][1:] if j < len(tokens) and tokens[j].startswith("@") else None


def _mover(tokens: Sequence[str], k: int) -> str | None:
    """Who moves at the move word ``k``: its object when it names one ("the government moved the @e1
    to …": e1; not after a leave word, whose object is the place left), else the nearest mention
    before it that no preposition places ("the @e1 residents at @e2 moved": e1), or a personal
    pronoun as written ("he"); None if unnamed."""
    if tokens[k] in MOVE_WORDS and tokens[k] not in LEAVE_WORDS:
        moved = _entity_after(tokens, k)
        if moved:
            return moved
    for j in range(k - 1, max(-1, k - 7), -1):
        tok = tokens[j]
        if tok in _PERSONAL:
            return tok
        if tok in _FAMILY and j >= k - 3:
            return "he"  # a household's move is one person's biography too
        if tok.startswith("@") and (j == 0 or tokens[j - 1] not in ("at", "from", "to", "in", "of")):
            return tok[1:]
    return None


def movers(tokens: Sequence[str], ends: frozenset[Endpoint]) -> frozenset[str]:
    """The named mover of a claim's first move (an entity id; tokens carry no punctuation, so a later
    move word's neighbours may belong to another clause), never one of its places (``ends``): two
    moves by different movers are two."""
    k = next((k for k, tok in enumerate(tokens) if tok in MOVE_WORDS or tok in LEAVE_WORDS), None)
    who = _mover(tokens, k) if k is not None else None
    places = {e for _, e in ends}
    return frozenset({who}) if who and who not in _PERSONAL and who not in places else frozenset()


def endpoints(tokens: Sequence[str], persons: frozenset[str] = frozenset()) -> frozenset[Endpoint]:
    """Where the moves of a claim go to and come from, read off its annotated tokens (mentions as
    ``@<entity id>``): "to / into X", "from X", "evacuated X", and "at X" just before the move word
    ("the residents at Camp Ashraf moved to …"). A move to or from a place no mention names ("to
    this camp") gives nothing, nor does one person's move (``persons``: the ids of person entities)."""
    found: set[Endpoint] = set()
    for k, tok in enumerate(tokens):
        if tok not in MOVE_WORDS and tok not in LEAVE_WORDS:
            continue
        who = _mover(tokens, k)
        if who in _PERSONAL or who in persons:  # "Sanders moved to Vermont in 1968": a biography
            continue
        if tok in LEAVE_WORDS:
            left = _entity_after(tokens, k)
            if left:
                found.add(("from", left))
            if tok not in MOVE_WORDS:
                continue
        for j in range(max(0, k - 4), k):
            if tokens[j] == "at" and (at := _entity_after(tokens, j)):
                found.add(("from", at))
        for j in range(k + 1, min(len(tokens), k + 1 + WINDOW)):
            if tokens[j] in ("to", "into", "from") and (place := _entity_after(tokens, j)):
                found.add(("from" if tokens[j] == "from" else "to", place))
    return frozenset(found)


def move_groups(moves: Sequence[frozenset[Endpoint]], doc_ids: Sequence[str]) -> list[list[int]]:
    """Claims (by index) that tell one move, from at least two articles: the claims whose endpoints
    connect, a claim naming both ends joining them."""
    keys: dict[Endpoint, int] = {}
    for ends in moves:
        for end in ends:
            keys.setdefault(end, len(keys))
    uf = UnionFind(len(keys))
    for ends in moves:
        ids = [keys[e] for e in ends]
        for other in ids[1:]:
            uf.union(ids[0], other)
    by_root: dict[int, list[int]] = {}
    for i, ends in enumerate(moves):
        if ends:
            by_root.setdefault(uf.find(keys[next(iter(ends))]), []).append(i)
    return [members for members in by_root.values() if len({doc_ids[i] for i in members}) >= 2]


def year_of(dates: Sequence[str]) -> str | None:
    """The one year a claim gives ("In 2011", "September 2011", "last year" resolved); None when it
    gives none or several (which of them dates the move is not known)."""
    years = {d[:4] for d in dates if d[:4].isdigit()}
    return years.pop() if len(years) == 1 else None


def move_label(moves: Sequence[frozenset[Endpoint]], members: list[int], names: dict[str, str]) -> str:
    """What a group of claims tells, in words: "the move from Camp Ashraf to Camp Liberty" (the ends
    most of its claims name)."""

    def place(role: str) -> str | None:
        counts = Counter(e for i in members for r, e in moves[i] if r == role)
        return names.get(counts.most_common(1)[0][0]) if counts else None

    origin, destination = place("from"), place("to")
    ends = " ".join(p for p in (origin and f"from {origin}", destination and f"to {destination}") if p)
    return f"the move {ends}"


def year_conflicts(ctx: ConflictContext, groups: list[tuple[list[int], str]]) -> list[Conflict]:
    """A move dated to different years by different articles: each year with the claims giving it.
    One article giving two years is no dispute of its own (it may tell two moves), nor are years
    given for the moves of different named movers, or of movers none of its claims names (two
    families that moved to one country are two moves). ``groups`` pairs each move's claims with the
    id of its cluster."""
    out: list[Conflict] = []
    moves = [f.moves for f in ctx.features]
    for members, cluster_id in groups:
        by_year: dict[str, list[int]] = {}
        for i in members:
            year = year_of(ctx.features[i].dates)
            if year:
                by_year.setdefault(year, []).append(i)
        docs = {y: {ctx.features[i].doc_id for i in ms} for y, ms in by_year.items()}
        if len(by_year) < 2 or not any(docs[a] - docs[b] and docs[b] - docs[a] for a in docs for b in docs):
            continue
        if len({m for ms in by_year.values() for i in ms for m in ctx.features[i].movers}) != 1:
            continue  # "Medtronic moved to Ireland in 2015", "Burger King … in 2014": two moves; none named: unknown
        move = move_label(moves, members, ctx.names)
        out.append(
            Conflict(
                id="",
                about=f"year of {move}: the same move, dated differently by different articles",
                kind=ConflictKind.date,
                cluster_id=cluster_id,
                cluster_ids=[cluster_id],
                values=[
                    ConflictValue(value=year, members=[ctx.refs[i] for i in ms]) for year, ms in sorted(by_year.items())
                ],
            )
        )
    return out
