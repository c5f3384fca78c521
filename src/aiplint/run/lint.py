"""Open and lint, or take from the result cache: each file's `Outcome`, in worker processes (at most --jobs, by
default one per usable core) when there are several files and enough to read, else in this one."""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterator, overload

from aiplint.config import Config
from aiplint.linting.cache import Hit, ResultCache, open_cache
from aiplint.linting.engine import Linted, lint_document
from aiplint.model.lexicon import Lexicon
from aiplint.read.document import Document, open_document
from aiplint.read.loading import InputError, read_spec
from aiplint.rule import Rule
from aiplint.run.files import Job
from aiplint.run.options import CheckOptions

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.connection import Connection


@dataclass(frozen=True)
class Outcome:
    """What linting one file gave: its findings and the files it read, the error that stopped it, or that it is
    no OpenAPI document.  Crosses from a worker process to the main one."""

    linted: Linted | None = None
    files: tuple[str, ...] = ()
    error: InputError | None = None
    not_openapi: bool = False

    def linted_or_raise(self) -> Linted:
        """The findings of an opened document, or the input error that stopped them, raised (the Python API)."""
        if self.error is not None:
            raise self.error
        assert self.linted is not None, "an opened document is linted or fails"
        return self.linted


def cache_for(options: CheckOptions) -> ResultCache | None:
    """The result cache a lint reads and writes; none for a diff, whose findings are compared, not cached."""
    return None if options.diff_base else open_cache(options.cache_dir, enabled=not options.no_cache)


@overload
def open_job(job: Job, cache: None) -> tuple[Document | None, str | None]: ...
@overload
def open_job(job: Job, cache: ResultCache | None) -> tuple[Document | Hit | None, str | None]: ...


def open_job(job: Job, cache: ResultCache | None) -> tuple[Document | Hit | None, str | None]:
    """(the document, what the cache holds for it, or None for a file that is no OpenAPI document; the cache key
    to store its findings under).  Raises InputError."""
    raw = read_spec(job.name, job.walked_from) if job.text is None else None
    key = None
    if raw is not None and cache is not None:
        key = cache.key(job.name, raw, job.config, job.rules)
        hit = cache.get(key, os.path.realpath(job.name))
        if hit is not None:
            return hit, None
    return open_document(job.name, job.text, raw=raw, project_root=job.config.ref_root), key


def lint_job(job: Job, cache: ResultCache | None) -> Outcome:
    """Open a file (or find it in the cache) and lint it."""
    try:
        document, key = open_job(job, cache)
    except InputError as exc:
        return Outcome(error=exc)
    if document is None:
        return Outcome(not_openapi=True)
    if isinstance(document, Hit):
        return Outcome(Linted(document.findings, [], None, document.suppressed), tuple(document.inputs))
    outcome = lint_opened(document, job.config, job.rules)
    if cache is not None and key is not None and outcome.linted is not None:
        cache.put(key, outcome.linted, document.root.abspath, document.refs.digests)
    return outcome


def lint_opened(document: Document, config: Config, rules: dict[str, Rule]) -> Outcome:
    """An opened document's findings (the model stays in its process), or the input error that stopped them."""
    try:
        linted = replace(lint_document(document, config, rules), api=None)
    except InputError as exc:
        return Outcome(error=exc)
    return Outcome(linted, tuple(document.sources))


# A worker reaches the jobs through this, inherited when it is forked, rather than having them pickled.
_PENDING: tuple[list[Job], ResultCache | None] = ([], None)
_PARALLEL_BYTES = 512 * 1024  # below this much to read, starting workers costs more than it saves


def outcomes(jobs: list[Job], cache: ResultCache | None, most: int | None = None) -> Iterator[Outcome]:
    """Each job's outcome, in order: in worker processes (at most `most`, by default one per usable core) when
    there are several files and enough to read, else here.  When a worker dies, the jobs it left undone are
    linted again one by one.  The process machinery is imported only then: a run of one small file starts no
    worker."""
    global _PENDING

    workers = min(len(jobs), most or _usable_cores())
    sizes = [_bytes_to_read(job) for job in jobs]
    if workers < 2 or sys.platform != "linux" or sum(sizes) < _PARALLEL_BYTES:
        return (lint_job(job, cache) for job in jobs)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _import_what_workers_need()
    _PENDING = (jobs, cache)
    largest_first = sorted(range(len(jobs)), key=lambda index: -sizes[index])  # no large file left for the end
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_freeze_what_was_inherited) as pool:
        futures = {index: pool.submit(_lint_pending, index) for index in largest_first}
        done = {index: _outcome_unless_the_pool_broke(future) for index, future in futures.items()}
    return (done[index] or _lint_alone(index) for index in range(len(jobs)))


def _outcome_unless_the_pool_broke(future: Future[Outcome]) -> Outcome | None:
    """A worker's outcome; None when a worker died before giving it (all the jobs not yet done then fail)."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        return None


def _lint_alone(index: int) -> Outcome:
    """A job left undone when a worker died, linted again in a process of its own, not in this one: the file that
    killed the worker (the kernel's out-of-memory killer, a crash in a parser's C code) would kill the run and
    every report with it.  One that kills its own process too is its file's input error."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_send_outcome, args=(index, sender))
    process.start()
    sender.close()  # the child's copy is the only writer left: its death is the end of the pipe
    try:
        outcome = receiver.recv()
    except EOFError:  # it died before sending
        outcome = None
    finally:
        receiver.close()
        process.join()
    if isinstance(outcome, BaseException):
        raise outcome
    if outcome is not None:
        return outcome
    name = _PENDING[0][index].name
    return Outcome(error=InputError(name, f"the process linting it died ({_death(process.exitcode)}); not linted"))


def _send_outcome(index: int, sender: Connection) -> None:
    """The outcome, or the exception, raised in the parent as the pool would (a child would print a traceback)."""
    try:
        outcome: Outcome | BaseException = _lint_pending(index)
    except BaseException as exc:  # noqa: BLE001 - every exception crosses to the parent, none is printed here
        outcome = exc
    sender.send(outcome)
    sender.close()


def _death(exit_code: int | None) -> str:
    import signal

    if exit_code is not None and exit_code < 0:
        return f"killed by {signal.Signals(-exit_code).name}"
    return f"exit status {exit_code}"


def _import_what_workers_need() -> None:
    """Import the parsers and read the word lists once, before the workers are forked with them (a run in one
    process imports only the parser its files need, when it needs it)."""
    import orjson  # noqa: F401
    import yaml_rs  # noqa: F401

    Lexicon.of().noun_number("jobs")


def _freeze_what_was_inherited() -> None:
    """The objects a worker inherits at the fork live as long as it does: frozen, no collection walks them."""
    gc.freeze()


def _lint_pending(index: int) -> Outcome:
    """A job, in a process forked for the jobs.  A worker lints many documents, and each leaves reference cycles
    behind (its model and its document point at each other): with the collector off, as in the short-lived main
    process, they pile up (1.7 GB over the APIs-guru directory).  One collection after each job walks only what
    the job left, the inherited objects being frozen."""
    jobs, cache = _PENDING
    outcome = lint_job(jobs[index], cache)
    _collect_when_grown()
    return outcome


_COLLECT_EVERY = 256 * 1024 * 1024  # bytes a worker may grow by before it collects its cycles
_collected_at = 0


def _collect_when_grown() -> None:
    global _collected_at
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    if peak - _collected_at > _COLLECT_EVERY:
        gc.collect()
        gc.freeze()  # what outlived the collection (caches) is not walked again
        _collected_at = peak


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _bytes_to_read(job: Job) -> int:
    try:
        return os.stat(job.name).st_size if job.text is None else len(job.text)
    except OSError:
        return 0
