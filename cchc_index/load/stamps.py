"""What the file system says about a file, so that a long-running process (the province
server, the local page) can keep work done on it until it changes, without reading it again.

A stamp is a file's path, device, inode, size and modification and change times. File times
are coarse (the kernel's clock tick, a few milliseconds), so a file written twice within one
tick, at the same size and into a reused inode, would keep its stamp ("racy git"). A file
changed less than `SETTLE` seconds ago is therefore never trusted by its stamp: its bytes
are read instead (`folder_stamp`) and its hash is not remembered (`file_sha256`).
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections import OrderedDict
from pathlib import Path

from cchc_index.source import walk

SETTLE = 2.0  # seconds after its last change before a file's stamp is trusted
KEEP = 50_000  # remembered file hashes (paths of a province's bundles, a few MB)

_HASHES: OrderedDict[tuple[object, ...], str] = OrderedDict()
_LOCK = threading.Lock()


def _stat_key(path: str, info: os.stat_result) -> tuple[object, ...]:
    return (path, info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _settled(info: os.stat_result) -> bool:
    changed = max(info.st_mtime_ns, info.st_ctime_ns) / 1e9
    return time.time() - changed >= SETTLE


def file_sha256(path: Path) -> str:
    """sha256 of the file's bytes; remembered while its stamp stays the same (and it has
    settled), so a large evidence file is hashed once, not at every page."""
    info = path.stat()
    key = _stat_key(str(path), info)
    with _LOCK:
        found = _HASHES.get(key)
        if found is not None:
            _HASHES.move_to_end(key)
            return found
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if _settled(info) and len(data) == info.st_size:
        with _LOCK:
            _HASHES[key] = digest
            while len(_HASHES) > KEEP:
                _HASHES.popitem(last=False)
    return digest


def folder_stamp(folder: Path) -> str:
    """Changes whenever a file under `folder` (hidden ones left out, as `walk` does) is added,
    removed or changed: stat records for settled files, bytes for the rest."""
    digest = hashlib.sha256()
    entries = sorted((entry for entry in walk(folder) if entry.is_file()), key=lambda e: e.path)
    for entry in entries:
        info = entry.stat()
        digest.update(entry.path.encode("utf-8", "surrogateescape") + b"\0")
        if _settled(info):
            digest.update(repr(_stat_key("", info)).encode() + b"\0")
        else:
            digest.update(b"bytes\0" + hashlib.sha256(Path(entry.path).read_bytes()).digest())
    return digest.hexdigest()
