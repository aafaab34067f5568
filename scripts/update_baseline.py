"""Rewrite the golden baseline of headline numbers (run on purpose, commit with a reason)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.baseline import write_baseline

if __name__ == "__main__":
    print(f"wrote {write_baseline()}")
