"""Throughput: the full ``scrapy crawl news`` against baselines on the same pages, same run.

Serves N pages (bench/throughput_web.py: the 793 WCXB dev article pages at their URLs, then
per-copy variants) from a loopback proxy in a process of its own, and runs, interleaved, in
``--rounds`` rounds (the order rotates each round):

- fetch-only: Scrapy, no extraction (bench/baselines/fetch_only.py), the I/O ceiling;
- plain: ``trafilatura.extract`` on every page in one process, no Scrapy;
- hand-rolled: a Scrapy spider calling ``bare_extraction`` in the callback, with a feed;
- full: ``scrapy crawl news`` seeded by one sitemap per host (cleaning, language,
  attribution, dedup, store, feed), on a fresh SQLite store.

The Scrapy runs use the project's politeness settings (ROBOTSTXT_OBEY, concurrency,
timeouts, retries: the baselines get them from newscrawl/settings.py) except AutoThrottle,
which is off for all of them. Every run is a subprocess whose process tree (worker
processes included) is sampled from /proc: CPU seconds (user + system, whole tree), peak
RSS of the main process, peak sum of RSS and of PSS over the tree. pages/s is pages served
over the process's wall time (start-up included). Medians over the rounds; ratios against
the hand-rolled spider of the same rounds. ``--long N`` adds one full crawl of N pages and
reports its tree RSS after the first ``--pages`` pages and at the end.

    python bench/throughput.py [--pages 3000] [--rounds 3] [--long 20000] [--only full,...]
    [--set NAME=VALUE ...]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import throughput_web as tw

ROOT = tw.ROOT
RESULTS = ROOT / "bench/results/throughput"
PY = sys.executable
POLITENESS = (
    "USER_AGENT", "ROBOTSTXT_OBEY", "CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN",
    "DOWNLOAD_DELAY", "DOWNLOAD_TIMEOUT", "DOWNLOAD_MAXSIZE", "DOWNLOAD_WARNSIZE",
    "RETRY_ENABLED", "RETRY_TIMES", "REDIRECT_MAX_TIMES", "COOKIES_ENABLED", "DNS_TIMEOUT",
    "TELNETCONSOLE_ENABLED",
)  # fmt: skip
VARIANTS = ("fetch", "plain", "handrolled", "full", "fast")
FULL = ("full", "fast")
"""The two runs of ``scrapy crawl news``: the default NEWSCRAWL_EXTRACTION (thorough), fast."""
LABELS = {
    "fetch": "fetch only (Scrapy, no extraction)",
    "plain": "`trafilatura.extract` alone, one process",
    "handrolled": "hand-rolled Scrapy + `bare_extraction` in the callback",
    "full": "`scrapy crawl news` (clean, language, attribution, dedup, store, feed)",
    "fast": "`scrapy crawl news -s NEWSCRAWL_EXTRACTION=fast` (the same stages)",
}
TICK = 0.25
PAGE = os.sysconf("SC_PAGE_SIZE")
HZ = os.sysconf("SC_CLK_TCK")


@dataclass
class Sample:
    """One look at the process tree."""

    t: float
    hits: int
    tree_rss: int
    tree_pss: int


@dataclass
class Run:
    """Figures of one measured subprocess."""

    variant: str
    pages: int
    round: int = 0
    wall: float = 0.0
    cpu: float = 0.0
    cpu_main: float = 0.0
    main_rss: int = 0
    tree_rss: int = 0
    tree_pss: int = 0
    returncode: int = 0
    served: int = 0
    items: int = 0
    samples: list[Sample] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.served / self.wall if self.wall else 0.0


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
    return found


def _stat(pid: int) -> tuple[float, int] | None:
    """(CPU seconds, RSS bytes) of one process."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / HZ, int(fields[21]) * PAGE


def _kib(path: str, key: str) -> int:
    try:
        with open(path) as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def measure(variant: str, cmd: list[str], cwd: Path, env: dict[str, str], pages: int,
            hits: Any, log: Path) -> Run:  # fmt: skip
    """Run ``cmd`` and sample its process tree until it exits."""
    run = Run(variant, pages)
    hits.value = 0
    cpu_seen: dict[int, float] = {}
    done = threading.Event()
    with log.open("w") as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=err, stderr=subprocess.STDOUT)

        def sample() -> None:
            while not done.is_set():
                tree_rss = tree_pss = 0
                for pid in _descendants(proc.pid):
                    st = _stat(pid)
                    if st is None:
                        continue
                    cpu_seen[pid] = max(cpu_seen.get(pid, 0.0), st[0])
                    tree_rss += st[1]
                    tree_pss += _kib(f"/proc/{pid}/smaps_rollup", "Pss:")
                run.main_rss = max(run.main_rss, _kib(f"/proc/{proc.pid}/status", "VmHWM:"))
                run.tree_rss = max(run.tree_rss, tree_rss)
                run.tree_pss = max(run.tree_pss, tree_pss)
                run.samples.append(Sample(time.monotonic() - start, hits.value, tree_rss, tree_pss))
                done.wait(TICK)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        run.wall = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
    run.returncode = proc.returncode
    run.cpu = max(usage.ru_utime + usage.ru_stime, sum(cpu_seen.values()))
    run.cpu_main = cpu_seen.get(proc.pid, 0.0)
    run.served = hits.value if variant != "plain" else pages
    return run


def scrapy_env(proxy: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    env.update({"http_proxy": proxy, "HTTP_PROXY": proxy, "no_proxy": "", "NO_PROXY": ""})
    env["PYTHONPATH"] = str(ROOT)
    return env


def baseline_settings() -> list[str]:
    """``-s`` options giving a baseline spider the project's politeness settings."""
    from newscrawl import settings

    args = []
    for name in POLITENESS:
        args += ["-s", f"{name}={getattr(settings, name)}"]
    return [*args, "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=INFO"]


def command(
    variant: str, work: Path, pages: int, extra: tuple[str, ...] = ()
) -> tuple[list[str], Path]:
    """(command, working directory) of one variant; baselines run outside the project.
    ``extra``: NAME=VALUE Scrapy settings for every Scrapy variant, after all others."""
    overrides = [arg for setting in extra for arg in ("-s", setting)]
    urls = work / "urls.txt"
    if variant == "plain":
        return [PY, str(ROOT / "bench/baselines/plain_extract.py"), "--pages", str(pages)], ROOT
    if variant in ("fetch", "handrolled"):
        name = "fetch_only" if variant == "fetch" else "handrolled"
        cmd = [PY, "-m", "scrapy", "runspider", str(ROOT / f"bench/baselines/{name}.py"),
               "-s", f"URLS_FILE={urls}", *baseline_settings()]  # fmt: skip
        if variant == "handrolled":
            cmd += ["-O", str(work / "handrolled.jsonl")]
        return cmd + overrides, Path(tempfile.mkdtemp(prefix="nc-bench-"))
    store = work / "store.sqlite3"
    for leftover in work.glob("store.sqlite3*"):
        leftover.unlink()
    cmd = [PY, "-m", "scrapy", "crawl", "news", "-a", f"sources={work / 'sources.toml'}",
           "-O", str(work / "full.jsonl"), "-s", f"NEWSCRAWL_STORE=sqlite:///{store}",
           "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=INFO"]  # fmt: skip
    if variant == "fast":
        cmd += ["-s", "NEWSCRAWL_EXTRACTION=fast"]
    return cmd + overrides, ROOT


def count_lines(path: Path) -> int:
    return sum(1 for _ in path.open()) if path.exists() else 0


def run_variant(
    variant: str,
    work: Path,
    pages: int,
    proxy: str,
    hits: Any,
    tag: str,
    extra: tuple[str, ...] = (),
) -> Run:
    cmd, cwd = command(variant, work, pages, extra)
    env = scrapy_env(proxy)
    run = measure(variant, cmd, cwd, env, pages, hits, work / f"{tag}-{variant}.log")
    if cwd.name.startswith("nc-bench-"):
        shutil.rmtree(cwd, ignore_errors=True)
    third = [x for x in run.samples if x.hits <= pages // 3]
    if third:
        print(f"    tree RSS up to page {pages // 3}: {mb(max(x.tree_rss for x in third))},"
              f" PSS {mb(max(x.tree_pss for x in third))}; main peak RSS"
              f" {mb(run.main_rss)}", flush=True)  # fmt: skip
    if variant == "handrolled":
        run.items = count_lines(work / "handrolled.jsonl")
    elif variant in FULL:
        run.items = count_lines(work / "full.jsonl")
    print(f"  {tag} {variant:10s} rc={run.returncode} served={run.served} {run.rate:6.1f} p/s"
          f" cpu={run.cpu:6.1f}s (main {run.cpu_main:5.1f}s) main={run.main_rss >> 20}MB"
          f" tree={run.tree_rss >> 20}MB pss={run.tree_pss >> 20}MB items={run.items}",
          flush=True)  # fmt: skip
    return run


def prepare(corpus: tw.Corpus, pages: int, work: Path) -> None:
    work.mkdir(parents=True, exist_ok=True)
    made = tw.ensure_variants(corpus, pages)
    if made:
        print(f"made {made} page variants in {tw.PAGES_DIR}", flush=True)
    (work / "urls.txt").write_text("\n".join(corpus.urls_of_run(pages)) + "\n")
    (work / "sources.toml").write_text(tw.sources_toml(list(tw.sitemaps(corpus, pages))))


def mb(value: float) -> str:
    return f"{value / 2**20:.0f} MB"


def table(runs: list[Run], pages: int) -> str:
    """Medians over the rounds; the ratio is the median of each round's ratio to hand-rolled.

    "CPU-bound pages/s" = processes that can work in parallel (2 for the crawl's workers, 1
    otherwise) / CPU seconds a page: what idle cores would give, every run being CPU-bound.
    """
    hand = {r.round: r.rate for r in runs if r.variant == "handrolled"}
    rows = [
        f"| what ({pages} pages, median of rounds) | pages/s (each round) | vs hand-rolled |"
        " CPU s, tree (main) | CPU ms/page | CPU-bound pages/s | peak RSS main |"
        " peak RSS tree | peak PSS tree |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for v in VARIANTS:
        rs = [r for r in runs if r.variant == v]
        if not rs:
            continue
        ratios = [r.rate / hand[r.round] for r in rs if hand.get(r.round)]
        ratio = f"{statistics.median(ratios):.2f}x" if ratios else "-"
        each = ", ".join(f"{r.rate:.1f}" for r in rs)
        per_page = statistics.median(r.cpu / r.served for r in rs if r.served) * 1000
        parallel = 2 if v in FULL else 1
        bound = "-" if v == "fetch" else f"{parallel * 1000 / per_page:.1f}"
        rows.append(
            f"| {LABELS[v]} | {statistics.median(r.rate for r in rs):.1f} ({each}) | {ratio} |"
            f" {statistics.median(r.cpu for r in rs):.0f}"
            f" ({statistics.median(r.cpu_main for r in rs):.0f}) | {per_page:.0f} | {bound} |"
            f" {mb(statistics.median(r.main_rss for r in rs))} |"
            f" {mb(statistics.median(r.tree_rss for r in rs))} |"
            f" {mb(statistics.median(r.tree_pss for r in rs))} |"
        )
    return "\n".join(rows)


def long_run(
    corpus: tw.Corpus, count: int, first: int, variant: str, extra: tuple[str, ...] = ()
) -> str:
    """One crawl (``variant``: full or fast) of ``count`` pages: tree RSS/PSS at ``first``
    pages and at the end."""
    work = RESULTS / f"long-{count}"
    prepare(corpus, count, work)
    proc, proxy, hits, stop = tw.start_server(count)
    try:
        run = run_variant(variant, work, count, proxy, hits, "long", extra)
    finally:
        stop.set()
        proc.join(10)
    (work / "samples.json").write_text(json.dumps([s.__dict__ for s in run.samples]))
    for mark in range(first, count + 1, first):
        upto = [s for s in run.samples if s.hits <= mark]
        if upto:
            print(f"  up to page {mark}: tree RSS {mb(max(s.tree_rss for s in upto))},"
                  f" tree PSS {mb(max(s.tree_pss for s in upto))}")  # fmt: skip
    early = [s for s in run.samples if s.hits <= first] or run.samples[:1]
    at_first = max(s.tree_rss for s in early), max(s.tree_pss for s in early)
    growth = (run.tree_rss - at_first[0]) / at_first[0] * 100 if at_first[0] else 0.0
    return (
        f"| {variant} crawl, {count} pages | {run.rate:.1f} pages/s | CPU {run.cpu:.0f} s |"
        f" peak RSS main {mb(run.main_rss)} | tree RSS up to page {first}: {mb(at_first[0])},"
        f" up to page {count}: {mb(run.tree_rss)} ({growth:+.1f}%) |"
        f" tree PSS {mb(at_first[1])} -> {mb(run.tree_pss)} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--long", type=int, default=0, help="pages of one long full crawl")
    parser.add_argument("--long-variant", choices=FULL, default="fast")
    parser.add_argument("--only", default=",".join(VARIANTS))
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Scrapy setting for every Scrapy variant, baselines included (repeatable)",
    )
    args = parser.parse_args()
    extra = tuple(args.set)
    variants = [v for v in args.only.split(",") if v]
    corpus = tw.load_corpus()
    RESULTS.mkdir(parents=True, exist_ok=True)
    runs: list[Run] = []
    if args.rounds and variants:
        work = RESULTS / f"n{args.pages}"
        prepare(corpus, args.pages, work)
        proc, proxy, hits, stop = tw.start_server(args.pages)
        try:
            for r in range(args.rounds):
                order = variants[r % len(variants) :] + variants[: r % len(variants)]
                for variant in order:
                    run = run_variant(variant, work, args.pages, proxy, hits, f"r{r}", extra)
                    run.round = r
                    runs.append(run)
        finally:
            stop.set()
            proc.join(10)
        print()
        print(table(runs, args.pages))
    if args.long:
        print()
        print(long_run(corpus, args.long, args.pages, args.long_variant, extra))
    summary = [{k: v for k, v in r.__dict__.items() if k != "samples"} for r in runs]
    (RESULTS / "last.json").write_text(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
