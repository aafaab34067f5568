"""A PowerPoint deck for the boardroom: title, summary table, one chart per slide.

Chart images are drawn locally with matplotlib (no browser needed, so it
works on a fresh machine), in the Okabe-Ito palette with large type.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from core import formatting as fmt
from core.charts import OKABE_ITO
from core.exports import neutralise
from core.i18n import translate
from core.metrics import COMPARED, HEADLINE, metric
from core.recommend import Recommendation
from core.reports.decision_text import decision_text
from core.simulate import SimulationResult
from core.text import mathtext_literal, xml_safe

# Rare events are drawn as the chance of at least one (a median count would be an empty bar).
CHART_METRICS = (
    "ambassadors_creators",
    "monthly_unique_reach",
    "p_sensitive_leak_year",
    "negative_posts_per_year",
    "always_on_share",
)


def chart_png(
    results: Sequence[tuple[str, SimulationResult]], key: str, title: str, lang: str = "en"
) -> bytes:
    """Median per scenario with P10-P90 whiskers, as a PNG, labelled in the language's digits."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    spec = metric(key)
    scale = 100 if spec.is_share else 1
    names = [mathtext_literal(name) for name, _ in results]
    s = [r.summary()[key] for _, r in results]
    p50 = [x["p50"] * scale for x in s]
    low = [(x["p50"] - x["p10"]) * scale for x in s]
    high = [(x["p90"] - x["p50"]) * scale for x in s]
    fig, ax = plt.subplots(figsize=(10, 5.2), dpi=110)
    bars = ax.bar(
        names,
        p50,
        color=[OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(names))],
        yerr=[low, high],
        capsize=10,
    )
    ax.bar_label(
        bars,
        labels=[mathtext_literal(spec.show(x["p50"], lang)) for x in s],
        label_type="center",
        fontsize=15,
        color="white",
        fontweight="bold",
    )
    ax.set_title(title, fontsize=20, loc="left")
    ax.tick_params(labelsize=14)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#e5e5e5")
    ax.set_axisbelow(True)
    ticks = lambda v, _: fmt.number(v, lang) + ("%" if spec.is_share else "")  # noqa: E731
    ax.yaxis.set_major_formatter(FuncFormatter(ticks))
    ax.set_ylabel(spec.unit(lang), fontsize=14)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def _decision_slide(deck: Any, rec: Recommendation, lang: str) -> None:
    """The decision: headline, confidence, the first moves and the guard rails."""
    from pptx.util import Inches, Pt

    d = decision_text(rec, lang)
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = translate("report.decision", lang)
    box = slide.shapes.add_textbox(Inches(0.7), Inches(1.4), Inches(11.9), Inches(5.6)).text_frame
    box.word_wrap = True
    lines = [
        (d.headline, 22, True),
        (d.confidence, 14, False),
        (translate("report.first_moves", lang), 18, True),
        *[(m, 16, False) for m in d.moves],
        *[(x, 14, False) for x in (d.later, d.optional) if x],
        (translate("report.guard_rails", lang), 18, True),
        *[(x, 14, False) for x in d.guard_rails],
    ]
    for i, (text, size, bold) in enumerate(lines):
        paragraph = box.paragraphs[0] if i == 0 else box.add_paragraph()
        paragraph.text = xml_safe(text)
        for run in paragraph.runs:
            run.font.size, run.font.bold = Pt(size), bold
    slide.notes_slide.notes_text_frame.text = xml_safe("\n".join(f"{a}: {v}" for a, v in d.regret))


def pptx_deck(
    results: Sequence[tuple[str, SimulationResult]],
    lang: str = "en",
    recommendation: Recommendation | None = None,
) -> bytes:
    """Title slide, the decision (with a recommendation), the summary table, the charts."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    if not results:
        raise ValueError("a deck needs at least one scenario")
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    title_slide = deck.slides.add_slide(deck.slide_layouts[0])
    title_slide.shapes.title.text = xml_safe(
        translate("report.title", lang, name=results[0][1].scenario.title(lang))
    )
    title_slide.placeholders[1].text = translate(
        "report.generated",
        lang,
        date=fmt.day(date.today(), lang),
        runs=fmt.number(results[0][1].runs, lang),
        seed=results[0][1].seed,
    )

    if recommendation is not None:
        _decision_slide(deck, recommendation, lang)

    summary = deck.slides.add_slide(deck.slide_layouts[5])
    summary.shapes.title.text = translate("report.summary", lang)
    metrics = [*HEADLINE, *[m for m in COMPARED if m not in HEADLINE]]
    rows, cols = len(metrics) + 1, len(results) + 1
    table = summary.shapes.add_table(
        rows, cols, Inches(0.5), Inches(1.5), Inches(12.3), Inches(5.5)
    ).table
    table.cell(0, 0).text = translate("report.metric", lang)
    for j, (name, _) in enumerate(results, start=1):
        table.cell(0, j).text = xml_safe(neutralise(name))
    for i, m in enumerate(metrics, start=1):
        spec = metric(m)
        table.cell(i, 0).text = f"{spec.title(lang)} ({spec.of(lang)})"
        for j, (_, result) in enumerate(results, start=1):
            s = result.summary()[m]
            band = fmt.span(spec.show(s["p10"], lang), spec.show(s["p90"], lang))
            table.cell(i, j).text = f"{spec.show(s['mean'], lang, precise=True)}  ({band})"
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(13)

    for m in CHART_METRICS:
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        title = translate(f"metric.{m}.title", lang)
        slide.shapes.title.text = title
        image = chart_png(results, m, translate("report.chart_caption", lang), lang)
        slide.shapes.add_picture(io.BytesIO(image), Inches(1.2), Inches(1.4), width=Inches(10.9))
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
