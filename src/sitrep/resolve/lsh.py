"""MinHash LSH with one-row bands: which indexed articles agree with a signature in k places.

Every signature place is a band of one row, so two articles are candidates
when their MinHash signatures agree in at least ``k`` places (a pair at
Jaccard J agrees in Binomial(places, J) of them).  ``k`` comes from the LSH
threshold: the largest that a pair at the threshold still reaches with
probability ``RECALL`` (see :func:`min_agreement`).

``datasketch.MinHashLSH`` holds a Python set per bucket per band: about
2 GB for 100,000 articles, and a query that unions Python sets of a few
thousand candidates.  Here the (place, value) keys live in sorted NumPy runs
(merged as they grow, like a binomial heap, so there are O(log n) of them)
plus one small block of recent signatures compared directly: 12 bytes per
place per article, and a query is a few ``searchsorted`` calls per run.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = [
    "BLOCK",
    "QUERY_SLICE",
    "RECALL",
    "Run",
    "SignatureIndex",
    "agreeing_pairs",
    "merge_runs",
    "min_agreement",
]

#: Sorted (place, value) keys and the row of each.
Run = tuple[np.ndarray, np.ndarray]

# The chance that a pair exactly at the LSH threshold becomes a candidate.
RECALL = 0.95
# Signatures held unsorted before they become a run (a query compares them all).
BLOCK = 1024


def min_agreement(threshold: float, places: int) -> int:
    """The largest ``k`` with P(Binomial(places, threshold) >= k) >= ``RECALL`` (at least 1).

    For 128 places: 3 at threshold 0.05, 7 at 0.1, 55 at 0.5.
    """
    below = 0.0  # P(X < k)
    for k in range(places + 1):
        if 1.0 - below < RECALL:
            return max(1, k - 1)
        below += math.comb(places, k) * threshold**k * (1 - threshold) ** (places - k)
    return places


def merge_runs(a: Run, b: Run) -> Run:
    """One run holding the keys of both."""
    keys = np.concatenate([a[0], b[0]])
    rows = np.concatenate([a[1], b[1]])
    order = np.argsort(keys, kind="stable")  # two sorted runs: timsort merges them in O(n)
    return keys[order], rows[order]


class SignatureIndex:
    """Rows (ints) by MinHash signature (``places`` uint32 values); ``agreeing`` finds candidates."""

    def __init__(self, places: int, minimum: int, block: int = BLOCK) -> None:
        self.minimum = minimum
        self._places = np.arange(places, dtype=np.uint64) << np.uint64(32)
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted keys, their rows)
        self._block = np.zeros((block, places), dtype=np.uint32)
        self._block_rows = np.zeros(block, dtype=np.int64)
        self._held = 0

    def add(self, row: int, values: np.ndarray) -> None:
        """Index ``row`` under its signature ``values``."""
        self._block[self._held] = values
        self._block_rows[self._held] = row
        self._held += 1
        if self._held == len(self._block_rows):
            self._flush()

    def add_many(self, rows: np.ndarray, values: np.ndarray) -> None:
        """Index ``rows`` under their signatures (``values``: one row of ``places`` each) at once."""
        if len(rows):
            self.add_run(self.run(rows, values))

    def run(self, rows: np.ndarray, values: np.ndarray) -> Run:
        """The sorted run of ``rows`` under their signatures (``values``), not yet indexed."""
        keys = self._keys(values).ravel()
        order = np.argsort(keys, kind="stable")
        return keys[order], np.repeat(rows.astype(np.int64), len(self._places))[order]

    def add_run(self, run: Run) -> None:
        """Index a run made by :meth:`run` (or kept from one); runs merge as they grow."""
        self._runs.append(run)
        self._settle()

    def _keys(self, values: np.ndarray) -> np.ndarray:
        return self._places | values.astype(np.uint64)

    def _flush(self) -> None:
        held = self._held
        keys = self._keys(self._block[:held]).ravel()
        rows = np.repeat(self._block_rows[:held], len(self._places))
        order = np.argsort(keys, kind="stable")
        self._runs.append((keys[order], rows[order]))
        self._held = 0
        self._settle()

    def _settle(self) -> None:
        """Merge runs until each is more than twice the size of the next."""
        while len(self._runs) > 1 and len(self._runs[-2][0]) <= 2 * len(self._runs[-1][0]):
            last = self._runs.pop()
            self._runs.append(merge_runs(self._runs.pop(), last))

    def agreeing(self, values: np.ndarray) -> np.ndarray:
        """Rows whose signatures agree with ``values`` in at least ``minimum`` places."""
        # A row's keys all sit in one run (or in the block), so each is counted on its own.
        query = self._keys(values)
        found = [self._agreeing_in(keys, rows, query) for keys, rows in self._runs]
        held = self._block[: self._held]
        agree = np.count_nonzero(held == values, axis=1)
        found.append(self._block_rows[: self._held][agree >= self.minimum])
        return np.concatenate(found)

    def _agreeing_in(self, keys: np.ndarray, rows: np.ndarray, query: np.ndarray) -> np.ndarray:
        low = np.searchsorted(keys, query)
        present = keys[np.minimum(low, len(keys) - 1)] == query
        if np.count_nonzero(present) < self.minimum:  # too few places hold any row
            return rows[:0]
        low = low[present]
        sizes = np.searchsorted(keys, query[present], "right") - low
        ends = np.cumsum(sizes)
        hits = rows[np.repeat(low - (ends - sizes), sizes) + np.arange(int(ends[-1]))]
        unique, counts = np.unique(hits, return_counts=True)
        return unique[counts >= self.minimum]


# Low bits of a value that index the membership table of ``agreeing_pairs``: 2**20 flags
# (1 MB, held in cache) leave about one stored value in a thousand to check exactly per
# thousand queries.
_TABLE_BITS = 20


# Queries compared with stored signatures at once: their agreement counts are one uint8
# matrix of QUERY_SLICE x stored rows (32 MiB against a run of 65,536), whatever the number
# of pairs.  All of a 5,000-article chunk at once made 1.35 GiB of (query, row) pairs on
# 20,000 synthetic articles, whose template phrases give many articles one value at a place.
QUERY_SLICE = 512


def agreeing_pairs(
    queries: np.ndarray, columns: np.ndarray, minimum: int
) -> tuple[np.ndarray, np.ndarray]:
    """Every (query, row) whose signatures agree in at least ``minimum`` places.

    ``queries`` holds one signature a row (m x places); ``columns`` the stored signatures
    one place a row (places x n), so each place is read as one contiguous array.  Returns
    the query and row numbers, sorted by query, then row.  Nothing is sorted or kept per
    stored row: a scan needs no index in memory beyond the arrays themselves.
    """
    found_q = [np.zeros(0, dtype=np.int64)]
    found_r = [np.zeros(0, dtype=np.int64)]
    if columns.shape[1]:
        for start in range(0, len(queries), QUERY_SLICE):
            q, r = _agreeing_slice(queries[start : start + QUERY_SLICE], columns, minimum)
            found_q.append(q + start)
            found_r.append(r)
    return np.concatenate(found_q), np.concatenate(found_r)


def _agreeing_slice(
    queries: np.ndarray, columns: np.ndarray, minimum: int
) -> tuple[np.ndarray, np.ndarray]:
    counts = np.zeros((len(queries), columns.shape[1]), dtype=np.uint8)  # places <= 255
    table = np.zeros(1 << _TABLE_BITS, dtype=bool)
    mask = np.uint32((1 << _TABLE_BITS) - 1)
    for place, column in enumerate(columns):
        values = queries[:, place]
        table[values & mask] = True
        maybe = np.flatnonzero(table[column & mask])
        table[values & mask] = False
        if len(maybe):
            q, r = _equal_values(values, column[maybe])
            counts[q, maybe[r]] += 1  # a (query, row) pair once per place: no repeats
    q, r = np.nonzero(counts >= minimum)
    return q.astype(np.int64), r.astype(np.int64)


def _equal_values(values: np.ndarray, stored: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (i, j) with ``values[i] == stored[j]``."""
    order = np.argsort(values, kind="stable")
    ranked = values[order]
    low = np.searchsorted(ranked, stored, "left")
    sizes = np.searchsorted(ranked, stored, "right") - low
    j = np.repeat(np.arange(len(stored)), sizes)
    ends = np.cumsum(sizes)
    i = order[np.repeat(low - (ends - sizes), sizes) + np.arange(int(ends[-1]) if len(ends) else 0)]
    return i.astype(np.int64), j.astype(np.int64)
