"""Baseline without Scrapy: ``trafilatura.extract`` on every page of a run, in one process.

python bench/baselines/plain_extract.py --pages 3000
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from throughput_web import load_corpus, read_page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=3000)
    args = parser.parse_args()
    corpus = load_corpus()
    extracted = 0
    for n in range(args.pages):
        html = read_page(corpus, n).decode("utf-8", errors="replace")
        if trafilatura.extract(html, url=corpus.url(n)):
            extracted += 1
    print(f"extracted {extracted} of {args.pages}")


if __name__ == "__main__":
    main()
