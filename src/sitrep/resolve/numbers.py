"""What a stated count allows: intervals from qualifiers, summaries, spreads.

``at least 25`` allows ``[25, inf)``, ``nearly 500`` allows ``[400, 500]``.
Contradictions are found by comparing these intervals; an incident's summary
count follows ACLED's conservative convention (the highest credible lower
bound that any source states).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from sitrep.model import Number

__all__ = ["interval", "relative_gap", "spread", "summarise"]

INF = math.inf

# Vague counts without explicit bounds: "dozens" is 24-99, "hundreds" 200-999.
_VAGUE: dict[str, tuple[float, float]] = {"dozens": (24.0, 99.0), "hundreds": (200.0, 999.0)}

# Which of several numbers with the same lower bound to keep as the summary:
# the most precise statement first.
_PRECISION = {"exact": 0, "more_than": 1, "at_least": 2, "about": 3, "nearly": 4, "up_to": 5}


def interval(number: Number) -> tuple[float, float] | None:
    """The counts ``number`` allows, as a closed interval, or ``None`` if it says nothing."""
    q, v = number.qualifier, number.value
    if q in _VAGUE:
        low, high = _VAGUE[q]
        return (
            float(number.low) if number.low is not None else low,
            float(number.high) if number.high is not None else high,
        )
    if v is None:
        return None
    bounds: dict[str, tuple[float, float]] = {
        "exact": (v, v),
        "at_least": (v, INF),
        "more_than": (v, INF),  # open at v; closed here so a gap reads "2,000 vs 249 = 1,751"
        "nearly": (0.8 * v, v),
        "about": (0.9 * v, 1.1 * v),
        "up_to": (0.0, v),
    }
    return bounds.get(q)


def relative_gap(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """``(absolute, relative)`` distance between two intervals; ``(0, 0)`` if they overlap.

    The relative gap is measured against the higher interval's lower end, so
    ``more than 2,000`` vs ``249`` is ``(1751, 0.88)``.
    """
    low, high = (a, b) if a[1] < b[0] else (b, a)
    if low[1] >= high[0]:
        return (0.0, 0.0)
    absolute = high[0] - low[1]
    return (absolute, absolute / high[0])


def _lower(number: Number) -> float:
    bounds = interval(number)
    return -INF if bounds is None else bounds[0]


def summarise(numbers: Iterable[Number | None]) -> Number | None:
    """The stated number with the highest lower bound (ACLED's conservative rule).

    ``at least 121`` and ``at least 120`` give ``at least 121``; among equal
    bounds the most precise statement wins, then the first given.
    """
    stated = [n for n in numbers if n is not None and interval(n) is not None]
    if not stated:
        return None
    ranked = sorted(
        enumerate(stated), key=lambda p: (-_lower(p[1]), _PRECISION.get(p[1].qualifier, 9), p[0])
    )
    return ranked[0][1]


def spread(numbers: Iterable[Number | None]) -> tuple[int | None, int | None]:
    """``(min low, max high-or-value)`` across sources, ``(None, None)`` when none states a count."""
    stated = [n for n in numbers if n is not None]
    lows = [v for v in (n.low if n.low is not None else n.value for n in stated) if v is not None]
    highs = [
        v for v in (n.high if n.high is not None else n.value for n in stated) if v is not None
    ]
    return (min(lows) if lows else None, max(highs) if highs else None)
