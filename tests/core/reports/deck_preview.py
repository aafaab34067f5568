"""A rough picture of each slide, drawn from its shapes (no office suite needed).

Text boxes are wrapped with the deck's own measure (DejaVu Sans) and drawn
at their font size, tables cell by cell, pictures as they are. Good enough
to see clipped or overlapping text, empty charts and English in Dutch.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from pptx.util import Emu

from core.reports.deck_theme import LINE, PAD, is_bullet, wrap


def _in(value: int) -> float:
    return Emu(value).inches


def _paragraphs(frame) -> Iterator[tuple[str, float, bool, str, str]]:
    for p in frame.paragraphs:
        runs = p.runs
        size = runs[0].font.size.pt if runs and runs[0].font.size else 18.0
        bold = bool(runs and runs[0].font.bold)
        colour = "#222222"
        if runs and runs[0].font.color and runs[0].font.color.type is not None:
            colour = "#" + str(runs[0].font.color.rgb)
        align = str(p.alignment) if p.alignment is not None else "LEFT"
        yield ("•  " + p.text if is_bullet(p) else p.text), size, bold, colour, align


def _text(ax, x, y, w, frame, height: float, middle: bool = False) -> None:
    blocks = []
    for text, size, bold, colour, align in _paragraphs(frame):
        lines = wrap(text, size, w - 2 * PAD, bold)
        spacing = frame.paragraphs[0].space_after
        after = spacing.pt if spacing is not None else 0
        blocks.append((lines, size, bold, colour, align, after))
    total = sum(len(b[0]) * b[1] * LINE / 72 + b[5] / 72 for b in blocks)
    top = y + PAD + (max(0.0, (height - total) / 2) if middle else 0.0)
    for lines, size, bold, colour, align, after in blocks:
        for line in lines:
            if "RIGHT" in align:
                ax.text(x + w - PAD, top, line, fontsize=size, ha="right", va="top",
                        fontweight="bold" if bold else "normal", color=colour)  # fmt: skip
            elif "CENTER" in align:
                ax.text(x + w / 2, top, line, fontsize=size, ha="center", va="top",
                        fontweight="bold" if bold else "normal", color=colour)  # fmt: skip
            else:
                ax.text(x + PAD, top, line, fontsize=size, ha="left", va="top",
                        fontweight="bold" if bold else "normal", color=colour)  # fmt: skip
            top += size * LINE / 72
        top += after / 72


def render(prs, folder: Path, stem: str, dpi: int = 72) -> list[Path]:
    """One PNG per slide (``stem_01.png`` ...), at ``dpi`` (96 gives 1280x720)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.image as mpimg
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    width, height = _in(prs.slide_width), _in(prs.slide_height)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for number, slide in enumerate(prs.slides, start=1):
        fig = plt.figure(figsize=(round(width * dpi) / dpi, round(height * dpi) / dpi), dpi=dpi)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, width)
        ax.set_ylim(height, 0)
        ax.axis("off")
        ax.add_patch(Rectangle((0, 0), width, height, color="white"))
        for shape in slide.shapes:
            x, y, w, h = (_in(v) for v in (shape.left, shape.top, shape.width, shape.height))
            if shape.shape_type == 13:  # picture
                image = mpimg.imread(io.BytesIO(shape.image.blob), format="png")
                ax.imshow(image, extent=(x, x + w, y + h, y), aspect="auto", zorder=1)
            elif shape.has_table:
                top = y
                for row in shape.table.rows:
                    left, row_h = x, _in(row.height)
                    for j, cell in enumerate(row.cells):
                        cw = _in(shape.table.columns[j].width)
                        ax.add_patch(
                            Rectangle((left, top), cw, row_h, fill=False, lw=0.5, ec="#bbbbbb")
                        )
                        _text(ax, left + 0.04, top, cw - 0.08, cell.text_frame, row_h)
                        left += cw
                    top += row_h
            elif shape.has_text_frame:
                anchor = str(shape.text_frame.vertical_anchor)
                _text(ax, x, y, w, shape.text_frame, h, middle="MIDDLE" in anchor)
                ax.add_patch(Rectangle((x, y), w, h, fill=False, lw=0.3, ec="#dddddd", ls=":"))
            else:
                ax.add_patch(Rectangle((x, y), w, h, color="#0072B2"))
        path = folder / f"{stem}_{number:02d}.png"
        fig.savefig(path, dpi=dpi)
        plt.close(fig)
        out.append(path)
    return out
