"""Charts for the deck and the PDF report, drawn with matplotlib (no browser needed).

One chart idea: a metric across scenarios as bars at the mean, whiskers from
P10 to P90, the value written above each bar in the metric's own words and
the language's digits. Probabilities are drawn as probabilities, so a risk
that is rare in a year still shows a bar and a label, never an empty chart.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from typing import Any

from core import formatting as fmt
from core.charts import OKABE_ITO
from core.metrics import metric
from core.reports.deck_theme import wrap
from core.text import mathtext_literal

DPI = 160
CAPTION_PT = 11


def _label(name: str, width: int = 24) -> str:
    return "\n".join(mathtext_literal(line) for line in textwrap.wrap(name, width)[:3]) or " "


def bars(
    items: Sequence[tuple[str, dict[str, float]]],
    key: str,
    lang: str,
    caption: str = "",
    size: tuple[float, float] = (7.6, 4.4),
) -> bytes:
    """``key`` for each (name, summary of key) as a PNG: mean bars, P10-P90 whiskers."""
    import matplotlib.pyplot as plt

    fig = bar_figure(items, key, lang, caption, size)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def bar_figure(
    items: Sequence[tuple[str, dict[str, float]]],
    key: str,
    lang: str,
    caption: str = "",
    size: tuple[float, float] = (7.6, 4.4),
) -> Any:
    """The matplotlib figure behind :func:`bars` (the caller closes it)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    spec = metric(key)
    scale = 100.0 if spec.is_share else 1.0
    means = [s["mean"] * scale for _, s in items]
    low = [max(0.0, (s["mean"] - s["p10"]) * scale) for _, s in items]
    high = [max(0.0, (s["p90"] - s["mean"]) * scale) for _, s in items]
    top = max([m + h for m, h in zip(means, high, strict=True)] + [1e-9])
    ceiling = max(top * 1.22, 10.0 if spec.is_share else 1.0)
    fig, ax = plt.subplots(figsize=size, dpi=DPI)
    positions = range(len(items))
    ax.bar(
        positions,
        means,
        width=0.55,
        color=[OKABE_ITO[i % len(OKABE_ITO)] for i in positions],
        yerr=[low, high],
        capsize=12,
        error_kw={"elinewidth": 1.6, "ecolor": "#333333"},
    )
    for i, (mean, up, (_, s)) in enumerate(zip(means, high, items, strict=True)):
        ax.text(
            i,
            mean + up + ceiling * 0.02,
            mathtext_literal(spec.show(s["mean"], lang)),
            ha="center",
            va="bottom",
            fontsize=15,
            fontweight="bold",
            color="#222222",
        )
    ax.set_xticks(list(positions), [_label(name) for name, _ in items], fontsize=11)
    ax.set_ylim(0, ceiling)
    ax.tick_params(axis="y", labelsize=11)
    percent = "%" if spec.is_share else ""
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.number(v, lang) + percent))
    ax.set_ylabel(mathtext_literal(spec.unit(lang)), fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#e5e5e5")
    ax.set_axisbelow(True)
    if caption:  # measured in the chart's own font; the axes start about an inch in
        lines = wrap(caption, CAPTION_PT, size[0] - 1.2)
        ax.set_title(
            "\n".join(mathtext_literal(line) for line in lines),  # one_line would join them
            fontsize=CAPTION_PT,
            loc="left",
            color="#555555",
        )
    fig.tight_layout()
    return fig
