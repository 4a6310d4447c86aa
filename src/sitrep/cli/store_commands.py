"""Storage-side commands: ``ingest``, ``incidents``, ``figures``, ``show`` and ``demo``.

Each parses its options, calls one library function and formats the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from sitrep.cli._cluster import SchedulerOption, WorkersOption
from sitrep.cli._filters import (
    BboxOption,
    ClaimantOption,
    FromOption,
    LimitOption,
    MetricOption,
    MinKilledOption,
    OblastOption,
    OffsetOption,
    ScopeOption,
    SearchOption,
    ToOption,
    TypeOption,
    figure_filter,
    incident_filter,
)
from sitrep.cli._output import (
    CsvOption,
    DbOption,
    Format,
    JsonOption,
    describe_number,
    emit_record,
    emit_rows,
    errors_to_exit,
    note_shown,
    output_format,
    progress,
    stdout,
)

if TYPE_CHECKING:  # the commands import the library when they run: `sitrep --help` stays fast
    from sitrep.config import Settings
    from sitrep.export._sources import Source
    from sitrep.model import Evidence, Incident, Report
    from sitrep.runs.ingest import RunSummary

__all__ = ["demo_summary", "register"]


def _settings(**overrides: Any) -> Settings:
    from sitrep.config import load_settings

    with errors_to_exit():
        return load_settings(**overrides)


def _summary_record(summary: RunSummary) -> dict[str, Any]:
    return {
        "articles new": summary.articles_new,
        "articles skipped": summary.articles_skipped,
        "articles resolved": summary.resolved,
        "articles undated": summary.undated,
        "failures": len(summary.failures),
        "incidents": summary.incidents,
        "figures": summary.figures,
    }


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    db: DbOption = None,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="Inputs are JSON Lines records {id, text, ...}.")
    ] = False,
    encoding: Annotated[
        str | None, typer.Option(help="Force this text encoding (default: UTF-8, then detection).")
    ] = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    scheduler: SchedulerOption = None,
    workers: WorkersOption = None,
) -> None:
    """Read articles into the database; articles already stored are skipped.

    Exits 1 when some inputs could not be read (each is named on stderr).
    With --scheduler the per-article stages run on a Dask cluster (docs/scale-out.md).

    Example: sitrep ingest articles/ dump.jsonl --db sitrep.db
    """
    from sitrep.cli._inputs import estimate_inputs
    from sitrep.runs.ingest import ingest as ingest_paths

    fmt = output_format(as_json, as_csv)
    settings = _settings(db=db, encoding=encoding, scheduler=scheduler)
    total = estimate_inputs(paths, jsonl=jsonl)
    with errors_to_exit(), progress("Ingesting", total=total) as advance:
        summary = ingest_paths(paths, settings, advance, jsonl=jsonl, workers=workers)
    for failure in summary.failures:
        typer.echo(f"{failure.source}: {failure.reason}", err=True)
    if summary.undated:
        typer.echo(
            f"{summary.undated} of {summary.articles_new} new articles have no known publication date: "
            "their relative dates ('on Friday') stay unresolved. Give a ` date YYYY-MM-DD` line, "
            "a `published` field or a URL with a date.",
            err=True,
        )
    record = _summary_record(summary)
    if fmt is Format.JSON:
        record = {"run_id": summary.run_id, **record} | {
            "failures": [
                {"source": f.source, "kind": f.kind, "reason": f.reason} for f in summary.failures
            ]
        }
    emit_record(record, fmt)
    raise typer.Exit(1 if summary.failures else 0)


def _outlets(incident: Incident, outlets: dict[str, str | None]) -> list[str]:
    return sorted({o for r in incident.reports if (o := outlets.get(r.article_id))})


def _urls(incident: Incident, sources: dict[str, Source]) -> list[str]:
    found = (sources.get(r.article_id) for r in incident.reports)
    return list(dict.fromkeys(s.url for s in found if s and s.url))


def incidents(
    date_from: FromOption = None,
    date_to: ToOption = None,
    oblast: OblastOption = None,
    event_type: TypeOption = None,
    min_killed: MinKilledOption = None,
    search: SearchOption = None,
    bbox: BboxOption = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """List incidents, newest first; a note on stderr tells when more matched than shown.

    Example: sitrep incidents --oblast kharkiv --from 2024-05-01 --min-killed 1
    """
    from sitrep.export import count_incidents
    from sitrep.export._rows import incident_record, incident_row
    from sitrep.export._sources import article_sources
    from sitrep.store import open_store

    fmt = output_format(as_json, as_csv)
    filters = incident_filter(
        date_from, date_to, oblast, search, event_type, min_killed, bbox, limit, offset
    )
    with errors_to_exit(), open_store(_settings(db=db), read_only=True) as store:
        found = store.list_incidents(filters)
        sources = article_sources(store, [r.article_id for i in found for r in i.reports])
        total = count_incidents(store, filters) if len(found) == limit else offset + len(found)
    outlets = {a: s.outlet for a, s in sources.items()}
    if fmt is Format.JSON:
        emit_rows([incident_record(i, _outlets(i, outlets)) for i in found], fmt, [])
    else:
        rows = [incident_row(i, _outlets(i, outlets), _urls(i, sources)) for i in found]
        if fmt is Format.TABLE:
            for row, incident in zip(rows, found, strict=True):
                row["killed"] = describe_number(incident.killed)
                row["injured"] = describe_number(incident.injured)
        columns = [
            "id",
            "date",
            "place",
            "admin1",
            "sub_event_type",
            "killed",
            "injured",
            "reports",
        ]
        emit_rows(rows, fmt, columns)
    note_shown(len(found), total, offset)


def figures(
    date_from: FromOption = None,
    date_to: ToOption = None,
    oblast: OblastOption = None,
    search: SearchOption = None,
    metric: MetricOption = None,
    scope: ScopeOption = None,
    claimant: ClaimantOption = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """List figure claims (cumulative tallies), each with its claimant and as-of date.

    Example: sitrep figures --metric civilians_killed --scope Ukraine --from 2022-03-01
    """
    from sitrep.export.ledger import figure_row, select_figures
    from sitrep.store import open_store

    fmt = output_format(as_json, as_csv)
    filters = figure_filter(date_from, date_to, oblast, search, metric, scope, claimant)
    with errors_to_exit(), open_store(_settings(db=db), read_only=True) as store:
        matched = select_figures(store.list_figures(metric, scope), filters)
        found = matched[offset : offset + limit]
        outlets = store.outlets([f.article_id for f in found])
    rows = [figure_row(f, outlets.get(f.article_id)) for f in found]
    if fmt is Format.TABLE:
        for row, figure in zip(rows, found, strict=True):
            row["value"] = describe_number(figure.value)
    emit_rows(rows, fmt, ["metric", "scope", "value", "claimant", "as_of", "outlet"])
    note_shown(len(found), len(matched), offset)


def contradictions(
    db: DbOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """List contradictions, one line per claim, naming the value the sources disagree on.

    Example: sitrep contradictions --csv > contradictions.csv
    """
    from sitrep.export.ledger import contradiction_rows
    from sitrep.store import open_store

    fmt = output_format(as_json, as_csv)
    with errors_to_exit(), open_store(_settings(db=db), read_only=True) as store:
        rows = contradiction_rows(store.list_contradictions())
    columns = ["contradiction_id", "kind", "differs", "value", "qualifier", "claimant", "as_of"]
    emit_rows(rows, fmt, columns)


def show(
    incident_id: Annotated[
        str, typer.Argument(help="Incident id, as listed by `sitrep incidents`.")
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show an incident with its reports and the evidence sentences, the evidence highlighted.

    The id of an incident merged into another shows that one, saying so on stderr.

    Example: sitrep show inc-3f2a9c0d1e2b4a5f
    """
    from sitrep.export._rows import incident_record
    from sitrep.store import open_store

    with errors_to_exit(), open_store(_settings(db=db), read_only=True) as store:
        incident = store.get_incident(incident_id)
        current = store.incident_redirect(incident_id) if incident is None else None
        if current is not None:
            typer.echo(
                f"Note: incident {incident_id} was merged into {current}; showing it.", err=True
            )
            incident = store.get_incident(current)
        if incident is None:
            typer.echo(
                f"Error: no incident {incident_id!r}. List them with `sitrep incidents`.", err=True
            )
            raise typer.Exit(1)
        docs = {r.article_id: store.get_article(r.article_id) for r in incident.reports}
    outlets = {a: (doc.outlet if doc else None) for a, doc in docs.items()}
    if as_json:
        emit_record(
            incident_record(incident, _outlets(incident, outlets)), output_format(True, False)
        )
        return
    texts = {a: doc.text for a, doc in docs.items() if doc is not None}
    console = stdout()
    for line in _incident_lines(incident):
        console.print(line)
    for n, report in enumerate(incident.reports, start=1):
        doc = docs[report.article_id]
        console.print("")
        console.print(f"[bold]Report {n}[/bold] " + escape(_report_heading(report, doc)))
        console.print("  " + escape(_report_numbers(report)))
        for ev in report.evidence:
            console.print(
                f"  line {ev.line}: " + _highlight(texts.get(report.article_id, ev.text), ev)
            )


def _incident_lines(incident: Incident) -> list[str]:
    place = incident.place
    where = (
        f"{place.name}, {place.admin1}"
        if place and place.admin1
        else (place.name if place else "unknown place")
    )
    date = incident.date.isoformat() if incident.date else "unknown date"
    ranges = []
    for word, number, (low, high) in (
        ("killed", incident.killed, incident.killed_range),
        ("injured", incident.injured, incident.injured_range),
    ):
        if number is not None:
            spread = "" if low == high else f" (sources: {low}-{high})"
            ranges.append(f"{word} {describe_number(number)}{spread}")
    return [
        f"[bold]{escape(incident.id)}[/bold]  {escape(date)}  {escape(where)}",
        escape(f"{incident.event_type} / {incident.sub_event_type}"),
        escape(", ".join(ranges) or "no casualty figures"),
    ]


def _report_heading(report: Report, doc: Any) -> str:
    if doc is None:
        return report.article_id
    published = doc.published.isoformat() if doc.published else "date unknown"
    return f"{doc.outlet or 'unknown outlet'}, {published}: {doc.title or doc.source}"


def _report_numbers(report: Report) -> str:
    parts = [f"killed {describe_number(report.killed) or 'unknown'}"]
    parts.append(f"injured {describe_number(report.injured) or 'unknown'}")
    if report.claimant:
        role = f" ({report.claimant.role})" if report.claimant.role else ""
        parts.append(f"according to {report.claimant.name}{role}")
    return "; ".join(parts)


def _highlight(text: str, ev: Evidence) -> str:
    """The raw line around the evidence, the evidence in bold yellow; all text escaped."""
    start = text.rfind("\n", 0, ev.start) + 1
    end = text.find("\n", ev.end)
    end = len(text) if end < 0 else end
    if not (0 <= ev.start <= ev.end <= len(text)) or text[ev.start : ev.end] != ev.text:
        return f"[bold yellow]{escape(ev.text)}[/bold yellow]"  # offsets do not fit this text
    before, span, after = text[start : ev.start], text[ev.start : ev.end], text[ev.end : end]
    return f"{escape(before)}[bold yellow]{escape(span)}[/bold yellow]{escape(after)}"


def demo_summary(summary: RunSummary, settings: Settings) -> None:
    """What ``sitrep demo`` prints after building the database (the web UI may follow)."""
    typer.echo(
        f"Demo database {settings.db}: {summary.articles_new} articles added "
        f"({summary.articles_skipped} already there), {summary.incidents} incidents, "
        f"{summary.figures} figures."
    )
    typer.echo(f"Try: sitrep incidents --db {settings.db}")


def demo(
    db: DbOption = None,
    serve: Annotated[
        bool,
        typer.Option(
            "--serve/--no-serve", help="Then serve the web UI on it (--no-serve: only build it)."
        ),
    ] = True,
) -> None:
    """Build a database from the bundled demo corpus, summarise it, then serve the web UI.

    Example: sitrep demo --db demo.db
    """
    from sitrep.demo import build_demo

    settings = _settings(db=db)
    with errors_to_exit(), progress("Building the demo") as advance:
        summary = build_demo(settings, advance)
    demo_summary(summary, settings)
    if serve:
        from sitrep.serve.run import serve_ui  # the web layer sits above the store commands

        with errors_to_exit():
            serve_ui(settings, open_message=True)


def register(app: typer.Typer) -> None:
    """Add ``ingest``, ``incidents``, ``figures``, ``contradictions``, ``show``, ``demo``."""
    app.command()(ingest)
    app.command()(incidents)
    app.command()(figures)
    app.command()(contradictions)
    app.command()(show)
    app.command()(demo)
