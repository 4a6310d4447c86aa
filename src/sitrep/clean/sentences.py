"""Split an article into paragraphs and sentences, with offsets into the raw text.

The title line (when the article has one) is sentence 0 with ``is_title``.
The body, from ``Article.body_start``, is cut into paragraphs at line breaks
(or at blank lines only, when the text is hard-wrapped), each paragraph at
glued sentence ends (``difference.More``), and each piece into sentences by
``nupunkt``.  ``Sentence.text`` is the normalised text with spaces inserted
where words were glued (see :mod:`sitrep.clean.glue`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import replace

import nupunkt

from sitrep.clean.glue import sentence_glue_points, word_glue_points
from sitrep.clean.normalise import is_blank, normalise_chars
from sitrep.config import Settings
from sitrep.lang import cyrillic_abbreviations
from sitrep.model import Document, Sentence, Span

__all__ = ["line_starts", "paragraph_spans", "split_sentences"]

_LINE = re.compile(r"[^\n]*\n|[^\n]+$")
_TERMINAL = tuple(".!?:;\"')”’")

# Hard-wrapped text has no line longer than the wrap width, and most of its
# lines run on without sentence punctuation.  Set by hand: 100 columns covers
# the usual 72-80 wraps; the seeds (one paragraph per line) have longer lines.
_WRAP_WIDTH = 100
_WRAPPED_SHARE = 0.5


def line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` starts (line 1 at index 0)."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _lines(text: str, start: int) -> list[Span]:
    """Spans of the lines of ``text`` from ``start``, without their newline."""
    return [
        Span(m.start(), m.end() - m.group().endswith("\n")) for m in _LINE.finditer(text, start)
    ]


def _blocks(text: str, lines: list[Span]) -> list[list[Span]]:
    blocks: list[list[Span]] = [[]]
    for line in lines:
        if is_blank(text[line.start : line.end]):
            blocks.append([])
        else:
            blocks[-1].append(line)
    return [block for block in blocks if block]


def _is_hard_wrapped(text: str, blocks: list[list[Span]]) -> bool:
    lines = [line for block in blocks for line in block]
    if not lines or max(line.end - line.start for line in lines) > _WRAP_WIDTH:
        return False
    run_on = sum(
        1
        for block in blocks
        for line in block[:-1]
        if not text[line.start : line.end].rstrip().endswith(_TERMINAL)
    )
    return run_on >= 3 and run_on / len(lines) > _WRAPPED_SHARE


def paragraph_spans(text: str, start: int) -> list[Span]:
    """Paragraphs of ``text`` from ``start``: lines, or blank-line blocks if hard-wrapped."""
    blocks = _blocks(text, _lines(text, start))
    if _is_hard_wrapped(text, blocks):
        return [Span(block[0].start, block[-1].end) for block in blocks]
    return [line for block in blocks for line in block]


def _strip(norm: str, start: int, end: int) -> Span | None:
    piece = norm[start:end]
    left = len(piece) - len(piece.lstrip())
    right = len(piece.rstrip())
    if right <= left:
        return None
    return Span(start + left, start + right)


def _sentence_spans(norm: str, para: Span) -> Iterator[Span]:
    cuts = [para.start, *sentence_glue_points(norm, para.start, para.end), para.end]
    for seg_start, seg_end in itertools.pairwise(cuts):
        pending: Span | None = None
        for x, y in nupunkt.sent_spans(norm[seg_start:seg_end]):
            span = _strip(norm, seg_start + x, seg_start + y)
            if span is None:
                continue
            if pending is not None:
                span = Span(pending.start, span.end)
            if _ends_with_abbreviation(norm[span.start : span.end]):
                pending = span
                continue
            pending = None
            yield span
        if pending is not None:
            yield pending


_LAST_WORD = re.compile(r"(?:^|[\s(])([а-яіїєґё][а-яіїєґё.-]{0,5})\.$", re.I)


def _ends_with_abbreviation(text: str) -> bool:
    """Whether a piece ends in a Ukrainian or Russian abbreviation ("вул.", "м.", "тис."),
    where a splitter trained on English cuts a sentence in two."""
    m = _LAST_WORD.search(text)
    return m is not None and m.group(1).lower() in cyrillic_abbreviations()


def _cleaned(norm: str, span: Span, points: list[int]) -> tuple[str, tuple[int, ...]]:
    """Normalised text of ``span`` with a space inserted before each raw offset in ``points``."""
    pieces: list[str] = []
    inserts: list[int] = []
    last = span.start
    for k, point in enumerate(points):
        pieces.append(norm[last:point])
        inserts.append(point - span.start + k)
        pieces.append(" ")
        last = point
    pieces.append(norm[last : span.end])
    return "".join(pieces), tuple(inserts)


def _make_sentence(
    raw: str, norm: str, span: Span, index: int, paragraph: int, starts: list[int], is_title: bool
) -> Sentence:
    text, inserts = _cleaned(norm, span, word_glue_points(raw, norm, span.start, span.end))
    return Sentence(
        index=index,
        start=span.start,
        end=span.end,
        text=text,
        line=bisect.bisect_right(starts, span.start),
        paragraph=paragraph,
        inserts=inserts,
        is_title=is_title,
    )


def _title_span(doc: Document, norm: str) -> Span | None:
    article = doc.article
    if article.title is None or article.body_start == 0:
        return None
    for line in _lines(article.text[: article.body_start], 0):
        span = _strip(norm, line.start, line.end)
        if span is not None:
            return span
    return None


def split_sentences(doc: Document, settings: Settings) -> Document:
    """``doc`` with ``sentences`` filled: the title, then every body sentence in order."""
    raw = doc.article.text
    norm = normalise_chars(raw)
    starts = line_starts(raw)
    sentences: list[Sentence] = []
    title = _title_span(doc, norm)
    if title is not None:
        sentences.append(_make_sentence(raw, norm, title, 0, 0, starts, is_title=True))
    first_paragraph = len(sentences)
    for number, para in enumerate(paragraph_spans(raw, doc.article.body_start), first_paragraph):
        for span in _sentence_spans(norm, para):
            sentences.append(
                _make_sentence(raw, norm, span, len(sentences), number, starts, is_title=False)
            )
    return replace(doc, sentences=tuple(sentences))
