"""The web layer: JSON API, UI pages and static assets over one store.

``sitrep.serve.app.create_app(settings)`` builds the app and
``sitrep.serve.run.serve_ui(settings, open_message)`` runs it (``sitrep serve``,
the end of ``sitrep demo``).  This package module imports nothing, so tests
and the CLI can use ``sitrep.serve.fake`` without loading FastAPI.
"""
