"""Figure conflicts: different values for the same counted quantity of the same event.

Why this shape: a reader wants "deaths on 9 February 2013: 6 (NCRI), 7 (Mazda Parsi, NYT), 8 (the
MEK's site)", every value kept with its sources and nothing averaged. Claims are grouped by (event
day, what is counted) — the day comes from ``events.event_days`` so undated or differently dated
figures never meet. A group is a conflict only when two of its figures cannot both hold (figures
with "about", "more than", "dozens" are intervals, see ``figures``) and they come from different
sources (article + speaker); one source updating itself is not a dispute. Culprit and
assertion-vs-denial conflicts live in ``disputes``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from summarizer.merge.events import event_label
from summarizer.merge.features import ClaimFeatures
from summarizer.merge.figures import display, group_compatible, interval
from summarizer.models.merge import ClaimRef, Conflict, ConflictKind, ConflictValue


@dataclass(frozen=True, slots=True)
class ConflictContext:
    """What every conflict finder needs, built once per merge."""

    features: list[ClaimFeatures]
    refs: list[ClaimRef]
    cluster_of: list[int]  # claim index → cluster index
    cluster_ids: list[str]  # cluster index → cluster id
    days: list[str | None]  # claim index → event day
    names: dict[str, str]  # entity id → canonical name

    def source(self, i: int) -> tuple[str, str]:
        f = self.features[i]
        return f.doc_id, f.speaker or f.claim.speaker.name

    def conflict(
        self, members: list[int], what: str, day: str, kind: ConflictKind, values: list[ConflictValue]
    ) -> Conflict:
        """A conflict over ``members``: its clusters, and "what — event label, day" as its title."""
        main, all_ids = self.clusters_for(members)
        label = event_label([self.features[i].claim.text for i in members])
        return Conflict(
            id="",
            about=f"{what} — {label}, {readable_day(day)}",
            kind=kind,
            cluster_id=main,
            cluster_ids=all_ids,
            values=values,
        )

    def clusters_for(self, members: list[int]) -> tuple[str | None, list[str]]:
        counts = Counter(self.cluster_of[i] for i in members)
        ordered = [self.cluster_ids[c] for c, _ in counts.most_common()]
        return (ordered[0] if ordered else None), sorted(set(ordered), key=ordered.index)


def readable_day(day: str) -> str:
    """ISO day with an unknown year ("XXXX-02-09") shown as "02-09"."""
    return day.replace("XXXX-", "")


def number_conflicts(ctx: ConflictContext) -> list[Conflict]:
    groups: dict[tuple[str, str], list[tuple[int, float, str | None]]] = {}
    for f in ctx.features:
        day = ctx.days[f.idx]
        if day is None:
            continue
        seen: set[tuple[str, float, str | None]] = set()
        for kind, value, qual in f.numbers:
            if (kind, value, qual) not in seen:
                seen.add((kind, value, qual))
                groups.setdefault((day, kind), []).append((f.idx, value, qual))
    out: list[Conflict] = []
    for (day, kind), items in sorted(groups.items()):
        if len({i for i, _, _ in items}) < 2 or not _disputed(ctx, items):
            continue
        figures = [(value, qual) for _, value, qual in items]
        values: list[ConflictValue] = []
        for side in group_compatible(figures):
            shown = list(dict.fromkeys(display(*figures[k]) for k in side))
            members = list(dict.fromkeys(items[k][0] for k in side))
            values.append(ConflictValue(value=" / ".join(shown), members=[ctx.refs[i] for i in members]))
        if len(values) < 2:
            continue
        out.append(ctx.conflict([i for i, _, _ in items], kind, day, ConflictKind.number, values))
    return out


def _disputed(ctx: ConflictContext, items: list[tuple[int, float, str | None]]) -> bool:
    """Two figures that cannot both hold, stated by different sources.

    On a line, intervals fail to share a point exactly when the largest lower bound exceeds the
    smallest upper bound, so checking each source's extreme bounds is linear, not pairwise.
    """
    lows: dict[tuple[str, str], float] = {}
    highs: dict[tuple[str, str], float] = {}
    for i, v, q in items:
        lo, hi = interval(v, q)
        src = ctx.source(i)
        lows[src] = max(lows.get(src, lo), lo)
        highs[src] = min(highs.get(src, hi), hi)
    top = sorted(lows.items(), key=lambda kv: -kv[1])[:2]
    bottom = sorted(highs.items(), key=lambda kv: kv[1])[:2]
    return any(sa != sb and lo > hi for sa, lo in top for sb, hi in bottom)
