"""Places on the Earth: the one great-circle distance and the one table of old spellings
that the resolve rules and the scorers use (the gazetteer's own romanisation rules are in
``sitrep.extract._gazetteer``)."""

from __future__ import annotations

import math

__all__ = ["EARTH_RADIUS_KM", "OLD_SPELLINGS", "haversine_km"]

EARTH_RADIUS_KM = 6371.0  # the mean radius

# Russian-style (and older) romanisations of Ukrainian place names that English-language
# news used for decades, lower case, to the official KMU-2010 spelling (SCORING.md's
# transliteration variants).  Compare names after mapping these.
OLD_SPELLINGS: dict[str, str] = {
    "kiev": "kyiv",
    "kharkov": "kharkiv",
    "irpen": "irpin",
    "gostomel": "hostomel",
    "odessa": "odesa",
    "nikolaev": "mykolaiv",
    "nikolayev": "mykolaiv",
    "zaporozhye": "zaporizhzhia",
    "zaporizhia": "zaporizhzhia",
    "dnepr": "dnipro",
    "lvov": "lviv",
    "chernigov": "chernihiv",
    "lugansk": "luhansk",
    "rovno": "rivne",
}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
