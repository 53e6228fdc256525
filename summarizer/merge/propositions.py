"""Propositions several outlets report in different words: the same event on the same day, the same
figure for the same thing. They become clusters of their own, beside the lexical ones.

Why beside and not instead: the lexical clusters join restatements ("six were killed" ~ "six
people died"); outlets that tell one event in their own words ("the February 9 shelling of Camp
Liberty" / "the February 9th mortar attack on the TTL") share no wording but share what they are
about — a day and a place, or a figure and what it counts. A claim may then sit in more than one
cluster, as the gold allows (one claim states the attack, its toll and its culprit).

Both groupings are keyed (no pairs), so they stay linear in the number of claims. A group that
mostly repeats a lexical cluster and adds claims to it extends that cluster (``ClusterHoldings``).
"""

from __future__ import annotations

from summarizer.merge.disputes import CULPRIT_HINT, culprits_in, negative
from summarizer.merge.features import ClaimFeatures
from summarizer.merge.figures import group_compatible
from summarizer.merge.mentions import MentionIndex
from summarizer.merge.normalize import is_full_date

# Figures about an event are compared on its day; figures about a state of things (how many live
# in a camp) on what they are about (its entities), since articles write them on different days.
EVENT_COUNTS = frozenset({"deaths", "injured", "hostages", "missiles", "arrests"})
MIN_SOURCES = 2


def _sources(features: list[ClaimFeatures], members: list[int]) -> int:
    return len({features[i].doc_id for i in members})


def _day_keys(days: list[str | None]) -> list[str | None]:
    """Each claim's day as a key: a full day, or a day written without its year ("February 9") read
    as the one full day of the corpus with that month and day, when there is exactly one."""
    full_of: dict[str, set[str]] = {}
    for d in days:
        if d and is_full_date(d):
            full_of.setdefault(d[5:], set()).add(d)
    out: list[str | None] = []
    for d in days:
        if d and not is_full_date(d) and len(d) == 10 and len(full_of.get(d[5:], ())) == 1:
            d = next(iter(full_of[d[5:]]))
        out.append(d if d and is_full_date(d) else None)
    return out


def event_groups(features: list[ClaimFeatures], days: list[str | None]) -> list[list[int]]:
    """The event of a day, told by several articles: the event claims of that day that name the
    entity most articles name for it ("Camp Liberty" on 2013-02-09), one proposition per day."""
    keys = _day_keys(days)
    by_day: dict[str, list[int]] = {}
    for f in features:
        if f.event and keys[f.idx] is not None:
            by_day.setdefault(keys[f.idx] or "", []).append(f.idx)
    groups: list[list[int]] = []
    for members in by_day.values():
        docs_naming: dict[str, set[str]] = {}
        for i in members:
            for entity in features[i].entities:
                docs_naming.setdefault(entity, set()).add(features[i].doc_id)
        if not docs_naming:
            continue
        entity, docs = max(docs_naming.items(), key=lambda kv: (len(kv[1]), kv[0]))
        if len(docs) >= MIN_SOURCES:
            groups.append([i for i in members if entity in features[i].entities])
    return _distinct(features, groups)


def figure_groups(features: list[ClaimFeatures], days: list[str | None]) -> list[list[int]]:
    """Claims of several articles that give compatible figures for the same count: "3,100 refugees"
    and "home to 3100 Iranian refugees"; "100 injured", "about one hundred wounded", "more than 100"."""
    day_keys = _day_keys(days)
    by_key: dict[tuple[str, str], list[tuple[int, float, str | None]]] = {}
    for f in features:
        for counts, value, qual in dict.fromkeys(f.numbers):
            if counts in EVENT_COUNTS:
                day = day_keys[f.idx]
                keys = [day] if day else []
            else:
                keys = sorted(f.entities)
            for key in keys:
                by_key.setdefault((counts, key), []).append((f.idx, value, qual))
    groups: list[list[int]] = []
    for items in by_key.values():
        if len({features[i].doc_id for i, _, _ in items}) < MIN_SOURCES:
            continue
        for side in group_compatible([(value, qual) for _, value, qual in items]):
            groups.append(list(dict.fromkeys(items[k][0] for k in side)))
    return _distinct(features, groups)


def blame_groups(features: list[ClaimFeatures], days: list[str | None], mentions: MentionIndex) -> list[list[int]]:
    """Claims of several articles that blame the same actor for the event of one day ("ordered by
    Ali Khamenei", "Khamenei had ordered the attack", "the operation was ordered by the Supreme
    Leader"): one proposition per day and actor, whoever states it. A negative claim blames no one."""
    keys = _day_keys(days)
    by_key: dict[tuple[str, str], list[int]] = {}
    for f in features:
        day = keys[f.idx]
        if day is None or not f.entities or negative(f) or not CULPRIT_HINT.search(f.claim.text):
            continue
        _, blamed = culprits_in(f.claim.text, mentions)
        for entity in blamed - {f.speaker}:
            by_key.setdefault((day, entity), []).append(f.idx)
    return _distinct(features, list(by_key.values()))


def _distinct(features: list[ClaimFeatures], groups: list[list[int]]) -> list[list[int]]:
    """Groups from several articles, each set of claims once, largest first."""
    seen: set[frozenset[int]] = set()
    out: list[list[int]] = []
    for members in sorted(groups, key=lambda m: (-len(m), m)):
        key = frozenset(members)
        if _sources(features, members) < MIN_SOURCES or key in seen:
            continue
        seen.add(key)
        out.append(sorted(members))
    return out


class ClusterHoldings:
    """Which lexical clusters of several claims hold each claim, so that a proposition group found by
    other means (a day, a figure, a culprit) that mostly repeats one extends it instead of doubling
    it: two clusters with the same claims say one thing twice, to the reader and to B-cubed. Groups
    of other means stay apart from each other: the attack of a day and who ordered it are two
    propositions of mostly the same claims."""

    SHARE = 2 / 3  # of the cluster's claims, and at least two

    def __init__(self, clusters: dict[int, set[int]]) -> None:
        self.members = clusters
        self.of: dict[int, set[int]] = {}
        for n, m in clusters.items():
            for i in m:
                self.of.setdefault(i, set()).add(n)

    def host(self, members: list[int]) -> int | None:
        """The cluster a group should extend, if any: the one it shares most claims with."""
        counts: dict[int, int] = {}
        for i in members:
            for n in self.of.get(i, ()):
                counts[n] = counts.get(n, 0) + 1
        # the cluster mostly inside the group, and the group adding claims to it: a group inside a
        # cluster is a narrower proposition of its own ("who ordered the attack" within "the attack")
        fits = [
            (shared, -n)
            for n, shared in counts.items()
            if shared >= 2 and shared >= self.SHARE * len(self.members[n]) and shared < len(members)
        ]
        return -max(fits)[1] if fits else None

    def extend(self, n: int, members: list[int]) -> list[int]:
        """Cluster ``n`` with ``members`` added; its claims, sorted."""
        self.members[n] |= set(members)
        for i in members:
            self.of.setdefault(i, set()).add(n)
        return sorted(self.members[n])
