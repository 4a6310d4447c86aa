"""The clause-break index answers as a scan of the span would."""

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract.reports import _CLAUSE_BREAK, _Breaks


@settings(max_examples=300)
@given(st.text(alphabet="ab .;:\n", max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_breaks_within_equals_a_scan(text: str, a: int, b: int) -> None:
    start, end = min(a, b), max(a, b)
    assert _Breaks(text).within(start, end) == bool(_CLAUSE_BREAK.search(text[start:end]))
