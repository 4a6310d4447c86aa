"""The UI's "what's new" list and ``/api/alerts`` show what ``sitrep watch`` raised."""

from __future__ import annotations

import warnings
from pathlib import Path

from sitrep.config import Settings
from sitrep.serve.app import create_app
from sitrep.serve.fake import demo_store
from sitrep.store import open_store
from sitrep.watch import WatchState
from sitrep.watch.state import StoredAlert

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette asks for httpx2 here
    from fastapi.testclient import TestClient

ALERTS = [
    StoredAlert(
        "incident:incident-1",
        "incident",
        "2024-05-06T10:00:00+00:00",
        "air drone strike in Odesa on 2024-05-06: 7 killed",
        {"incident": "incident-1", "killed": 7},
    ),
    StoredAlert(
        "volume_drop:feed:2024-05-06",
        "volume_drop",
        "2024-05-07T10:00:00+00:00",
        "<script>feed</script> had 1 entries on 2024-05-06, against 6.0 a day",
        {"source": "feed", "entries": 1},
    ),
]


def _client(settings: Settings) -> TestClient:
    return TestClient(create_app(settings), base_url="http://127.0.0.1:8765")


def test_whats_new_lists_alerts_newest_first(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "w.db"))
    with open_store(settings) as store:
        for alert in ALERTS:
            assert WatchState(store.db).record_alert(alert)
        assert not WatchState(store.db).record_alert(ALERTS[0])  # once
    with _client(settings) as client:
        page = client.get("/whats-new")
        assert page.status_code == 200
        assert page.text.index("had 1 entries") < page.text.index("7 killed")
        assert '<a href="/incidents/incident-1">' in page.text
        assert "<script>feed" not in page.text and "&lt;script&gt;feed" in page.text
        alerts = client.get("/api/alerts", params={"limit": 1}).json()
    assert [(a["kind"], a["incident"]) for a in alerts] == [("volume_drop", None)]


def test_a_store_never_watched_has_no_alerts(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "w.db"))
    open_store(settings).close()
    with _client(settings) as client:
        assert client.get("/api/alerts").json() == []
        assert "No alerts yet" in client.get("/whats-new").text
    with TestClient(create_app(Settings(), demo_store())) as client:
        assert client.get("/api/alerts", headers={"host": "127.0.0.1:8765"}).json() == []
