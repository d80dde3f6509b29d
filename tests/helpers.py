"""Shared test helpers: the seeds, the gold annotations, and a guard against network access."""

from __future__ import annotations

import json
import socket
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
GOLD_FILE = Path(__file__).resolve().parent / "gold" / "seeds_gold.json"


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def seed_articles():
    from auditor.models import Article

    return [Article(id=p.stem, text=p.read_text(encoding="utf-8"), source=str(p)) for p in seed_paths()]


def gold() -> dict:
    return json.loads(GOLD_FILE.read_text(encoding="utf-8"))


class NetworkTouched(AssertionError):
    pass


@contextmanager
def no_network():
    """Fail any attempt to open a connection or resolve a name outside loopback."""
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def guard_connect(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1") or host.startswith("/")):
            return real_connect(self, address)
        raise NetworkTouched(f"network access attempted: {address!r}")

    def guard_getaddrinfo(host, *args, **kwargs):
        if host in (None, "localhost", "127.0.0.1", "::1"):
            return real_getaddrinfo(host, *args, **kwargs)
        raise NetworkTouched(f"name lookup attempted: {host!r}")

    socket.socket.connect = guard_connect
    socket.getaddrinfo = guard_getaddrinfo
    try:
        yield
    finally:
        socket.socket.connect = real_connect
        socket.getaddrinfo = real_getaddrinfo
