"""Import services: Quotebank files into quotes, in batches that each commit whole."""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from django.db import OperationalError, connections, transaction

from quotedb.imports.loading import BatchResult, StagedBatch, load_batch, stage_batch
from quotedb.imports.quotebank import Problem, QuotebankRecord, read_quotebank

DEFAULT_BATCH_SIZE = 10_000
# Batches loading at once on PostgreSQL: two kept both cores of a 2-core machine busy (one
# PostgreSQL backend per batch) and loaded 1.5× faster than one; three were no faster.
DEFAULT_WORKERS = 2
DEADLOCK = "40P01"
DEADLOCK_RETRIES = 5
PROBLEMS_KEPT = 50  # the first few go into the summary; the count covers them all


@dataclass
class QuotebankImportSummary:
    records_read: int = 0
    quotes_added: int = 0
    speakers_added: int = 0
    outlets_added: int = 0
    articles_added: int = 0
    problem_count: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def quotes_already_present(self) -> int:
        return self.records_read - self.quotes_added

    def __str__(self) -> str:
        return (
            f"{self.records_read} quotations read: {self.quotes_added} new quotes, "
            f"{self.quotes_already_present} already present; {self.speakers_added} new "
            f"speakers, {self.articles_added} new articles, {self.outlets_added} new outlets; "
            f"{self.problem_count} malformed lines skipped."
        )


def _batches(records: Iterable[QuotebankRecord], size: int, *, copy: bool) -> Iterator[StagedBatch]:
    iterator = iter(records)
    while batch := list(islice(iterator, size)):
        yield stage_batch(batch, copy=copy)


_DONE = object()


def _read_ahead(batches: Iterator[StagedBatch], depth: int = 2) -> Iterator[StagedBatch]:
    """Batches parsed in a background thread, so reading and parsing the next batch overlaps
    the database's work on this one (psycopg releases the GIL while it waits)."""
    ready: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for batch in batches:
                while not stop.is_set():
                    try:
                        ready.put(batch, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            ready.put(_DONE)
        except BaseException as error:  # handed to the consumer, raised there
            ready.put(error)

    reader = threading.Thread(target=produce, name="quotebank-reader", daemon=True)
    reader.start()
    try:
        while (item := ready.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()


def quotebank_import(
    *,
    paths: Iterable[Path],
    approve: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_problem: Callable[[Problem], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_batch: Callable[[QuotebankImportSummary], None] | None = None,
    using: str = "default",
    workers: int = DEFAULT_WORKERS,
) -> QuotebankImportSummary:
    """Import Quotebank JSON-lines files (.json or .json.bz2) as imported quotes.

    Memory stays constant: files are streamed and loaded `batch_size` records at a time, each
    batch in its own transaction. Every row has a natural key, so running it again (after a
    crash, or on the same files) only adds what is missing: each quotation ends up exactly once.
    On PostgreSQL up to `workers` batches load at once, each on its own connection.
    """
    summary = QuotebankImportSummary()

    def problem_found(problem: Problem) -> None:
        summary.problem_count += 1
        if len(summary.problems) < PROBLEMS_KEPT:
            summary.problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    def records() -> Iterator[QuotebankRecord]:
        for path in paths:
            yield from read_quotebank(Path(path), on_problem=problem_found, on_progress=on_progress)

    def loaded(batch: StagedBatch, result: BatchResult) -> None:
        summary.records_read += batch.size
        summary.quotes_added += result.quotes_added
        summary.speakers_added += result.speakers_added
        summary.outlets_added += result.outlets_added
        summary.articles_added += result.articles_added
        if on_batch is not None:
            on_batch(summary)

    connection = connections[using]
    postgres = connection.vendor == "postgresql"
    batches = _read_ahead(_batches(records(), batch_size, copy=postgres), depth=workers + 1)
    # Batches load side by side on PostgreSQL, each on a connection of its own and in its own
    # transaction. Inside a caller's transaction, or on SQLite (one writer at a time), they
    # load one after another on the caller's connection.
    if workers <= 1 or not postgres or connection.in_atomic_block:
        for batch in batches:
            loaded(batch, _load_with_retries(batch, approve=approve, using=using))
        return summary
    in_flight: deque[tuple[StagedBatch, Future]] = deque()
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="quotebank-loader") as pool:
        try:
            for batch in batches:
                if len(in_flight) >= workers:
                    done, future = in_flight.popleft()
                    loaded(done, future.result())
                future = pool.submit(_load_in_thread, batch, approve=approve, using=using)
                in_flight.append((batch, future))
            while in_flight:
                done, future = in_flight.popleft()
                loaded(done, future.result())
        except BaseException:
            for _, future in in_flight:
                future.cancel()
            raise
    return summary


def _load_with_retries(batch: StagedBatch, *, approve: bool, using: str) -> BatchResult:
    """One batch in one transaction. Batches loading side by side can deadlock on a speaker
    or article both add (PostgreSQL then aborts one): that batch is loaded again."""
    for attempt in range(1, DEADLOCK_RETRIES + 1):
        try:
            with transaction.atomic(using=using):
                return load_batch(batch, approve=approve, using=using)
        except OperationalError as error:
            if (
                getattr(error.__cause__, "sqlstate", None) != DEADLOCK
                or attempt == DEADLOCK_RETRIES
            ):
                raise
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")


def _load_in_thread(batch: StagedBatch, *, approve: bool, using: str) -> BatchResult:
    try:
        return _load_with_retries(batch, approve=approve, using=using)
    finally:
        # Each loader thread has its own connection; hand it back when its batch is done.
        connections[using].close()
