"""A warm sandbox's files: one tar on stdin, framed as `<length>\\n<tar bytes>`, unpacked into /work.

The worker sends it (libs/sandbox/src/warm-sandbox.ts) with the same owners and modes as the
archive API would give: root-owned, read-only to the sandbox user, the judges 0700/0600. Only
directories and regular files under the root are written; anything else is refused, never
followed (no links, no absolute paths, no `..`).
"""

import io
import os
import tarfile

FILES_LIMIT = 64 * 1024 * 1024


class UnpackError(Exception):
    pass


def read_files(fd: int, root: str) -> None:
    header = b""
    while not header.endswith(b"\n"):
        byte = os.read(fd, 1)
        if not byte or len(header) > 20:
            raise UnpackError("no file archive on stdin")
        header += byte
    length = int(header)
    if not 0 < length <= FILES_LIMIT:
        raise UnpackError(f"a file archive of {length} bytes")
    chunks, left = [], length
    while left:
        chunk = os.read(fd, min(left, 1024 * 1024))
        if not chunk:
            raise UnpackError("the file archive ended early")
        chunks.append(chunk)
        left -= len(chunk)
    extract(b"".join(chunks), root)


def extract(archive: bytes, root: str) -> None:
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:") as tar:
        for member in tar:
            path = _inside(root, member.name)
            mode = member.mode & 0o777
            if member.isdir():
                os.makedirs(path, mode=0o700, exist_ok=True)
                os.chmod(path, mode)
            elif member.isfile():
                data = tar.extractfile(member).read()
                os.makedirs(os.path.dirname(path), mode=0o755, exist_ok=True)
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
                try:
                    _write_all(fd, data)
                    os.fchmod(fd, mode)
                finally:
                    os.close(fd)
            else:
                raise UnpackError(f"{member.name}: only files and folders are unpacked")


def _inside(root: str, name: str) -> str:
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts or ".." in parts or name.startswith("/"):
        raise UnpackError(f"{name!r} is outside the work folder")
    return os.path.join(root, *parts)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
