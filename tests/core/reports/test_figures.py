"""The report and deck charts keep their words inside the picture, in both languages."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from matplotlib.text import Text

from core.i18n import translate
from core.reports.figures import bar_figure

SUMMARY = {"mean": 99_343.0, "p10": 19_512.0, "p90": 220_959.0}
LONG_NAME = "Aanbevolen mix met vrijwillige training en een deelbaar certificaat"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_long_caption_and_long_names_wrap_inside_the_picture(lang):
    """The PDF report's captions ran past the right edge, cut mid-word; long names overlapped."""
    words = translate("deck.chart_caption", lang)
    caption = f"{translate('metric.monthly_unique_reach.title', lang)} · {words} · {words}"
    fig = bar_figure(
        [(LONG_NAME, SUMMARY), ("Today", SUMMARY)], "monthly_unique_reach", lang, caption,
        size=(7.6, 3.6),
    )  # fmt: skip
    try:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        width, height = fig.bbox.width, fig.bbox.height
        ax = fig.axes[0]
        for text in fig.findobj(Text):  # caption, names, ticks, axis label, values
            if not text.get_text():
                continue
            box = text.get_window_extent(renderer)
            assert box.x0 >= 0 and box.x1 <= width, text.get_text()
            assert box.y0 >= 0 and box.y1 <= height, text.get_text()
        assert "\n" in ax.get_title(loc="left")  # the caption wraps rather than runs on
        names = ax.get_xticklabels()
        assert names[0].get_text().count("\n") >= 1
        assert names[0].get_window_extent(renderer).x1 < names[1].get_window_extent(renderer).x0
    finally:
        plt.close(fig)
