"""Word lists as data: ``rules/data/NAME.txt`` (one phrase a line, ``#`` starts a comment) or
``rules/data/NAME.yaml`` (a mapping of lists). A researcher's ``--rules DIR`` may ship its own ``data/``
folder: a list of the same name there *extends* the built-in one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import yaml

# The data folders of the rule directories loaded by ``load_rules`` (``--rules DIR`` -> ``DIR/data``):
# every list read anywhere (rules, the attribution and hedge layers) is extended by them.
_ACTIVE: tuple[Path, ...] = ()
_CACHES: list = []


def cached(fn: Callable) -> Callable:
    """``lru_cache`` for anything built from word lists; cleared when the active data folders change."""
    c = lru_cache(maxsize=None)(fn)
    _CACHES.append(c)
    return c


def use_data_dirs(dirs: Iterable[Path | str]) -> None:
    """Make ``dirs`` extend every word list from now on (``load_rules`` calls this)."""
    global _ACTIVE
    new = tuple(Path(d).resolve() for d in dirs if Path(d).is_dir())
    if new != _ACTIVE:
        _ACTIVE = new
        for c in _CACHES:
            c.cache_clear()


def _data_dirs(extra_dirs=()) -> list[Path]:
    from .rules import builtin_rules_dir

    dirs = [builtin_rules_dir() / "data", *_ACTIVE]
    return dirs + [Path(d) for d in extra_dirs if Path(d).resolve() not in dirs]


@lru_cache(maxsize=256)
def _read_txt(path: Path) -> tuple[str, ...]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("\\#") else line.strip()[1:]
        if line:
            out.append(line)
    return tuple(out)


@lru_cache(maxsize=256)
def _read_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def longest_first(words) -> list[str]:
    """``words`` ordered for a regular-expression alternation: the longest first, so that a phrase wins over
    its own prefix, and equal lengths alphabetically, so that the compiled pattern is the same whatever order
    the words came in (a set's order changes with the interpreter's hash seed)."""
    return sorted(words, key=lambda w: (-len(w), w))


def load_phrases(name: str, extra_dirs=()) -> list[str]:
    """All phrases of list ``name`` (``hedges`` or ``sources.agencies`` for a key of sources.yaml)."""
    base, _, key = name.partition(".")
    found = False
    out: list[str] = []
    for d in _data_dirs(tuple(extra_dirs)):
        txt, yml = d / f"{base}.txt", d / f"{base}.yaml"
        if not key and txt.is_file():
            out += _read_txt(txt)
            found = True
        elif yml.is_file():
            data = _read_yaml(yml)
            val = data.get(key) if key else data
            if isinstance(val, list):
                out += [str(v) for v in val]
                found = True
            elif isinstance(val, dict):
                for v in val.values():
                    out += [str(x) for x in (v if isinstance(v, list) else [v])]
                found = True
    if not found:
        raise KeyError(f"no word list named {name!r} (looked for data/{base}.txt or data/{base}.yaml)")
    return list(dict.fromkeys(out))


def load_mapping(name: str, extra_dirs=()) -> dict:
    """The mapping in ``data/NAME.yaml``, the built-in one updated by any extra directory's lists."""
    merged: dict = {}
    for d in _data_dirs(tuple(extra_dirs)):
        p = d / f"{name}.yaml"
        if p.is_file():
            for k, v in _read_yaml(p).items():
                if isinstance(v, list) and isinstance(merged.get(k), list):
                    merged[k] = list(dict.fromkeys(merged[k] + v))
                else:
                    merged[k] = v
    return merged
