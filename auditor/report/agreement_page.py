"""What the report's Agreement page shows (``templates/agreement.html``): alpha with its interval
against the 0.667 and 0.8 lines as an inline SVG chart, and each disagreement linked to its article
page at the marked span of its evidence. ``report`` is ``auditor.agreement.agreement``'s JSON report.
"""

from __future__ import annotations

import math
from typing import Any

THRESHOLDS = ((0.667, "0.667: tentative conclusions only"), (0.8, "0.8: accepted"))
ROW_H, LABEL_W, PLOT_W, PAD = 18, 210, 420, 10


def _x(value: float, lo: float) -> float:
    return round(LABEL_W + PLOT_W * (value - lo) / (1.0 - lo), 1)


def chart(report: dict[str, Any]) -> dict[str, Any]:
    """Geometry of the chart: one row per variable and figure (coders, with auditor)."""
    shown = []
    for name, v in report.get("variables", {}).items():
        for key, ci_key, who in (("alpha_coders", "ci95_coders", "coders"),
                                 ("alpha_with_auditor", "ci95_with_auditor", "with auditor")):
            shown.append((name, who, v.get(key), v.get(ci_key)))
    finite = [x for _, _, a, ci in shown for x in ([a] if a is not None else []) + list(ci or [])]
    lo = max(-1.0, min([0.0, *finite]))
    lo = math.floor(lo * 10) / 10
    rows = []
    for k, (name, who, a, ci) in enumerate(shown):
        y = PAD + 20 + (k // 2) * (2 * ROW_H + 10) + (k % 2) * ROW_H  # a pair of rows per variable
        row = {"name": name, "who": who, "y": y, "alpha": a, "ci": ci, "first": k % 2 == 0,
               "x": None if a is None else _x(a, lo)}
        if ci:
            row["x1"], row["x2"] = _x(ci[0], lo), _x(ci[1], lo)
        rows.append(row)
    height = (rows[-1]["y"] + ROW_H if rows else 40) + 10
    ticks = [{"v": t / 10, "x": _x(t / 10, lo)} for t in range(int(round(lo * 10)), 11, 2 if lo < -0.4 else 1)]
    return {"rows": rows, "height": height, "width": LABEL_W + PLOT_W + 30, "top": PAD + 10,
            "bottom": height - 6, "ticks": ticks, "label_w": LABEL_W,
            "lines": [{"v": v, "x": _x(v, lo), "label": label} for v, label in THRESHOLDS]}


def band(a: float | None) -> str:
    if a is None:
        return "undefined"
    return "accepted" if a >= 0.8 else "tentative" if a >= 0.667 else "low"


def context(report: dict[str, Any], art_slug: dict[str, str]) -> dict[str, Any]:
    """The template's context: the chart, and each variable with its disagreements linked."""
    variables = []
    for name, v in report.get("variables", {}).items():
        rows = []
        for d in v.get("disagreements", []):
            slug = art_slug.get(d["article"])
            href = f"articles/{slug}.html" if slug else None
            ev = d.get("evidence")
            items = []
            if isinstance(ev, list):
                for e in ev:
                    anchor = f"m-{e['finding']}" if e["end"] > e["start"] else f"l-{e['finding']}"
                    items.append({**e, "href": f"{href}#{anchor}" if href else None})
            rows.append({**d, "href": href, "items": items, "none": not isinstance(ev, list)})
        variables.append({"name": name, **v, "band_coders": band(v.get("alpha_coders")),
                          "band_auditor": band(v.get("alpha_with_auditor")), "rows": rows})
    return {"agreement": report, "variables_ag": variables, "achart": chart(report)}
