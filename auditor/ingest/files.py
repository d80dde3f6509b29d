"""Finding input files and reading their bytes safely: size, emptiness, binary content, encoding.

Every failure is a ``ReadFailure`` carrying a one-line reason a user can act on; nothing here raises
anything else for a bad file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".csv": "csv", ".json": "json",
            ".warc": "warc", ".warc.gz": "warc", ".wacz": "warc"}

# A file is binary when it holds NUL bytes (and no UTF-16/32 byte order mark), or when more than this share
# of its first bytes are control bytes other than tab, line feed, carriage return and form feed.
CONTROL_SHARE = 0.3
_SAMPLE = 8192
_TEXT_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
# charset-normalizer's "chaos" (share of odd characters in the decoded text) above which a guess is not
# trusted; and the encodings preferred when several guesses tie (WHATWG decodes latin-1 as cp1252).
MAX_CHAOS = 0.1
PREFERRED = ("cp1252", "latin_1", "iso8859_15")


class ReadFailure(Exception):
    """A file that cannot be ingested; ``str(exc)`` is the reason."""


@dataclass
class Input:
    """A file to ingest and the format its suffix names (None: unsupported); ``explicit`` when it was
    named as a path, not found in a folder."""

    path: Path
    format: str | None
    explicit: bool = True


def format_of(path: Path) -> str | None:
    """The format a file's name gives (``.warc.gz`` counts as one suffix), None when unsupported."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return SUFFIXES.get(path.suffix.lower())


def discover(paths: Iterable[str | Path]) -> Iterator[Input | tuple[Path, str]]:
    """Files to read, in order: each path as given, a folder recursed in sorted order.

    In a folder, dotfiles and dot-folders are skipped, and so are files of other suffixes; a path named
    explicitly is always yielded (its format may be None). A path that does not exist yields
    ``(path, reason)``. Symbolic links to folders are followed once (no loops).
    """
    seen_dirs: set[Path] = set()

    def walk(folder: Path) -> Iterator[Input | tuple[Path, str]]:
        try:
            real = folder.resolve()
        except OSError as e:
            yield folder, f"cannot read folder: {e.strerror or e}"
            return
        if real in seen_dirs:
            return
        seen_dirs.add(real)
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as e:
            yield folder, f"cannot read folder: {e.strerror or e}"
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                yield from walk(entry)
            elif format_of(entry) is not None:
                yield Input(entry, format_of(entry), explicit=False)

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from walk(path)
        elif path.is_symlink() and not path.exists():
            yield path, "broken symbolic link"
        elif not path.exists():
            yield path, "no such file or folder"
        else:
            yield Input(path, format_of(path))


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing a file over ``max_bytes`` without reading more than ``max_bytes + 1``."""
    if path.is_symlink() and not path.exists():
        raise ReadFailure("broken symbolic link")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadFailure(f"too large: {size:,} bytes (limit {max_bytes:,})")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise ReadFailure("unreadable: permission denied") from None
    except IsADirectoryError:
        raise ReadFailure("is a folder") from None
    except OSError as e:
        raise ReadFailure(f"unreadable: {e.strerror or e}") from None
    if len(data) > max_bytes:  # grew since stat, or a special file
        raise ReadFailure(f"too large: over {max_bytes:,} bytes")
    return data


def check_binary(data: bytes) -> None:
    """Raise when ``data`` is empty or looks binary (see ``CONTROL_SHARE``)."""
    if not data:
        raise ReadFailure("empty file (0 bytes)")
    if data.startswith(_UTF16_32_BOMS):
        return
    if b"\x00" in data:
        raise ReadFailure("binary file (contains NUL bytes)")
    sample = data[:_SAMPLE]
    controls = sum(1 for b in sample if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    if controls > CONTROL_SHARE * len(sample):
        raise ReadFailure("binary file (mostly control bytes)")


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode ``data``: UTF-8 (a leading byte order mark kept, as ``Path.read_text(encoding="utf-8")``
    keeps it, so offsets agree), else the encoding charset-normalizer finds with confidence. Returns
    ``(text, encoding)`` with encoding None for UTF-8.

    Line breaks are translated as ``Path.read_text`` does (universal newlines: ``\\r\\n`` and ``\\r``
    become ``\\n``), so offsets agree with ``Path(file).read_text(encoding="utf-8")``.
    """
    encoding: str | None = None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = _guess(data)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _guess(data: bytes) -> tuple[str, str]:
    results = list(from_bytes(data))
    best = results[0] if results else None
    if best is None or best.chaos > MAX_CHAOS:
        raise ReadFailure("not UTF-8, and no text encoding fits it")
    tied = {m.encoding for m in results if m.chaos <= best.chaos + 0.01}
    text = str(best)
    try:
        cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None
    if cp1252 is not None and (tied & set(PREFERRED) or cp1252 == text):
        return cp1252, "cp1252"
    return text, best.encoding
