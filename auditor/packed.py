"""A read-only list held as compressed bytes: what a run keeps of the records that are final.

A run of 100,000 articles holds, until the export and the store write, every article's findings,
quotations and attributions, every quote cluster, claim and graph row: as Python objects about 50 kB an
article, which is most of the run's memory. Once a record can no longer change it is packed here (msgpack
through msgspec, then zlib at its fastest level, a chunk of records at a time), about a fifth of that, and
made again when it is read: the export, the store write and the table read each list once, one chunk at a
time.

``Packed`` is a ``Sequence``: iteration, ``len``, indexing, slicing and ``==`` with a list work as on
the list it was made from; the items read back are equal to those packed (dataclass models come back as
the same class; a tuple or a set inside a record comes back as a list, as it does from the JSON export and
the stage cache). It cannot be changed: code that would append to a packed list fails loudly instead of
writing to a copy. A list whose items msgpack cannot hold is kept as it is (``pack`` returns it).
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields, is_dataclass
from itertools import islice
from typing import Any, TypeVar

import msgspec

T = TypeVar("T")

CHUNK = 128  # records a chunk: reading one record makes its chunk's records again
_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder()


class _ReadOnlyList(Sequence[T]):
    """What ``Packed`` and ``Spans`` share: a read-only Sequence that behaves as the list it stands for
    (slices, negative indices, ``==`` with a list or tuple, unhashable, pickled as that list). A subclass
    gives ``__len__``, ``__iter__`` and ``_item(i)`` for ``0 <= i < len``."""

    __slots__ = ()

    def _item(self, i: int) -> T:
        raise NotImplementedError

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return list(self)[index]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(f"{type(self).__name__} index out of range")
        return self._item(index)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _ReadOnlyList | list | tuple):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # like a list

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)!r})"

    def __reduce__(self):  # pickled (a Dask result, a copy) as the list it stands for
        return (list, (list(self),))


class Packed(_ReadOnlyList[T]):
    __slots__ = ("_chunks", "_len", "_make")

    def __init__(self, chunks: list[bytes], length: int, make: Callable[[dict], T] | None):
        self._chunks = chunks
        self._len = length
        self._make = make

    def _chunk(self, i: int) -> list[T]:
        items = _DECODER.decode(zlib.decompress(self._chunks[i]))
        return items if self._make is None else [self._make(d) for d in items]

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[T]:
        for i in range(len(self._chunks)):
            yield from self._chunk(i)

    def _item(self, i: int) -> T:
        return self._chunk(i // CHUNK)[i % CHUNK]

    @property
    def nbytes(self) -> int:
        return sum(len(c) for c in self._chunks)


def pack(items: Iterable[T]) -> Sequence[T]:
    """``items`` (any iterable, read once) as a ``Packed`` list, encoded a chunk at a time as they come, so
    that a generator's records are never all held; a plain list when there are none, when they mix a
    dataclass with other types, or when msgpack cannot hold one of them. A ``Packed`` list is returned
    as it is."""
    if isinstance(items, Packed):
        return items
    it = iter(items)
    chunks: list[bytes] = []
    n = 0
    cls: type | None = None
    while True:
        buf = list(islice(it, CHUNK))
        if not buf:
            break
        if cls is None:
            cls = type(buf[0])
        try:
            if any(type(x) is not cls for x in buf):
                raise TypeError("mixed types")
            chunks.append(zlib.compress(_ENCODER.encode(buf), 1))
        except (TypeError, ValueError, OverflowError):  # no msgpack form, or mixed: keep a plain list
            return [*Packed(chunks, n, _make(cls)), *buf, *it]
        n += len(buf)
    if not n:
        return []
    return Packed(chunks, n, _make(cls))


def _make(cls: type | None) -> Callable[[dict], Any] | None:
    if cls is None or not is_dataclass(cls):
        return None
    make = _MAKERS.get(cls)
    if make is None:
        names = tuple(f.name for f in fields(cls))

        def make(d: dict) -> Any:
            return cls(**{n: d[n] for n in names if n in d})

        _MAKERS[cls] = make
    return make


_MAKERS: dict[type, Callable[[dict], Any]] = {}


class Spans(_ReadOnlyList[tuple[int, int]]):
    """A read-only list of ``(start, end)`` spans held as one array of integers: 16 bytes a span instead
    of about 120 as a list of tuples (a document's sentences, held by the corpus stage for every
    article). It reads as that list of tuples; the items are made as they are read."""

    __slots__ = ("_a",)

    def __init__(self, spans: Iterable[Sequence[int]] = ()):
        self._a = array("q", [x for s, e in spans for x in (s, e)])

    def __len__(self) -> int:
        return len(self._a) >> 1

    def __iter__(self) -> Iterator[tuple[int, int]]:
        a = self._a
        return zip(islice(a, 0, None, 2), islice(a, 1, None, 2), strict=True)

    def _item(self, i: int) -> tuple[int, int]:
        return (self._a[2 * i], self._a[2 * i + 1])
