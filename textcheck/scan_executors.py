"""Executors of a scan: worker processes on this machine, or a Dask cluster.  Each runs a
task function (``scan_task.check_group``, passed in so a caller can substitute it) on groups
of files and yields the plain-dict results as they complete."""
from __future__ import annotations

import sys
from pathlib import Path

from textcheck import __version__
from textcheck.scan_task import _checker, _init_worker



def _run_local(groups, config, jobs, previous=None, task=None):
    """Yield results as they complete, each group checked in a worker process that can be stopped.

    The coordinator builds the Checker once; on Linux the workers are forked
    from it and inherit it (a replacement worker starts at once).  A group
    over ``limits.timeout`` has its worker killed and is recorded as timed
    out; a worker that dies (the OOM killer) is replaced and its group retried
    once, then recorded as failed.  Workers end when the coordinator dies.
    """
    if not groups:
        return
    previous = previous or {}
    from textcheck.limits import DEFAULT_LIMITS
    from textcheck.workers import run_tasks

    if sys.platform.startswith("linux"):
        _init_worker(config)  # built and frozen here, inherited by every forked worker
    timeout = (config.limits if config else DEFAULT_LIMITS).timeout
    for group, status, value in run_tasks(groups, task or _default_task(), jobs=jobs, timeout=timeout,
                                          initializer=_checker, initargs=(config,),
                                          args_of=lambda g: _task_args(g, config, previous)):
        yield value if status == "ok" else _failed_result(group, status, value)


def _default_task():
    from textcheck.scan_task import check_group

    return check_group


def _task_args(group: list[str], config, previous: dict) -> tuple:
    """check_group's arguments: last year's files only for a paired disclosure."""
    last = previous.get(" + ".join(group))
    return (group, config) if last is None else (group, config, None, last)


def _failed_result(files: list[str], status: str, detail) -> dict:
    """The stored record of a group whose worker timed out or died (status timeout / error)."""
    path = " + ".join(files)
    if status == "timeout":
        error = f"{path}: check stopped after {detail:g} s (limits.timeout)"
    elif status == "died":
        error = f"{path}: {detail}; recorded as failed"
    else:
        error = f"{path}: internal error: {detail}"
    return {"path": path, "files": files, "tool_version": __version__, "diagnostics": [], "error": error,
            "status": "timeout" if status == "timeout" else "error"}


def _read_payloads(files: list[str]) -> list[bytes] | None:
    try:
        return [Path(f).read_bytes() for f in files]
    except OSError:
        return None  # let the worker-side reader report the error


def _run_dask(groups, config, jobs, scheduler, previous=None, task=None, connect_timeout: float = 10):
    """Submit the same per-disclosure task to a Dask distributed cluster.

    The coordinator reads the files and ships their bytes, so workers on other
    machines need no shared filesystem.  Without --scheduler a LocalCluster is started.
    """
    try:
        from dask.distributed import Client, LocalCluster, as_completed as dask_completed
    except ImportError:
        from textcheck.errors import TextcheckError

        raise TextcheckError("--engine dask needs the dask extra: pip install 'textcheck[dask]'") from None
    cluster = None
    if scheduler:
        try:  # a bounded wait: an unreachable scheduler is one line, not a hang or a traceback
            client = Client(scheduler, timeout=connect_timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            from textcheck.errors import TextcheckError

            raise TextcheckError(f"cannot reach the Dask scheduler {scheduler} within {connect_timeout} s: "
                                 f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": ")
                                 ) from None
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = []
        previous = previous or {}
        for g in groups:
            last = previous.get(" + ".join(g))
            futures.append(client.submit(task or _default_task(), g, config, _read_payloads(g), last,
                                         _read_payloads(last) if last else None, pure=False))
        for fut in dask_completed(futures):
            yield fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
