"""The per-article stages on a Dask cluster: batches of articles out, documents back.

``sitrep ingest --scheduler ADDRESS`` and ``sitrep extract --scheduler ADDRESS``
run cleaning and extraction (``pipeline.process_all``, and the batch's second
reading of clueless village names) on the workers of an existing
``dask.distributed`` scheduler; ``--scheduler local`` starts a ``LocalCluster``
of ``--workers`` processes on this machine.  Everything that spans documents
stays in the calling process, exactly as without a cluster: the prior of each
batch's places (which holds every batch before it), resolution, and writing to
the store.  So the record equals the one-process record on the same input
(tests/store/test_dask_ingest_equals_local.py).

Every worker needs the same sitrep version installed (``pip install sitrep``
with its model); ``connect`` refuses a cluster whose workers lack it.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import metadata
from typing import TYPE_CHECKING, Any

from sitrep.config import Settings
from sitrep.errors import ConfigError
from sitrep.extract.places import PlacePrior, guessed
from sitrep.model import Article, Document, Failure
from sitrep.pipeline import process_all
from sitrep.runs.extraction import with_batch_places

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = ["CHUNK_SIZE", "LOCAL_SCHEDULER", "DaskRunner", "connect", "running"]

#: The ``--scheduler`` value that starts a cluster on this machine.
LOCAL_SCHEDULER = "local"

# Articles per task.  A synthetic article takes about 8 ms to process, so a task
# of 50 is 0.4 s of work against a few ms of scheduling and transfer (20-200 tried
# on a 2-worker LocalCluster: 20 lost 6 % to overhead, above 50 no gain).
CHUNK_SIZE = 50

# Seconds to wait for a scheduler and its first worker before giving up.
CONNECT_TIMEOUT = 60


def _process_chunk(items: list[Article | Failure], settings: Settings) -> list[Document | Failure]:
    """On a worker: one chunk through every per-article stage."""
    return list(process_all(items, settings))


def _reread_chunk(docs: list[Document], settings: Settings, prior: PlacePrior) -> list[Document]:
    """On a worker: ``with_batch_places`` over a chunk, with the calling process's prior."""
    return with_batch_places(docs, settings, prior)


def _version() -> str:
    """The installed sitrep's version (run on each worker, and here)."""
    return metadata.version("sitrep")


class DaskRunner:
    """A :class:`sitrep.runs.extraction.Runner` on a ``distributed.Client``.

    While the calling process settles, resolves and writes one batch, the workers
    already process the next ones (``ahead`` batches are in flight).
    """

    def __init__(self, client: Client, chunk: int = CHUNK_SIZE, ahead: int | None = None) -> None:
        self.client: Any = client  # distributed's methods are untyped
        self.chunk = chunk
        self.ahead = ahead

    def process_batches(
        self, batches: Iterable[list[Article | Failure]], settings: Settings
    ) -> Iterator[list[Document | Failure]]:
        pending: deque[list[Future[Any]]] = deque()
        for batch in batches:
            pending.append(self._submit(_process_chunk, batch, settings))
            if len(pending) >= self._ahead(len(batch)):
                yield self._gather(pending.popleft())
        while pending:
            yield self._gather(pending.popleft())

    def reread(self, docs: list[Document], settings: Settings, prior: PlacePrior) -> list[Document]:
        if not prior.points:
            return docs
        again = [i for i, doc in enumerate(docs) if guessed(doc)]
        if not again:
            return docs
        done = iter(
            self._gather(self._submit(_reread_chunk, [docs[i] for i in again], settings, prior))
        )
        out = list(docs)
        for i in again:
            out[i] = next(done)
        return out

    def _submit(
        self, func: Any, items: list[Any], settings: Settings, *args: Any
    ) -> list[Future[Any]]:
        chunks = [items[i : i + self.chunk] for i in range(0, len(items), self.chunk)]
        return [self.client.submit(func, chunk, settings, *args, pure=False) for chunk in chunks]

    def _gather(self, futures: list[Future[Any]]) -> list[Any]:
        parts = self.client.gather(futures)
        return [item for part in parts for item in part]

    def _ahead(self, batch: int) -> int:
        """Batches in flight: enough for two tasks per worker thread, at least two."""
        if self.ahead is not None:
            return self.ahead
        threads = sum(self.client.nthreads().values()) or 1
        return max(2, math.ceil(2 * threads * self.chunk / max(batch, 1)))


@contextmanager
def running(scheduler: str | None, workers: int | None = None) -> Iterator[DaskRunner | None]:
    """``connect(scheduler, workers)``; None (work in this process) when neither is given.
    ``workers`` alone means a local cluster of that many processes."""
    scheduler = scheduler or (LOCAL_SCHEDULER if workers is not None else None)
    if scheduler is None:
        yield None
        return
    with connect(scheduler, workers) as runner:
        yield runner


@contextmanager
def connect(
    scheduler: str, workers: int | None = None, timeout: float = CONNECT_TIMEOUT
) -> Iterator[DaskRunner]:
    """A runner on the scheduler at ``scheduler`` (``tcp://host:8786``), or on a new
    ``LocalCluster`` of ``workers`` processes (default: one per CPU) when it is ``"local"``.

    Raises :class:`ConfigError` when the scheduler cannot be reached, has no worker
    within ``timeout`` seconds, or its workers run another sitrep version.
    """
    from distributed import Client, LocalCluster

    if scheduler != LOCAL_SCHEDULER and workers is not None:
        raise ConfigError(
            f"--workers applies to --scheduler local only; the workers of {scheduler} are "
            "started with the cluster (`dask worker ADDRESS --nworkers N`)."
        )
    if scheduler == LOCAL_SCHEDULER:
        with (
            LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers,
                threads_per_worker=1,  # the stages are Python: one thread per process
                processes=True,
                host="127.0.0.1",
                # Its HTTP server (health, metrics) on any free port: 8787 may be taken.
                dashboard_address="127.0.0.1:0",
            ) as cluster,
            Client(cluster) as client,  # type: ignore[no-untyped-call]
        ):
            yield DaskRunner(client)
        return
    with _client(scheduler, Client, timeout) as client:
        _check_workers(client, scheduler, timeout)
        yield DaskRunner(client)


@contextmanager
def _client(scheduler: str, client_class: Any, timeout: float) -> Iterator[Client]:
    try:
        client = client_class(scheduler, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as e:
        raise ConfigError(
            f"Cannot reach the Dask scheduler at {scheduler} ({type(e).__name__}: {e}). "
            "Start one with `dask scheduler` and workers with `dask worker "
            f"{scheduler}`, or pass --scheduler local."
        ) from e
    with client:
        yield client


def _check_workers(client: Client, scheduler: str, timeout: float) -> None:
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError as e:
        raise ConfigError(
            f"The Dask scheduler at {scheduler} has no worker after {timeout:g} s. "
            f"Start one with `dask worker {scheduler}`."
        ) from e
    try:
        versions = client.run(_version)
    except ImportError as e:  # raised on a worker that lacks sitrep, re-raised here
        raise ConfigError(
            f"The workers of {scheduler} cannot run sitrep ({type(e).__name__}: {e}). "
            f"Install sitrep {_version()} in every worker's environment."
        ) from e
    wrong = sorted(w for w, v in versions.items() if v != _version())
    if wrong:
        raise ConfigError(
            f"Workers {', '.join(wrong)} of {scheduler} run another sitrep version than "
            f"{_version()}. Install the same version on every worker."
        )
