"""Configuration: ``[tool.auditor]`` in ``pyproject.toml`` or the top level of ``auditor.toml``.

Keys (all optional)::

    [tool.auditor]
    db = "sqlite:///auditor.db"        # default store
    select = ["attribution", "vague-attribution"]   # rule ids or families to run (default: all)
    ignore = ["read-time-marker"]     # rule ids or families to skip
    preview = true                    # run preview rules too
    rules = ["myrules"]               # extra rule directories
    rule-timeout = 10                 # seconds one rule may take on one article (0: no limit)

    [tool.auditor.weights]            # family weights for the article score
    attribution = 1.0
    boilerplate = 1.0
    quote-fidelity = 1.0
    inference = 1.0

    [tool.auditor.rule-weights]       # per-rule weights inside a family
    vague-attribution = 2.0
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .models import CATEGORIES


def _default_rule_timeout() -> float:
    from .rules import RULE_TIMEOUT  # one default, the rules'

    return RULE_TIMEOUT


def parse_rule_timeout(value, where: str) -> float:
    """A time budget in seconds (>= 0) from a configuration value or an option; ValueError naming
    ``where`` otherwise."""
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = -1.0
    if isinstance(value, bool) or not seconds >= 0 or seconds == float("inf"):
        raise ValueError(f"{where}: rule-timeout must be a number of seconds >= 0 (0: no limit), not {value!r}")
    return seconds


def default_db_url() -> str:
    from .store.database import DEFAULT_URL  # one default, the store's

    return DEFAULT_URL


@dataclass
class Config:
    db: str = field(default_factory=default_db_url)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    preview: bool = True
    rules: list[str] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=lambda: {c: 1.0 for c in CATEGORIES})
    rule_weights: dict[str, float] = field(default_factory=dict)
    # The article score: a score model file (``audit calibrate`` writes one), None for the shipped model
    # (rules/data/score_model.json), or "families" for the weighted mean of the family sub-scores.
    model: str | None = None
    source: str | None = None
    # seconds one rule may take on one article before it is stopped and reported (0 or None: no limit)
    rule_timeout: float | None = field(default_factory=lambda: _default_rule_timeout())

    def score_model(self):
        """The score model this configuration asks for (None: the families' weighted mean)."""
        if self.model == "families":
            return None
        from .calibration import load_model

        return load_model(self.model)


def load_config(start: Path | None = None) -> Config:
    """Read ``auditor.toml`` or ``pyproject.toml``'s ``[tool.auditor]`` from ``start`` (default: cwd)."""
    d = (start or Path.cwd()).resolve()
    for name in ("auditor.toml", "pyproject.toml"):
        p = d / name
        if not p.is_file():
            continue
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise ValueError(f"{p}: not valid TOML: {e}") from None
        section = data if name == "auditor.toml" else data.get("tool", {}).get("auditor")
        if section is None:
            continue
        cfg = Config(source=str(p))
        cfg.db = section.get("db", cfg.db)
        cfg.select = list(section.get("select", []))
        cfg.ignore = list(section.get("ignore", []))
        cfg.preview = bool(section.get("preview", True))
        cfg.rules = [str(d / r) for r in section.get("rules", [])]
        cfg.weights.update({k: float(v) for k, v in section.get("weights", {}).items()})
        cfg.rule_weights = {k: float(v) for k, v in section.get("rule-weights", {}).items()}
        if "rule-timeout" in section:
            cfg.rule_timeout = parse_rule_timeout(section["rule-timeout"], str(p))
        if section.get("model"):
            m = str(section["model"])
            cfg.model = m if m == "families" else str(d / m)
        return cfg
    return Config()
