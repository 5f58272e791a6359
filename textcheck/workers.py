"""Worker processes that can be stopped: checks that overrun are killed, not abandoned.

A thread cannot be stopped from outside, and ``ProcessPoolExecutor`` gives up
the whole pool when one worker dies (``BrokenProcessPool``) and cannot end one
task.  Both the service and ``textcheck scan`` therefore run each check in a
worker process of their own:

- a task over its time limit gets its worker killed (SIGKILL), so the time
  and memory it held are released at once, and a fresh worker takes its place;
- a worker that dies (the OOM killer, a crash in a C extension) is noticed by
  its process sentinel; ``run_tasks`` retries its task once, then reports it;
- a worker never outlives its parent: on Linux the kernel sends it SIGKILL
  when the parent dies (``PR_SET_PDEATHSIG``), and everywhere a watchdog
  thread ends it once its parent process is gone.

On Linux workers are forked, so they inherit what the parent already built
(the Checker with its lexicons and NLP pipeline) and a replacement starts in
milliseconds.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from multiprocessing.connection import wait
from typing import Any, Callable, Iterable, Iterator

WATCHDOG_INTERVAL_S = 0.5


class TaskTimeout(Exception):
    """The task passed its time limit; its worker was killed."""


class WorkerDied(Exception):
    """The worker process ended while it ran the task."""


def _context():
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _die_with_parent(parent_pid: int, from_main_thread: bool) -> None:
    """End this process when the parent is gone (kill -9 of the coordinator leaves no orphans)."""
    if sys.platform.startswith("linux") and from_main_thread:
        # The death signal fires when the *thread* that forked us ends, so it is
        # only set up when the parent forked from its main thread.
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            PR_SET_PDEATHSIG = 1
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        os._exit(1)

    def watchdog():
        while True:
            time.sleep(WATCHDOG_INTERVAL_S)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watchdog, name="textcheck-watchdog", daemon=True).start()


def _close_inherited_sockets(keep: int) -> None:
    """A forked worker holds copies of the parent's sockets: the service's listening socket
    and its open client connections, which would then not close when the service closes
    them.  The worker needs none but its own pipe."""
    import stat

    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:  # no /proc: nothing to do portably
        return
    for fd in fds:
        if fd <= 2 or fd == keep:
            continue
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.close(fd)
        except OSError:
            pass


def _worker_main(conn, parent_pid: int, from_main_thread: bool, initializer, initargs) -> None:
    _die_with_parent(parent_pid, from_main_thread)
    _close_inherited_sockets(keep=conn.fileno())
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the coordinator's to handle
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        fn, args = message
        try:
            reply = ("ok", fn(*args))
        except BaseException as exc:  # noqa: BLE001 — reported to the parent, the worker goes on
            reply = ("error", f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return


class Worker:
    """One worker process and the pipe to it."""

    def __init__(self, initializer: Callable | None = None, initargs: tuple = ()):
        ctx = _context()
        self.conn, child = ctx.Pipe()
        from_main = threading.current_thread() is threading.main_thread()
        self.process = ctx.Process(target=_worker_main, name="textcheck-worker", daemon=True,
                                   args=(child, os.getpid(), from_main, initializer, initargs))
        self.process.start()
        child.close()
        self.task: Any = None
        self.deadline: float | None = None

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def send(self, fn: Callable, args: tuple) -> None:
        self.conn.send((fn, args))

    def kill(self) -> None:
        """SIGKILL and reap: the process and its memory are gone when this returns."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        """Ask an idle worker to end; kill it if it does not."""
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(1)
        self.kill()

    def describe_death(self) -> str:
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                return f"signal {signal.Signals(-code).name}"
            except ValueError:
                return f"signal {-code}"
        return f"exit status {code}"


def run_tasks(tasks: Iterable, fn: Callable, jobs: int = 1, timeout: float | None = None,
              initializer: Callable | None = None, initargs: tuple = (), retries: int = 1,
              args_of: Callable = lambda task: (task,)) -> Iterator[tuple[Any, str, Any]]:
    """Run ``fn(*args_of(task))`` for every task in ``jobs`` worker processes.

    Yields ``(task, status, value)`` as tasks finish: ``"ok"`` with fn's
    return value, ``"error"`` with the exception's one-line text, ``"timeout"``
    (the worker was killed after ``timeout`` seconds) or ``"died"`` (the worker
    died ``retries + 1`` times on this task; value describes how).
    """
    pending = deque(tasks)
    attempts: dict[int, int] = {}
    workers: list[Worker] = []
    try:
        workers = [Worker(initializer, initargs) for _ in range(max(1, min(jobs, len(pending))))]
        while pending or any(w.task is not None for w in workers):
            for w in workers:
                if w.task is None and pending:
                    w.task = pending.popleft()
                    w.deadline = time.monotonic() + timeout if timeout else None
                    w.send(fn, args_of(w.task))
            busy = [w for w in workers if w.task is not None]
            now = time.monotonic()
            deadlines = [w.deadline for w in busy if w.deadline is not None]
            wait_s = max(0.0, min(deadlines) - now) if deadlines else None
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=wait_s)
            for i, w in enumerate(workers):
                if w.task is None:
                    continue
                task = w.task
                if w.conn in ready or w.process.sentinel in ready:
                    try:
                        status, value = w.conn.recv() if w.conn.poll() else (None, None)
                    except (EOFError, OSError):
                        status, value = None, None
                    if status is not None:
                        w.task = None
                        yield task, status, value
                        continue
                    # no reply: the worker died on this task
                    w.process.join(1)
                    how = w.describe_death()
                    w.kill()
                    workers[i] = Worker(initializer, initargs)
                    n = attempts[id(task)] = attempts.get(id(task), 0) + 1
                    if n <= retries:
                        pending.appendleft(task)
                    else:
                        yield task, "died", f"worker process died ({how}), {n} attempt{'s' if n > 1 else ''}"
                elif w.deadline is not None and time.monotonic() >= w.deadline:
                    w.kill()
                    workers[i] = Worker(initializer, initargs)
                    yield task, "timeout", timeout
    finally:
        for w in workers:
            if w.task is None:
                w.stop()
            else:
                w.kill()


class KillablePool:
    """A fixed number of worker processes for callers in threads (the service).

    ``call`` blocks its thread until the result is there, the time limit is
    reached (the worker is killed and replaced: TaskTimeout) or the worker
    dies (replaced: WorkerDied).  At most ``size`` calls run at once; the
    others wait for a free worker, within their own time limit.
    """

    def __init__(self, size: int, initializer: Callable | None = None, initargs: tuple = ()):
        self.initializer, self.initargs = initializer, initargs
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.all: set[Worker] = set()
        self.lock = threading.Lock()
        self.closed = False
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        w = Worker(self.initializer, self.initargs)
        with self.lock:
            self.all.add(w)
        self.idle.put(w)

    def _retire(self, w: Worker) -> None:
        w.kill()
        with self.lock:
            self.all.discard(w)
        if not self.closed:
            self._add()

    def pids(self) -> list[int]:
        with self.lock:
            return [w.pid for w in self.all if w.pid]

    def call(self, fn: Callable, args: tuple, timeout: float) -> Any:
        deadline = time.monotonic() + timeout
        try:
            w = self.idle.get(timeout=timeout)
        except queue.Empty:
            raise TaskTimeout(f"no free worker within {timeout:g} s") from None
        if not w.process.is_alive():
            self._retire(w)
            w = self.idle.get(timeout=max(0.01, deadline - time.monotonic()))
        try:
            w.send(fn, args)
            remaining = max(0.0, deadline - time.monotonic())
            if not w.conn.poll(remaining):
                self._retire(w)
                raise TaskTimeout(f"took longer than {timeout:g} s")
            status, value = w.conn.recv()
        except (EOFError, OSError, ValueError):
            w.process.join(1)
            how = w.describe_death() if not w.process.is_alive() else "pipe closed"
            self._retire(w)
            raise WorkerDied(f"worker process died ({how})") from None
        self.idle.put(w)
        if status == "error":
            raise RuntimeError(value)
        return value

    def close(self) -> None:
        self.closed = True
        with self.lock:
            workers = list(self.all)
            self.all.clear()
        for w in workers:
            w.kill()
