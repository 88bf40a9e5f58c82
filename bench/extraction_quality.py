"""Extraction quality: newscrawl's extraction + cleaning vs plain trafilatura on WCXB dev articles.

    .venv/bin/python bench/extraction_quality.py [--limit N] [--write-docs]

Scores body text with ../shared/tools/extraction_eval.py (the WCXB metric: word-bag
precision/recall/F1 per page, macro-averaged; with% = must-have snippets found, without% =
boilerplate snippets found, lower is better) and compares metadata with the ground truth:

- title: equal after NFKC, HTML unescaping, case folding, quote unification, whitespace
  collapsing and trimming surrounding punctuation; over all pages.
- author: the set of names equal after normalisation (case, punctuation, "By", honorifics,
  credentials or roles after a comma: "Jane Doe, Ph.D." = "Jane Doe"); a page whose ground
  truth has no author counts as right only when we report none. Our names are the record's
  (``newscrawl.authors.record_authors``, what AttributionPipeline does): the people of the
  extracted bylines, else of the byline lines the cleaner removed, else a house byline.
- date: same calendar day (same month when the ground truth gives only a month), over the
  pages whose ground truth has a date.

The baseline is ``trafilatura.extract(html, url=url)`` with library defaults, run in the same
process on the same decoded HTML; speed is given as a ratio to it. The data are read from
../shared/evaldata and never copied. The module also serves the shared tool directly:

    python ../shared/tools/extraction_eval.py ../shared/evaldata/wcxb-dev-articles \\
        --split dev --extractor bench/extraction_quality.py:extract_text
"""

from __future__ import annotations

import argparse
import html as htmllib
import importlib.util
import re
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newscrawl.authors import record_authors  # noqa: E402
from newscrawl.cleaning import LineKind, clean  # noqa: E402
from newscrawl.extraction import Extraction, ExtractionError, extract, make_options  # noqa: E402
from newscrawl.xpath_speedups import trafilaturas_own  # noqa: E402

DATA = ROOT.parent / "shared" / "evaldata" / "wcxb-dev-articles"
TOOL = ROOT.parent / "shared" / "tools" / "extraction_eval.py"
DOCS_FILE = ROOT / "docs" / "benchmarks.md"
HEADING = "## Extraction quality"
OPTIONS = make_options()


def extract_text(html: str, url: str | None) -> str:
    """Our body text for one page: extract() then clean(); "" when extraction fails."""
    try:
        ex = extract(html, url or "https://example.invalid/")
    except ExtractionError:
        return ""
    return clean(ex.text, title=ex.title).text


def load_tool(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location("extraction_eval", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["extraction_eval"] = module
    spec.loader.exec_module(module)
    return module


# --- metadata comparisons ---------------------------------------------------------------------
_HONORIFIC = re.compile(r"^(?:dr|prof|mr|mrs|ms|mx|sir|dame|rev)\.?\s+", re.I)
_ROLE = re.compile(
    r"\b(?:editor|writer|director|expert|dietitian|nutritionist|staff|contributor|reporter"
    r"|correspondent|columnist|author|founder|ceo|manager|specialist|analyst|team|consultant"
    r"|coach|strategist|lead|head|officer|president|md|phd|rn|cpa|cfp|mba|msc|bsc|ma|ms|rd"
    r"|lmft|lcsw|np|pharmd|jd|esq)\b",
    re.I,
)


_JOIN = re.compile(r"\s*(?:&|\band\b|\bund\b|\bet\b)\s*")


def title_key(title: str | None) -> str:
    text = unicodedata.normalize("NFKC", htmllib.unescape(title or "")).casefold()
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", text)
    return " ".join(text.split()).strip(" .:-|–—*")


def author_names(value: str | None) -> set[str]:
    """Normalised person names of one author string ("A, PhD and B" -> {"a", "b"}).

    Split at ";" and "|", then at commas, then at "and"/"&". After a comma (unless the piece
    goes on with a list: "A, B, and C"), a role or credential (a role word, or capitals:
    "DVM") is dropped, the whole piece when it ends in one ("Paul Frew, Home and Digital
    Security Expert"), and so is a phrase of over three words not all capitalised ("Matt De
    La O" is a name)."""
    if not value:
        return set()
    value = re.sub(r"^\s*(?:by|written by|author:?|posted by)\s+", "", value, flags=re.I)
    names = set()
    for part in re.split(r"\s*[;|]\s*", value):
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        for i, piece in enumerate(pieces):
            named = [n for n in _JOIN.split(piece) if n]
            after = i and _JOIN.match(piece) is None  # after a comma, not "A, B, and C"
            if after and named and _is_role(named[-1]):
                continue  # one role: "Home and Digital Security Expert"
            for name in named:
                if after and (_is_role(name) or not _is_name(name)):
                    continue  # "PhD and B": the credential
                key = re.sub(r"[\W_]+", " ", _HONORIFIC.sub("", name).casefold()).strip()
                if key:
                    names.add(key)
    return names


def _is_role(piece: str) -> bool:
    return bool(_ROLE.search(piece.replace(".", ""))) or piece.isupper()


def _is_name(piece: str) -> bool:
    words = piece.split()
    return piece[:1].isupper() and (len(words) <= 3 or all(w[:1].isupper() for w in words))


def same_day(found: str | None, truth: str) -> bool:
    return bool(found) and found[: len(truth)] == truth


# --- runs -------------------------------------------------------------------------------------
def run_ours(
    tool: Any, docs: list[Any], thorough: bool
) -> tuple[dict[str, str], dict[str, Extraction], float]:
    """Our text per page and our metadata; ``authors`` are the record's (record_authors)."""
    texts: dict[str, str] = {}
    meta: dict[str, Extraction] = {}
    spent = 0.0
    for doc in docs:
        html = tool.decode_html(doc.read_bytes())
        start = time.perf_counter()
        try:
            ex = extract(html, doc.url or "https://example.invalid/", OPTIONS, thorough=thorough)
        except ExtractionError:
            ex = Extraction()
        cleaned = clean(ex.text, title=ex.title)
        texts[doc.id] = cleaned.text
        spent += time.perf_counter() - start
        bylines = [r.text for r in cleaned.removed if r.kind is LineKind.BYLINE]
        ex.authors = record_authors(ex.authors, bylines)
        meta[doc.id] = ex
    return texts, meta, spent


def run_baseline_meta(tool: Any, docs: list[Any]) -> dict[str, Extraction]:
    from trafilatura import bare_extraction

    out = {}
    for doc in docs:
        d = bare_extraction(tool.decode_html(doc.read_bytes()), url=doc.url, with_metadata=True)
        authors = [a.strip() for a in (d.author or "").split(";") if a.strip()] if d else []
        out[doc.id] = Extraction(
            title=(d.title or "") if d else "", authors=authors, published=d.date if d else None
        )
    return out


def metadata_scores(docs: list[Any], meta: dict[str, Extraction]) -> dict:
    titles = authors = authors_n = dates = dates_n = 0
    for doc in docs:
        gt = doc.truth
        ex = meta[doc.id]
        titles += title_key(ex.title) == title_key(gt.get("title"))
        truth = author_names(gt.get("author"))
        found: set[str] = set()
        for name in ex.authors:
            found |= author_names(name)
        authors += found == truth
        authors_n += bool(truth) and found == truth
        if gt.get("publish_date"):
            dates_n += 1
            dates += same_day(ex.published, str(gt["publish_date"]))
    n = len(docs)
    with_author = sum(1 for d in docs if author_names(d.truth.get("author")))
    return {
        "title": titles / n,
        "author": authors / n,
        "author_when_known": authors_n / max(1, with_author),
        "date": dates / max(1, dates_n),
        "dated": dates_n,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--tool", type=Path, default=TOOL)
    ap.add_argument("--limit", type=int, default=0, help="first N pages only (smoke test)")
    ap.add_argument("--write-docs", action="store_true", help=f"update {HEADING} in docs")
    ap.add_argument("--save", type=Path, help="write our texts as {id: text} JSON (for diffs)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the trafilatura run")
    ap.add_argument(
        "--modes",
        default="fast,thorough",
        help="NEWSCRAWL_EXTRACTION modes to score, comma-separated (default: both)",
    )
    args = ap.parse_args(argv)
    tool = load_tool(args.tool)
    docs = tool.load_wcxb(args.data, "dev")[: args.limit or None]
    for doc in docs:
        doc.truth = tool.json.loads(
            (args.data / "dev" / "ground-truth" / f"{doc.id}.json").read_text("utf-8")
        )["ground_truth"]
    extract_text("<html><body><p>warm up</p></body></html>", None)
    rows = []
    for mode in args.modes.split(","):
        ours, ours_meta, ours_time = run_ours(tool, docs, thorough=mode == "thorough")
        if args.save:
            path = args.save.with_name(f"{args.save.stem}-{mode}{args.save.suffix}")
            path.write_text(tool.json.dumps(ours, ensure_ascii=False), "utf-8")
        meta = metadata_scores(docs, ours_meta)
        rows.append((f"newscrawl extract + clean, `{mode}`", ours, meta, ours_time))
    if not args.no_baseline:
        with trafilaturas_own():  # plain trafilatura as shipped, not with our expressions
            base, timing = tool.run_extractor(
                docs, tool.BUILTIN_EXTRACTORS["trafilatura"], "str", True
            )
            base_meta = metadata_scores(docs, run_baseline_meta(tool, docs))
        rows.append(("trafilatura.extract (defaults)", base, base_meta, timing["extract_seconds"]))
    table = render(tool, docs, rows)
    print(table)
    if args.write_docs:
        write_docs(table, len(docs))
    return 0


def render(tool: Any, docs: list[Any], rows: list[tuple[str, dict, dict, float]]) -> str:
    base_speed = len(docs) / rows[-1][3]
    lines = [
        "| extractor | F1 | P | R | with% | without% | title | author | date | speed |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, preds, meta, seconds in rows:
        s = tool.score("wcxb", docs, preds, 0, 42)["summary"]["wcxb_bow"]["all"]
        speed = len(docs) / seconds / base_speed
        lines.append(
            f"| {name} | {s['f1']:.3f} | {s['precision']:.3f} | {s['recall']:.3f}"
            f" | {100 * s['with']:.2f} | {100 * s['without']:.2f} | {meta['title']:.3f}"
            f" | {meta['author']:.3f} ({meta['author_when_known']:.3f}) | {meta['date']:.3f}"
            f" | {speed:.2f}x |"
        )
    lines.append("")
    lines.append(
        f"{len(docs)} pages; author in brackets: pages whose ground truth names an author;"
        f" date over the {rows[0][2]['dated']} pages whose ground truth has a date;"
        " speed relative to plain trafilatura in the same run."
    )
    return "\n".join(lines)


def write_docs(table: str, pages: int) -> None:
    body = (
        f"{HEADING}\n\nWCXB dev articles ({pages} real pages, ../shared/evaldata), scored with"
        " ../shared/tools/extraction_eval.py. Reproduce with"
        " `.venv/bin/python bench/extraction_quality.py --write-docs`; definitions of the"
        " metadata comparisons are in the script's docstring.\n\n" + table + "\n\n"
        "Targets of issue 3: F1 >= 0.960, without% <= 3.0 with with% >= 85.3, title >= 0.90,"
        " author >= 0.85, date >= 0.90. The speed column compares our whole page analysis"
        " (`thorough`, the default: three trafilatura text runs, balanced, precision and recall,"
        " and trafilatura's metadata with htmldate; `fast`: one balanced run, the recall run"
        " only where it can win, and htmldate's quick search; both: headline, byline and date"
        " choices, mojibake check, cleaning)"
        " with a bare text extraction without metadata; the two are timed one after the other,"
        " so the load of a shared machine moves the ratio from run to run (docs/cleaning.md"
        " has a page-by-page interleaved timing). How each choice was measured, and where the"
        " remaining loss is: docs/cleaning.md.\n"
    )
    text = DOCS_FILE.read_text("utf-8") if DOCS_FILE.exists() else "# Benchmarks\n\n"
    start = text.find(HEADING)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + body
    else:
        nxt = text.find("\n## ", start + len(HEADING))
        text = text[:start] + body + ("\n" + text[nxt + 1 :] if nxt >= 0 else "")
    DOCS_FILE.write_text(text, "utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
