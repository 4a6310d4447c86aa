"""watch: follow feeds, folders and lists of article URLs; store what is new; raise alerts."""

from sitrep.watch.alerts import CommandSink, StreamSink, WebhookSink
from sitrep.watch.fetch import USER_AGENT, Fetcher, FetchFailed, HttpFetcher, Response
from sitrep.watch.run import Cycle, WatchOptions, watch, watch_once
from sitrep.watch.state import StoredAlert, WatchState, recent_alerts

__all__ = [
    "USER_AGENT",
    "CommandSink",
    "Cycle",
    "FetchFailed",
    "Fetcher",
    "HttpFetcher",
    "Response",
    "StoredAlert",
    "StreamSink",
    "WatchOptions",
    "WatchState",
    "WebhookSink",
    "recent_alerts",
    "watch",
    "watch_once",
]
