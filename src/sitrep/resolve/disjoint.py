"""Disjoint sets (union-find) over string keys, keeping each set's members."""

from __future__ import annotations

__all__ = ["DisjointSets"]


class DisjointSets:
    """Union-find with path halving; ``members(root)`` lists a set in insertion order."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._parent

    def add(self, key: str) -> None:
        """Add ``key`` as a set of its own (no-op when present)."""
        if key not in self._parent:
            self._parent[key] = key
            self._members[key] = [key]

    def find(self, key: str) -> str:
        parent = self._parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: str, b: str) -> str:
        """Merge the sets of ``a`` and ``b``; returns the root (the larger set's)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra].extend(self._members.pop(rb))
        return ra

    def members(self, root: str) -> list[str]:
        return self._members[root]

    def roots(self) -> list[str]:
        return list(self._members)
