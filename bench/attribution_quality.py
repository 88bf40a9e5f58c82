"""Attribution quality: the golden set (original source, original URL, image credits, authors,
publisher, false credits on mention-only pages) and author accuracy on real WCXB pages.

    .venv/bin/python bench/attribution_quality.py [--limit N] [--no-wcxb] [--verbose] [--write-docs]

Golden set: tests/golden/attribution/*.html through the production chain (extract -> clean
-> AttributionPipeline). original_source precision = correct non-null answers / non-null
answers, recall = correct non-null answers / pages that credit an outlet; original_url the
same; image credits are scored as (page, credit) pairs; authors and publisher as whole-list
equality per page. False credits: mention-only pages (prose names an agency, no credit line)
that get an original_source.

WCXB dev articles (../shared/evaldata, read in place): author accuracy of the record's
``authors`` (the production chain above: people, else a house byline) against trafilatura's own
``bare_extraction(html, with_metadata=True).author``, both scored with the author comparison
of bench/extraction_quality.py (set of names equal after normalisation; a page whose ground
truth names no author is right only when none is reported). The same run counts the WCXB
pages (mostly blogs and company pages, few syndicated copies) that get an original_source;
``--verbose`` lists them with their evidence for a manual check.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newscrawl.cleaning import clean  # noqa: E402
from newscrawl.extraction import ExtractionError, extract, make_options  # noqa: E402
from newscrawl.items import ArticleRecord  # noqa: E402
from newscrawl.pipelines.attribution import AttributionPipeline  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "attribution"
WCXB = ROOT.parent / "shared" / "evaldata" / "wcxb-dev-articles" / "dev"
DOCS_FILE = ROOT / "docs" / "benchmarks.md"
HEADING = "## Attribution quality"
PIPELINE = AttributionPipeline()
OPTIONS = make_options()


def attribute_page(html: str, url: str) -> tuple[ArticleRecord, list[str]]:
    """The production chain on one page: extract, clean (no language, as CleaningPipeline
    runs it), then the attribution stage; with the raw authors extraction found."""
    ex = extract(html, url, OPTIONS)
    result = clean(ex.text, title=ex.title)
    record = ArticleRecord(url=url, title=ex.title, text=result.text, authors=list(ex.authors),
                           page=ex.page, removed=result.removed)  # fmt: skip
    return PIPELINE.process_item(record), ex.authors


def ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "n/a"


# --- golden set -------------------------------------------------------------------------
def golden(verbose: bool) -> tuple[str, dict[str, Any]]:
    c = dict.fromkeys(("src_tp", "src_pred", "src_true", "url_tp", "url_pred", "url_true",
                       "img_tp", "img_pred", "img_true", "authors", "publisher", "mention",
                       "false_credit", "pages"), 0)  # fmt: skip
    langs: set[str] = set()
    for path in sorted(GOLDEN.glob("*.json")):
        want = json.loads(path.read_text("utf-8"))
        rec, _raw = attribute_page(path.with_suffix(".html").read_text("utf-8"), want["url"])
        got = rec.attribution
        c["pages"] += 1
        langs.add(want["language"])
        for key, found, truth in (("src", got.original_source, want["original_source"]),
                                  ("url", got.original_url, want["original_url"])):  # fmt: skip
            c[f"{key}_pred"] += found is not None
            c[f"{key}_true"] += truth is not None
            c[f"{key}_tp"] += found is not None and found == truth
        c["img_pred"] += len(got.image_credits)
        c["img_true"] += len(want["image_credits"])
        c["img_tp"] += len(set(got.image_credits) & set(want["image_credits"]))
        c["authors"] += rec.authors == want["authors"]
        c["publisher"] += rec.publisher == want["publisher"]
        if want["kind"] == "mention":
            c["mention"] += 1
            c["false_credit"] += got.original_source is not None
        if verbose and (got.original_source != want["original_source"]
                        or got.image_credits != want["image_credits"]):  # fmt: skip
            print(f"  golden {path.stem}: {got.original_source!r} {got.image_credits}"
                  f" (expected {want['original_source']!r} {want['image_credits']})")  # fmt: skip
    table = "\n".join([
        "| measure | precision | recall |",
        "|---|---|---|",
        f"| original_source | {ratio(c['src_tp'], c['src_pred'])}"
        f" | {ratio(c['src_tp'], c['src_true'])} |",
        f"| original_url | {ratio(c['url_tp'], c['url_pred'])}"
        f" | {ratio(c['url_tp'], c['url_true'])} |",
        f"| image_credits | {ratio(c['img_tp'], c['img_pred'])}"
        f" | {ratio(c['img_tp'], c['img_true'])} |",
        "",
        f"{c['pages']} golden pages in {len(langs)} languages ({', '.join(sorted(langs))}):"
        f" {c['src_true']} credit an outlet, {c['url_true']} link the original,"
        f" {c['img_true']} image credits. Authors right on {c['authors']}/{c['pages']} pages,"
        f" publisher on {c['publisher']}/{c['pages']}. False credits on mention-only pages:"
        f" {c['false_credit']}/{c['mention']}.",
    ])  # fmt: skip
    return table, c


# --- WCXB: authors and credits on real pages ------------------------------------------------
def load_author_metric() -> Any:
    """author_names() of bench/extraction_quality.py: one author comparison for both tables."""
    path = ROOT / "bench" / "extraction_quality.py"
    spec = importlib.util.spec_from_file_location("extraction_quality", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.author_names


def wcxb(limit: int, verbose: bool) -> str:
    import trafilatura  # the baseline; only this part of the benchmark needs it directly

    author_names = load_author_metric()

    def names(values: list[str]) -> set[str]:
        return set().union(*(author_names(v) for v in values)) if values else set()

    ours = theirs = known = ours_known = theirs_known = pages = 0
    credited: list[tuple[str, str, str, list[str]]] = []
    for gt_path in sorted((WCXB / "ground-truth").glob("*.json"))[: limit or None]:
        gt = json.loads(gt_path.read_text("utf-8"))
        url = gt.get("url")
        html = gzip.decompress((WCXB / "html" / f"{gt_path.stem}.html.gz").read_bytes())
        text = html.decode("utf-8", "replace")
        truth = author_names(gt["ground_truth"].get("author"))
        try:
            rec, _raw = attribute_page(text, url or "https://example.invalid/")
            people = rec.authors  # the record's: people, else a house byline
        except ExtractionError:
            rec, people = None, []
        doc = trafilatura.bare_extraction(text, with_metadata=True)
        found = (doc.author if doc else None) or ""
        baseline = [a.strip() for a in found.split(";") if a.strip()]
        pages += 1
        known += bool(truth)
        hit_ours, hit_theirs = names(people) == truth, names(baseline) == truth
        ours += hit_ours
        theirs += hit_theirs
        ours_known += bool(truth) and hit_ours
        theirs_known += bool(truth) and hit_theirs
        if rec is not None and url and rec.attribution.original_source:
            credited.append((gt_path.stem, url, rec.attribution.original_source,
                             rec.attribution.evidence))  # fmt: skip
    if verbose:
        for page_id, url, source, evidence in credited:
            print(f"  wcxb {page_id} {url}\n    -> {source}: {evidence}")
    return "\n".join([
        "| authors on WCXB dev | all pages | pages whose ground truth names an author |",
        "|---|---|---|",
        f"| newscrawl: the record's authors (AttributionPipeline) | {ratio(ours, pages)}"
        f" | {ratio(ours_known, known)} |",
        f"| trafilatura bare_extraction(with_metadata=True).author | {ratio(theirs, pages)}"
        f" | {ratio(theirs_known, known)} |",
        "",
        f"{pages} pages, {known} with an author in the ground truth. Pages given an"
        f" original_source: {len(credited)} of the {pages} (pages without a URL in the ground"
        " truth are left out; `--verbose` lists them with their evidence).",
    ])  # fmt: skip


def write_docs(body: str) -> None:
    text = DOCS_FILE.read_text("utf-8") if DOCS_FILE.exists() else "# Benchmarks\n\n"
    start = text.find(HEADING)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + body
    else:
        nxt = text.find("\n## ", start + len(HEADING))
        text = text[:start] + body + (text[nxt + 1 :] if nxt >= 0 else "")
    DOCS_FILE.write_text(text, "utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="first N WCXB pages only")
    ap.add_argument("--no-wcxb", action="store_true", help="golden set only")
    ap.add_argument("--verbose", action="store_true", help="list misses and WCXB credits")
    ap.add_argument("--write-docs", action="store_true", help=f"update {HEADING} in docs")
    args = ap.parse_args(argv)
    golden_table, counts = golden(args.verbose)
    print(golden_table)
    wcxb_table = "" if args.no_wcxb else wcxb(args.limit, args.verbose)
    if wcxb_table:
        print()
        print(wcxb_table)
    if args.write_docs:
        write_docs(
            f"{HEADING}\n\nReproduce with `.venv/bin/python bench/attribution_quality.py"
            " --write-docs`; definitions in the script's docstring, design in"
            " [attribution.md](attribution.md).\n\nGolden set (tests/golden/attribution, the"
            " production chain extract -> clean -> AttributionPipeline):\n\n"
            f"{golden_table}\n\nTargets of issue 4: original_source precision >= 0.98 and"
            " recall >= 0.90, zero false credits on mention-only pages, author accuracy on WCXB"
            " above trafilatura's. The golden pages were written with the code, so they show"
            " what it handles rather than how it fares on unseen sites; the last 11 were written"
            " before running the chain on them (2 failed and were fixed by general rules). The"
            " real-page figures below are the independent check: on WCXB (mostly blogs and"
            " company pages) every page given an original_source was read by hand.\n\n"
            + (f"{wcxb_table}\n" if wcxb_table else "")
        )
    return 0 if counts["false_credit"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
