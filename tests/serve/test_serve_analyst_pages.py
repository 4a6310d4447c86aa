"""What an analyst reads on the pages: each source's numbers and the range, the toll series,
which value a contradiction differs on, links to the originals, a filtered and paged ledger
with downloads, and the API docs served from here."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from sitrep.export.ledger import CONTRADICTION_COLUMNS, FIGURE_COLUMNS
from sitrep.model import Figure
from sitrep.serve.fake import demo_store
from sitrep.serve.templating import excerpt, link_url


def test_incident_page_shows_the_range_and_the_toll_series(client: TestClient) -> None:
    html = client.get("/incidents/inc-kharkiv-0302").text
    assert "sources: 4–5" in html  # killed: 4 and at least 5
    assert "sources: 11–12" in html  # injured: 11 and 12
    assert "The toll over time" in html
    assert 'class="toll-series"' in html


def test_a_contradiction_names_the_value_that_differs(client: TestClient) -> None:
    html = client.get("/incidents/inc-kharkiv-0302").text
    assert 'data-differs="killed"' in html
    assert "Sources disagree on the killed" in html


def test_the_original_article_is_a_link(client: TestClient) -> None:
    html = client.get("/incidents/inc-kharkiv-0302").text
    assert '<a class="original" href="https://example.org/a1"' in html
    article = client.get("/articles/a1").text
    assert '<a class="url" href="https://example.org/a1"' in article


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        (None, None),
    ],
)
def test_only_web_addresses_become_links(url: str | None, linked: str | None) -> None:
    assert link_url(url) == linked


def test_evidence_is_never_cut_before_its_number() -> None:
    from sitrep.serve.schemas import NumberOut

    text = "x " * 150 + "officials said 2,413 civilians were killed in the region" + " y" * 100
    cut = excerpt(text, NumberOut(value=2413, qualifier="exact", low=2413, high=2413))
    assert "2,413" in cut and len(cut) <= 190
    assert cut.startswith("…") and cut.endswith("…")
    assert excerpt("short sentence with 5", None) == "short sentence with 5"


def test_ledger_filters_and_download_links(client: TestClient) -> None:
    html = client.get("/ledger?claimant=OHCHR").text
    assert 'href="/api/ledger.csv?claimant=OHCHR"' in html
    assert 'href="/api/contradictions.json?claimant=OHCHR"' in html
    assert 'value="OHCHR"' in html
    assert client.get("/ledger?claimant=nobody-at-all").text.count('class="series"') == 0


def test_ledger_downloads_are_the_same_rows_as_the_cli(client: TestClient) -> None:
    response = client.get("/api/ledger.csv")
    assert response.status_code == 200
    assert response.headers["content-disposition"].endswith('sitrep-ledger.csv"')
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == FIGURE_COLUMNS
    assert len(rows) == len(demo_store().list_figures())
    assert {r["url"] for r in rows} <= {f"https://example.org/a{n}" for n in range(1, 9)}
    data = client.get("/api/ledger.json?claimant=OHCHR").json()
    assert data and all(r["claimant"] == "OHCHR" for r in data)
    contradictions = client.get("/api/contradictions.csv").text.splitlines()
    assert contradictions[0] == ",".join(CONTRADICTION_COLUMNS)
    as_json = client.get("/api/contradictions.json").json()
    assert {r["differs"] for r in as_json} >= {"civilians_killed", "killed"}


class _TwoScopes:
    """The demo store with each figure also claimed for a second scope."""

    def __init__(self) -> None:
        self.inner = demo_store()

    def list_figures(self, metric: str | None = None, scope: str | None = None) -> list[Figure]:
        every = self.inner.list_figures()
        every = every + [replace(f, scope="Kharkiv Oblast") for f in every]
        return [f for f in every if (metric in (None, f.metric)) and (scope in (None, f.scope))]

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


def test_ledger_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.config import Settings
    from sitrep.serve.app import create_app
    from sitrep.serve.routers import pages

    monkeypatch.setattr(pages, "SERIES_PER_PAGE", 1)
    app = create_app(Settings(), _TwoScopes())  # type: ignore[arg-type]
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        first = client.get("/ledger").text
        second = client.get("/ledger?page=2").text
    assert first.count('class="series"') == second.count('class="series"') == 1
    assert 'rel="next" href="/ledger?page=2&amp;cpage=1"' in first
    assert 'rel="prev"' in second and "page 2 of 2" in second
    assert pages.Pager.of(0, 5, 20) == pages.Pager(1, 1, 0, 1)


def test_api_docs_are_served_from_here(client: TestClient) -> None:
    html = client.get("/docs").text
    assert 'src="/static/vendor/swagger-ui/swagger-ui-bundle.js"' in html
    assert 'src="/static/docs.js"' in html
    assert "https://" not in html


def test_military_figures_are_a_series_per_side_and_doubtful_rows_are_marked() -> None:
    from sitrep.model import Claimant, Evidence, Number, PartialDate
    from sitrep.serve.schemas import figure_series

    ev = Evidence(1, 0, 40, "Ukraine said 300 Russian soldiers were killed", 0)
    base = Figure(
        "a1", "military_killed", "Ukraine", Number.exact(300), (ev,), "t.v1",
        claimant=Claimant("General Staff"), side="russia", as_of=PartialDate(2024, 5, 1),
    )  # fmt: skip
    other = replace(base, side="ukraine", claimant=None, as_of=None, value=Number.exact(12))
    series = figure_series([base, other], [], lambda a: None)
    assert [(s.metric, s.side) for s in series] == [
        ("military_killed", "russia"),
        ("military_killed", "ukraine"),
    ]
    assert series[0].lines[0].points[0].review == []
    assert series[1].lines[0].points[0].review == [
        "no date",
        "no claimant",
        "number not in its evidence",
    ]


def test_map_points_are_every_matching_incident_in_short_rows(client: TestClient) -> None:
    body = client.get("/api/map/points").json()
    assert body["columns"][:2] == ["id", "date"]
    ids = [row[0] for row in body["rows"]]
    listed = [i["id"] for i in client.get("/api/incidents?limit=1000").json()["items"]]
    assert ids == listed
    kharkiv = dict(zip(body["columns"], body["rows"][ids.index("inc-kharkiv-0302")], strict=True))
    assert (kharkiv["killed_value"], kharkiv["killed_qualifier"], kharkiv["reports"]) == (
        5,
        "at_least",
        2,
    )
    odesa = client.get("/api/map/points?oblast=Odes&limit=1").json()["rows"]
    assert [r[0] for r in odesa] == ["inc-odesa-0303"]  # filters apply, the limit does not
