"""The state incremental resolution keeps in the store, read and written by name.

The tables are migration 0004's (``sitrep.store.sql.STATE_TABLES``): each resolved article's
stated date and shingles, the MinHash signature runs, each report's cell and component, each
figure's series claim.  ``sitrep.runs.resolution`` decides what to read and write; this
module is how, so that the SQL lives with the store that owns the tables.
"""

from __future__ import annotations

from collections.abc import Iterable

from sitrep.store.backends import Row
from sitrep.store.sql import SqlStore

__all__ = ["ResolutionState"]

SeriesKey = tuple[str, str, str]


class ResolutionState:
    """The resolution tables of ``store``; every method runs in the caller's transaction."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store
        self.db = store.db

    # -- stories ---------------------------------------------------------------------------
    def story_rows_sharing(self, article_ids: Iterable[str]) -> list[Row]:
        """(story_id, article_id) of every stored story holding one of ``article_ids``."""
        sql = (
            "SELECT story_id, article_id FROM story_articles WHERE story_id IN "
            "(SELECT story_id FROM story_articles WHERE article_id IN ({marks}))"
        )
        return self.store.select_in(sql, article_ids)

    def stated_published(self, article_ids: Iterable[str]) -> list[Row]:
        """(article_id, published) as each resolved article states it."""
        sql = "SELECT article_id, published FROM resolution_articles WHERE article_id IN ({marks})"
        return self.store.select_in(sql, article_ids)

    def inferred_published(self, article_ids: Iterable[str]) -> list[Row]:
        """(article_id, published) of the articles whose date their story inferred."""
        sql = "SELECT article_id, published FROM inferred_dates WHERE article_id IN ({marks})"
        return self.store.select_in(sql, article_ids)

    def add_articles(self, rows: list[Row]) -> None:
        """Resolved articles: article_id, published, shingles."""
        self.store.insert_rows("resolution_articles", rows)

    def shingle_rows(self, article_ids: Iterable[str]) -> list[Row]:
        """(article_id, shingles) of resolved articles."""
        sql = "SELECT article_id, shingles FROM resolution_articles WHERE article_id IN ({marks})"
        return self.store.select_in(sql, article_ids)

    # -- signature runs --------------------------------------------------------------------
    def signature_runs(self) -> list[Row]:
        """(id, article_ids as JSON) of every stored run, in id order."""
        return self.db.query("SELECT id, article_ids FROM resolution_signature_runs ORDER BY id")

    def signatures(self, run_id: int) -> bytes:
        """The signature columns of run ``run_id``."""
        rows = self.db.query(
            "SELECT signatures FROM resolution_signature_runs WHERE id = ?", [run_id]
        )
        return bytes(rows[0]["signatures"])

    def delete_run(self, run_id: int) -> None:
        self.db.execute("DELETE FROM resolution_signature_runs WHERE id = ?", [run_id])

    def add_run(self, run_id: int, article_ids: str, signatures: bytes) -> None:
        """A run: its id, its article ids as JSON and its signature columns."""
        row = {"id": run_id, "article_ids": article_ids, "signatures": signatures}
        self.store.insert_rows("resolution_signature_runs", [row])

    # -- incidents -------------------------------------------------------------------------
    def incidents_of(self, report_ids: Iterable[str]) -> list[str]:
        """The stored incidents that hold any of ``report_ids``."""
        sql = "SELECT DISTINCT incident_id FROM incident_reports WHERE report_id IN ({marks})"
        return [row["incident_id"] for row in self.store.select_in(sql, report_ids)]

    def add_reports(self, rows: list[Row]) -> None:
        """Resolved reports with their cell and component."""
        self.store.insert_rows("resolution_reports", rows)

    def set_component(self, component: str, report_ids: list[str]) -> None:
        sql = "UPDATE resolution_reports SET component = ? WHERE report_id IN ({marks})"
        self.store.execute_in(sql, report_ids, [component])

    def components_between(self, admin1: str, low: str | None, high: str | None) -> list[str]:
        """The components of dated reports in ``admin1`` from day ``low`` to ``high``."""
        rows = self.db.query(
            "SELECT component FROM resolution_reports WHERE admin1 = ? AND day BETWEEN ? AND ?",
            [admin1, low, high],
        )
        return [row["component"] for row in rows]

    def components_on(
        self, admin1: str | None, month_days: list[str], *, undated_only: bool
    ) -> list[str]:
        """The components of reports in ``admin1`` on any of ``month_days`` ("03-14"); with
        ``undated_only`` only of those whose year is unknown."""
        sql = (
            "SELECT component FROM resolution_reports WHERE admin1 = ? "
            + ("AND day IS NULL " if undated_only else "")
            + "AND month_day IN ({marks})"
        )
        return [row["component"] for row in self.store.select_in(sql, month_days, [admin1])]

    def members_of(self, components: Iterable[str]) -> dict[str, str]:
        """Report id -> component, for every report of ``components``."""
        sql = "SELECT report_id, component FROM resolution_reports WHERE component IN ({marks})"
        return {row["report_id"]: row["component"] for row in self.store.select_in(sql, components)}

    def report_rows(self, report_ids: Iterable[str]) -> list[Row]:
        """The stored reports' rows, each with the ``stated_published`` of its article."""
        sql = (
            "SELECT r.*, rr.published AS stated_published FROM reports r "
            "JOIN resolution_reports rr ON rr.report_id = r.id WHERE r.id IN ({marks})"
        )
        return self.store.select_in(sql, report_ids)

    # -- figure claims ---------------------------------------------------------------------
    def add_claims(self, rows: list[Row]) -> None:
        self.store.insert_rows("resolution_claims", rows)

    def claim_rows_of_articles(self, article_ids: Iterable[str]) -> list[Row]:
        """The figure rows of the articles' claims, with their series and claimed day."""
        sql = (
            "SELECT c.metric AS series_metric, c.scope AS series_scope, c.side AS series_side, "
            "c.day AS claim_day, f.* FROM resolution_claims c JOIN figures f ON f.id = c.figure_id "
            "WHERE c.article_id IN ({marks})"
        )
        return self.store.select_in(sql, article_ids)

    def claims_between(self, key: SeriesKey, low: str, high: str) -> list[str]:
        """The figures of series ``key`` claimed from day ``low`` to ``high``."""
        rows = self.db.query(
            "SELECT figure_id FROM resolution_claims WHERE metric = ? AND scope = ? "
            "AND side = ? AND day BETWEEN ? AND ?",
            [*key, low, high],
        )
        return [row["figure_id"] for row in rows]

    def contradictions_of(self, figure_ids: Iterable[str]) -> set[str]:
        """The contradiction groups the figures are in."""
        sql = "SELECT contradiction_id FROM resolution_claims WHERE figure_id IN ({marks})"
        return {r["contradiction_id"] for r in self.store.select_in(sql, figure_ids)} - {None}

    def figures_in(self, contradiction_ids: Iterable[str]) -> list[str]:
        sql = "SELECT figure_id FROM resolution_claims WHERE contradiction_id IN ({marks})"
        return [r["figure_id"] for r in self.store.select_in(sql, contradiction_ids)]

    def move_claim(self, figure_id: str, published: str | None, day: str | None) -> None:
        """A claim whose article's date changed: its new published day and claimed day."""
        self.db.execute(
            "UPDATE resolution_claims SET published = ?, day = ? WHERE figure_id = ?",
            [published, day, figure_id],
        )

    def set_contradiction(self, contradiction_id: str | None, figure_ids: list[str]) -> None:
        sql = "UPDATE resolution_claims SET contradiction_id = ? WHERE figure_id IN ({marks})"
        self.store.execute_in(sql, figure_ids, [contradiction_id])

    def claim_rows(self, figure_ids: Iterable[str]) -> list[Row]:
        """The figure rows of the claims, each with its ``claim_published``."""
        sql = (
            "SELECT c.published AS claim_published, f.* FROM resolution_claims c "
            "JOIN figures f ON f.id = c.figure_id WHERE c.figure_id IN ({marks})"
        )
        return self.store.select_in(sql, figure_ids)
