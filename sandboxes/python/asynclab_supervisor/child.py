"""Starts pytest and the learner's code in a child process that cannot reach the supervisor.

The child runs as uid/gid 10001 with no supplementary groups (so it cannot read the supervisor's
0600/0700 files, signal it or read its /proc entries), `python3 -I` (no PYTHONPATH, no
user site, no script or working directory on sys.path), a fresh environment without the nonce,
and no descriptor but stdout, stderr, its end of the channel and stdin. It is a new program
(exec), so nothing of the supervisor's memory is in it.

It is started warm: before any learner file is in /work it imports pytest, pytest-asyncio and
the harness, says "ready" on the channel, and waits for one byte on stdin (a pipe from the
supervisor) before it looks at /work; then its stdin becomes /dev/null.
"""

import os
import selectors
import signal
import socket
import subprocess
import time

SANDBOX_UID = SANDBOX_GID = 10001
HARNESS_PATH = "/opt/asynclab"
CHILD_FD = 3
CHILD_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": "/tmp",
    "LANG": "C.UTF-8",
    "TMPDIR": "/tmp",
}
# -I ignores PYTHON* variables, so their effects are flags here: -B no bytecode, -u unbuffered.
CHILD_BOOT = ("import sys; sys.path.insert(0, %r); "
              "from asynclab_harness.__main__ import main; main(channel_fd=%d, go_fd=0)") % (HARNESS_PATH, CHILD_FD)
READY_WAIT_SEC = 30


class WarmChild:
    """A started child that has done its imports and waits for `run`."""

    def __init__(self, proc, channel, sock, go_fd: int):
        self.proc, self.channel, self.sock, self.go_fd = proc, channel, sock, go_fd

    def wait_ready(self) -> None:
        """Until the child says it is ready (or has ended: `run` then reports the crash)."""
        sel = selectors.DefaultSelector()
        sel.register(self.channel, selectors.EVENT_READ)
        deadline = time.monotonic() + READY_WAIT_SEC
        try:
            while not self.channel.closed and time.monotonic() < deadline:
                if sel.select(timeout=0.5) and any(m.get("op") == "ready" for m in self.channel.read()):
                    return
                if self.proc.poll() is not None:
                    return
        finally:
            sel.close()

    def run(self, on_message):
        """Lets the child go and runs it to its end, handing each channel message to
        `on_message(message, channel)`. Returns (exit status, channel); every process of the
        sandbox user is gone when it returns."""
        try:
            os.write(self.go_fd, b"g")
        except OSError:
            pass  # it has ended already: its status says how
        os.close(self.go_fd)
        status = _supervise(self.proc, self.channel, on_message)
        if os.geteuid() == 0:
            kill_sandbox_user()
        self.sock.close()
        return status, self.channel


def start(root: str, harness_path: str = HARNESS_PATH) -> WarmChild:
    """Starts the child in `root` and waits until its imports are done."""
    from .channel import Channel
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    go_read, go_write = os.pipe()
    boot = CHILD_BOOT if harness_path == HARNESS_PATH else CHILD_BOOT.replace(repr(HARNESS_PATH), repr(harness_path))
    as_root = os.geteuid() == 0
    try:
        proc = subprocess.Popen(
            ["python3", "-I", "-B", "-u", "-c", boot],
            cwd=root, env=dict(CHILD_ENV), stdin=go_read,
            close_fds=True, pass_fds=(CHILD_FD,),
            preexec_fn=_move_fd(theirs.fileno(), CHILD_FD),
            **({"user": SANDBOX_UID, "group": SANDBOX_GID, "extra_groups": []} if as_root else {}),
        )
    finally:
        theirs.close()
        os.close(go_read)
    ours.setblocking(False)
    warm = WarmChild(proc, Channel(ours), ours, go_write)
    warm.wait_ready()
    return warm


def _move_fd(source: int, target: int):
    def move():
        # Runs in the forked child before exec: the child's end becomes fd 3, inheritable.
        os.dup2(source, target)
        os.set_inheritable(target, True)
    return move


def _supervise(proc, channel, on_message) -> int:
    sel = selectors.DefaultSelector()
    sel.register(channel, selectors.EVENT_READ)
    try:
        pidfd = os.pidfd_open(proc.pid)
        sel.register(pidfd, selectors.EVENT_READ)
        wake_every = None
    except OSError:  # gVisor (runsc) has no pidfd_open: look at the child between reads instead
        pidfd, wake_every = None, 0.01
    try:
        while True:
            for key, _ in sel.select(timeout=wake_every):
                if key.fileobj is channel:
                    for message in channel.read():
                        on_message(message, channel)
                    if channel.overflow and os.geteuid() == 0:
                        kill_sandbox_user()  # its report is refused already; waiting would only hang
                    if channel.closed or channel.overflow:
                        sel.unregister(channel)
            if proc.poll() is not None:
                break
        # What the child sent before it ended is still in the socket: read it, briefly.
        deadline = time.monotonic() + 0.5
        while not channel.closed and not channel.overflow and time.monotonic() < deadline:
            if not sel.select(timeout=0.05):
                break
            for message in channel.read():
                on_message(message, channel)
        return proc.returncode
    finally:
        sel.close()
        if pidfd is not None:
            os.close(pidfd)


def kill_sandbox_user() -> None:
    """Ends every process of uid 10001: a grandchild must never write after the report.

    kill(-1) from a process of that uid reaches every process of that uid but itself."""
    pid = os.fork()
    if pid == 0:
        try:
            os.setgroups([])
            os.setgid(SANDBOX_GID)
            os.setuid(SANDBOX_UID)
            os.kill(-1, signal.SIGKILL)
        except OSError:
            pass
        os._exit(0)
    os.waitpid(pid, 0)
    # Reap what was killed (the supervisor is PID 1: orphans are its children).
    while True:
        try:
            if os.waitpid(-1, os.WNOHANG) == (0, 0):
                break
        except ChildProcessError:
            break
