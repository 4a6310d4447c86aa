"""Reading Ukrainian and Russian news: places, counts, dates and claimants from Cyrillic text.

One reader serves both languages; every word it knows comes from the language's
vocabulary (:mod:`sitrep.lang`).  It yields the same values as the English grammar
modules (:class:`~sitrep.model.PlaceMention`, :class:`~sitrep.model.Report`), so grouping,
resolution and output are shared, and evidence offsets point into the original text.
"""
