"""clean: sentences, boilerplate and repeats, as pure stages over a ``Document``."""

from sitrep.clean.boilerplate import boilerplate_lines, flag_boilerplate
from sitrep.clean.repeats import flag_repeats, repeat_pairs
from sitrep.clean.sentences import split_sentences

__all__ = [
    "boilerplate_lines",
    "flag_boilerplate",
    "flag_repeats",
    "repeat_pairs",
    "split_sentences",
]
