"""A small array-backed union-find (disjoint sets).

Why: both alias resolution and claim clustering join items by pairwise evidence and need the
transitive closure in near-linear time; an object per node would cost too much memory at 100k
claims. Instances are local to one merge call, never module-global.
"""

from __future__ import annotations


class UnionFind:
    __slots__ = ("parent", "size")

    def __init__(self, n: int = 0) -> None:
        self.parent: list[int] = list(range(n))
        self.size: list[int] = [1] * n

    def add(self) -> int:
        """A new singleton set; returns its index."""
        self.parent.append(len(self.parent))
        self.size.append(1)
        return len(self.parent) - 1

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> int:
        """Join the sets of ``a`` and ``b``; returns the new root."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        return ra

    def groups(self) -> dict[int, list[int]]:
        """Root → members, members in index order."""
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return out
