"""Writing a report or export to the path the user named, safely.

- The path is followed: a symlink is written through (its target gets the
  report, the link stays a link).
- A special file (``/dev/null``, ``/dev/stdout``, a FIFO, a terminal) is
  written into, never replaced by a regular file; a FIFO nobody reads is an
  error, not a hang.
- A regular file is written to a temporary file in the target's own folder
  and renamed over it (``os.replace`` is atomic within a file system), so a
  reader never sees half a report; an existing file keeps its permissions.
  The temporary file is removed whatever happens (disk full, Ctrl-C).
- Every failure is one line (``OutputError``), exit status 2.
"""
from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile

from textcheck.errors import OutputError


def target_path(output: str) -> str:
    """The file that will be written: ``output`` with symlinks followed."""
    return os.path.realpath(os.path.abspath(output))  # a symlink loop is left as named (then ELOOP below)


def _stat(target: str, output: str) -> os.stat_result | None:
    """The target's status (through symlinks), None when it does not exist yet; other errors are one line."""
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"--output {output}: {exc.strerror or exc}") from None


def check_output_path(output: str | None) -> None:
    """Refuse an output path that cannot be written, before any work is done."""
    if not output:
        return
    if "\0" in output:
        raise OutputError(f"--output {output!r}: a file name cannot contain a NUL character")
    target = target_path(output)
    st = _stat(target, output)
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(f"--output {output}: is a folder, name a file in it")
    if st is not None and not stat.S_ISREG(st.st_mode):
        if not os.access(target, os.W_OK):
            raise OutputError(f"--output {output}: not writable")
        return  # a device or FIFO is written into; its folder does not matter
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise OutputError(f"--output {output}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"--output {output}: folder {folder} is not writable")


def write_output(content: str | bytes, output: str | None) -> None:
    """Write ``content`` to stdout (no ``output``) or to the file ``output`` names."""
    if not output:
        if isinstance(content, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(content)
        return
    data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogateescape")
    check_output_path(output)
    target = target_path(output)
    st = _stat(target, output)
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_into_special(target, data, output, stat.S_ISFIFO(st.st_mode))
    else:
        _replace_regular(target, data, output, st)


def _write_into_special(target: str, data: bytes, output: str, fifo: bool) -> None:
    try:
        if fifo:
            # O_NONBLOCK: opening a FIFO nobody reads fails (ENXIO) instead of blocking forever.
            fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK)
            os.set_blocking(fd, True)
        else:
            fd = os.open(target, os.O_WRONLY)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
    except OSError as exc:
        reason = "no process is reading this FIFO" if exc.errno == errno.ENXIO else (exc.strerror or str(exc))
        raise OutputError(f"--output {output}: cannot write: {reason}") from None


def _replace_regular(target: str, data: bytes, output: str, st: os.stat_result | None) -> None:
    folder, name = os.path.split(target)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())  # a full disk shows here, before the old file is replaced
        os.chmod(tmp, stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask())
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise OutputError(f"--output {output}: cannot write: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
