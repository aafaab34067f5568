"""Regenerate the synthetic example exports in sample_data/surveys (fixed seed)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.survey import synthetic as sy  # noqa: E402

OUT = ROOT / "sample_data" / "surveys"
MEANS = {
    "satisfaction": 3.4,
    "identification": 3.7,
    "voice": 2.7,
    "trust": 3.0,
    "always_on": 3.5,
    "social_media_skill": 3.2,
}
# Three kinds of employees, as shifts from the means: proud promoters, silent
# critics and the overloaded (so the example shows personas).
PROFILES = [
    {"satisfaction": 0.7, "identification": 0.8, "voice": 0.6, "trust": 0.7, "always_on": -0.5},
    {"satisfaction": -0.6, "identification": -0.4, "voice": -0.9, "trust": -0.9},
    {"satisfaction": -0.3, "always_on": 1.0, "social_media_skill": 0.6},
]


def main() -> None:
    rng = np.random.default_rng(2026)
    en = sy.generate(180, rng, "en", MEANS, spread=0.45, profiles=PROFILES)
    nl = sy.generate(180, rng, "nl", MEANS, spread=0.45, profiles=PROFILES)
    files = {
        "serre_example_qualtrics_en.csv": sy.to_qualtrics_csv(en, rng),
        "serre_example_ms_forms_en.xlsx": sy.to_ms_forms_xlsx(en, rng),
        "serre_example_google_forms_nl.csv": sy.to_google_forms_csv(nl, rng),
        "serre_example_spss_nl.sav": sy.to_spss_sav(nl),
        "serre_example_excel_semicolon_nl.csv": sy.to_plain_csv(nl),
    }
    for name, data in files.items():
        (OUT / name).write_bytes(data)
        print(f"wrote {name} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
