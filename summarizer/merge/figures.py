"""What a stated figure allows: "about 100" is 90–110, "more than 100" is 100 or more.

Why: "100 injured", "about one hundred wounded" and "more than 100 injured" agree, while "six
killed", "7 dead" and "eight deaths" do not. Both clustering (never join incompatible figures unless
they concern the same day) and conflict detection (report figures that cannot all be true) need the
same notion of compatibility, so it lives here.
"""

from __future__ import annotations

import math

Interval = tuple[float, float]

_APPROX = {
    "about": 0.1,
    "around": 0.1,
    "roughly": 0.1,
    "approximately": 0.1,
    "some": 0.2,
    "nearly": 0.1,
    "almost": 0.1,
    "estimated": 0.15,
}
_AT_LEAST = {"more than", "over", "at least", "several", "hundreds", "thousands", "many"}
_RANGES = {"dozens": (24.0, 99.0)}  # "dozens injured" is fewer than "100 injured"
_AT_MOST = {"up to", "as many as", "fewer than", "less than", "under"}


def interval(value: float, qualifier: str | None) -> Interval:
    q = (qualifier or "").strip().lower()
    if q in _RANGES:
        return _RANGES[q]
    if q in _APPROX:
        lo = value * (1 - _APPROX[q])
        hi = value if q in {"nearly", "almost"} else value * (1 + _APPROX[q])
        return lo, hi
    if q in _AT_LEAST:
        return value, math.inf
    if q in _AT_MOST:
        return 0.0, value
    return value, value


def overlaps(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def display(value: float, qualifier: str | None) -> str:
    number = f"{value:,.0f}" if value == int(value) else f"{value:g}"
    q = (qualifier or "").strip().lower()
    return f"{q} {number}" if q and q != "dozens" else ("dozens" if q == "dozens" else number)


def relation(
    a: tuple[tuple[str, float, str | None], ...], b: tuple[tuple[str, float, str | None], ...]
) -> tuple[bool, bool]:
    """(agree, clash): some shared kind of figure agrees / some shared kind has no compatible pair."""
    agree = clash = False
    kinds = {k for k, _, _ in a} & {k for k, _, _ in b}
    for kind in kinds:
        ia = [interval(v, q) for k, v, q in a if k == kind]
        ib = [interval(v, q) for k, v, q in b if k == kind]
        if any(overlaps(x, y) for x in ia for y in ib):
            agree = True
        else:
            clash = True
    return agree, clash


def _near(a: float, b: float, ratio: float = 2.0) -> bool:
    """Two figures within ``ratio`` of each other."""
    return min(abs(a), abs(b)) * ratio >= max(abs(a), abs(b))


def group_compatible(items: list[tuple[float, str | None]]) -> list[list[int]]:
    """Indexes of ``items`` (value, qualifier) grouped into sides that can all be true together.

    Exact figures anchor the sides (6, 7 and 8 stay apart), then approximate ones ("about 100"
    joins 100, or anchors its own side); open or ranged figures ("more than 100", "dozens") join the
    nearest side whose anchor figure they admit; a figure that admits no anchor starts its own side,
    which another open figure joins only when the two are within a factor of two.
    """
    sides: list[tuple[Interval, float, list[int]]] = []

    opened: set[int] = set()  # sides anchored by an open figure

    def attach(i: int) -> bool:
        value, qual = items[i]
        iv = interval(value, qual)
        fits = [
            k
            for k, (side, anchor, _) in enumerate(sides)
            if overlaps(iv, side)
            and iv[0] <= anchor <= iv[1]
            and (not qual or _near(anchor, value, 2.0 if k in opened else 3.0))
        ]
        if not fits:
            return False
        k = min(fits, key=lambda k: abs(sides[k][1] - value))
        side, anchor, members = sides[k]
        sides[k] = ((max(side[0], iv[0]), min(side[1], iv[1])), anchor, [*members, i])
        return True

    exact = sorted((i for i, (_, q) in enumerate(items) if not q), key=lambda i: items[i][0])
    for i in exact:
        if not (sides and sides[-1][1] == items[i][0] and attach(i)):
            sides.append(((items[i][0], items[i][0]), items[i][0], [i]))
    approx = [i for i, (_, q) in enumerate(items) if q and (q.strip().lower() in _APPROX)]
    for i in approx:
        if not attach(i):
            sides.append((interval(*items[i]), items[i][0], [i]))
    rest = [i for i, (_, q) in enumerate(items) if q and q.strip().lower() not in _APPROX]
    for i in sorted(rest, key=lambda i: interval(*items[i])):
        if not attach(i):  # two open figures far apart ("$100,000 or more", "up to $1 million") are no side
            opened.add(len(sides))
            sides.append((interval(*items[i]), items[i][0], [i]))
    return [sorted(m) for _, _, m in sorted(sides, key=lambda s: s[1])]
