"""The WCXB dev article pages (../shared/evaldata) as (HTML bytes, URL), without importing
newscrawl (bench/worker_memory.py measures what those imports cost)."""

from __future__ import annotations

import glob
import gzip
import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "evaldata" / "wcxb-dev-articles" / "dev"


def pages(step: int) -> list[tuple[bytes, str]]:
    """Every ``step``-th page, in file order, with its ground truth's URL."""
    out = []
    for path in sorted(glob.glob(str(DATA / "html" / "*.html.gz")))[::step]:
        truth = json.loads((DATA / "ground-truth" / f"{Path(path).name[:4]}.json").read_text())
        out.append(
            (gzip.decompress(Path(path).read_bytes()), truth.get("url") or "https://x.test/")
        )
    return out
