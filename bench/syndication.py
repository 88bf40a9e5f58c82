"""Syndication test set for near-duplicate detection, generated at run time (seeded).

Stories are the real article texts of the WCXB dev split (../shared/evaldata, never copied
into the repository), cut to news length at a paragraph boundary. A seeded sample of them
gets lightly edited copies, as syndicating sites publish them: changed headline (sometimes
kept as the first line of the text), a sentence reworded or moved, a paragraph added or cut,
different site boilerplate around it, typographic noise. Every other story stays a single
document: the dataset comes in clusters of pages on one topic (nutrition trends, moving
companies, cybersecurity deals...), so these are the different-story-same-topic negatives.
All documents of the same fictional site share its boilerplate lines, a second kind of
negative (different stories that look alike around the edges). A third kind: for each
family, a follow-up story (another real text) that repeats up to 30% of the original's
paragraphs as background, as news updates do.

    python bench/syndication.py [--stories 150] [--variants 4] [--seed 5]   # prints a summary
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared/evaldata/wcxb-dev-articles/dev"
MIN_STORY_WORDS = 60
LENGTH_RANGE = (150, 900)  # news-length excerpt, in words, cut at a paragraph boundary
LIGHT = 0.2  # a light edit adds or cuts at most this share of the words
QUOTED = 0.3  # a follow-up story repeats at most this share of an original's words

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘(])")


@dataclass
class Story:
    """One real article text: the source of a family of copies."""

    file_id: str
    url: str
    title: str
    paragraphs: list[str]
    tags: list[str]


@dataclass
class Doc:
    """One document of the test set; documents with the same ``story`` are duplicates."""

    doc_id: str
    story: str
    kind: str  # "original", "variant" or "single"
    site: str
    title: str
    text: str
    edits: list[str] = field(default_factory=list)


@dataclass
class Site:
    """A fictional publisher with its own boilerplate lines."""

    name: str
    header: list[str]
    footer: list[str]


_SITE_NAMES = [
    "Daily Courier", "Metro Ledger", "Valley Times", "Northern Post", "Coastal Herald",
    "City Wire", "Evening Star", "Harbor Gazette", "Capital Report", "Summit News",
    "Prairie Journal", "Lakeside Chronicle",
]  # fmt: skip


def _make_site(name: str, rng: random.Random) -> Site:
    slug = name.lower().replace(" ", "")
    header = [
        f"By {name} Staff",
        f"{name} | {rng.choice(['World', 'Business', 'Lifestyle', 'Tech', 'Health'])}",
        f"Published {rng.randint(1, 28)} {rng.choice(['March', 'June', 'October'])} 2025",
        "Listen to this article",
    ]
    footer = [
        f"© 2025 {name}. All rights reserved.",
        f"Sign up for the {name} newsletter to get the day's top stories in your inbox.",
        f"Follow {name} on Facebook, X and Instagram for more updates.",
        f"This article originally appeared on {slug}.example and is republished with permission.",
        "Have a news tip? Contact our newsroom any time, day or night.",
        "Share this story: Facebook Twitter LinkedIn Email Print",
    ]
    return Site(name, header, footer)


def load_stories(root: Path = DEFAULT_ROOT) -> list[Story]:
    """Every ground-truth article with at least MIN_STORY_WORDS words, in file order."""
    stories = []
    for path in sorted((root / "ground-truth").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        truth = data.get("ground_truth") or {}
        text = truth.get("main_content") or ""
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        if sum(len(p.split()) for p in paragraphs) < MIN_STORY_WORDS:
            continue
        tags = (data.get("_internal") or {}).get("page_type", {}).get("tags", [])
        file_id = data.get("file_id") or path.stem
        story = Story(file_id, data.get("url") or "", truth.get("title") or "", paragraphs, tags)
        stories.append(story)
    return stories


def _excerpt(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Leading paragraphs up to a news-like length drawn from LENGTH_RANGE."""
    goal = rng.randint(*LENGTH_RANGE)
    out: list[str] = []
    words = 0
    for para in paragraphs:
        if out and words >= goal:
            break
        out.append(para)
        words += len(para.split())
    return out


def _sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE.split(paragraph) if s.strip()]


# --- edits: each takes and returns the paragraph list --------------------------------------
def _reword(paras: list[str], rng: random.Random, vocab: list[str]) -> list[str]:
    """Replace, drop or insert a few words of one sentence (an editor's rewording)."""
    i = rng.randrange(len(paras))
    sents = _sentences(paras[i])
    j = rng.randrange(len(sents))
    words = sents[j].split()
    for _ in range(max(1, min(4, len(words) // 6))):
        pos = rng.randrange(len(words))
        action = rng.random()
        if action < 0.5:
            words[pos] = rng.choice(vocab)
        elif action < 0.75 and len(words) > 3:
            del words[pos]
        else:
            words.insert(pos, rng.choice(vocab))
    sents[j] = " ".join(words)
    paras = list(paras)
    paras[i] = " ".join(sents)
    return paras


def _move(paras: list[str], rng: random.Random, vocab: list[str]) -> list[str]:
    """Move one sentence to another place (or swap two paragraphs when there is one sentence)."""
    paras = list(paras)
    multi = [i for i, p in enumerate(paras) if len(_sentences(p)) > 1]
    if not multi:
        if len(paras) > 1:
            a, b = rng.sample(range(len(paras)), 2)
            paras[a], paras[b] = paras[b], paras[a]
        return paras
    i = rng.choice(multi)
    sents = _sentences(paras[i])
    moved = sents.pop(rng.randrange(len(sents)))
    paras[i] = " ".join(sents)
    k = rng.randrange(len(paras))
    target = _sentences(paras[k])
    target.insert(rng.randint(0, len(target)), moved)
    paras[k] = " ".join(target)
    return paras


def _add(paras: list[str], rng: random.Random, extra: list[str]) -> list[str]:
    """Insert a paragraph the syndicating site wrote (one from another story), light: at most
    LIGHT of the story's words."""
    limit = max(15, int(LIGHT * _words(paras)))
    fitting = [p for p in extra if len(p.split()) <= limit]
    paras = list(paras)
    paras.insert(rng.randint(1, len(paras)), rng.choice(fitting))
    return paras


def _cut(paras: list[str], rng: random.Random, vocab: list[str]) -> list[str]:
    """Cut one paragraph (not the lead) of at most LIGHT of the words, else one sentence."""
    paras = list(paras)
    limit = LIGHT * _words(paras)
    small = [i for i in range(1, len(paras)) if len(paras[i].split()) <= limit]
    if small:
        del paras[rng.choice(small)]
        return paras
    # No paragraph is small enough: cut the last sentence of the last multi-sentence one.
    for i in range(len(paras) - 1, -1, -1):
        sents = _sentences(paras[i])
        if len(sents) > 1:
            paras[i] = " ".join(sents[:-1])
            break
    return paras


def _words(paras: list[str]) -> int:
    return sum(len(p.split()) for p in paras)


def _typography(text: str) -> str:
    """Straight quotes, plain dashes, doubled spaces: what a different CMS does to a text."""
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": " - ", "–": "-"})
    return text.translate(table).replace(". ", ".  ")


def _headline(title: str, rng: random.Random) -> str:
    title = title or "Untitled"
    return rng.choice([
        f"{title} - report", f"UPDATE: {title}", title.upper(), f"{title}, experts say",
        f"What to know: {title}", title.rstrip(".!?") + " (updated)",
    ])  # fmt: skip


def _boilerplate(site: Site, rng: random.Random, body: list[str]) -> list[str]:
    top = rng.sample(site.header, rng.randint(0, 2))
    bottom = rng.sample(site.footer, rng.randint(1, 3))
    return top + body + bottom


def _variant(story: Story, base: list[str], rng: random.Random, site: Site,
             vocab: list[str], extra: list[str]) -> tuple[str, str, list[str]]:  # fmt: skip
    edits = rng.sample(["reword", "move", "add", "cut", "reword again"], rng.randint(2, 3))
    paras = list(base)
    for edit in edits:
        if edit.startswith("reword"):
            paras = _reword(paras, rng, vocab)
        elif edit == "move":
            paras = _move(paras, rng, vocab)
        elif edit == "add":
            paras = _add(paras, rng, extra)
        else:
            paras = _cut(paras, rng, vocab)
    title = _headline(story.title, rng)
    edits.append("headline")
    if rng.random() < 0.4:
        paras = [title, *paras]
        edits.append("headline_in_text")
    paras = _boilerplate(site, rng, paras)
    edits.append("boilerplate")
    text = "\n\n".join(paras)
    if rng.random() < 0.3:
        text = _typography(text)
        edits.append("typography")
    return title, text, edits


def _quote(paras: list[str], rng: random.Random) -> list[str]:
    """Background paragraphs a follow-up story repeats: at most QUOTED of the words."""
    limit = QUOTED * _words(paras)
    start = rng.randrange(len(paras))
    quoted: list[str] = []
    for para in paras[start:]:
        if _words([*quoted, para]) > limit:
            break
        quoted.append(para)
    return quoted or _sentences(paras[start])[:1]


def generate(root: Path = DEFAULT_ROOT, stories: int = 150, variants: int = 4,
             seed: int = 5) -> list[Doc]:  # fmt: skip
    """The test set: ``stories`` families of 1 original + ``variants`` copies, one follow-up
    story quoting each family's original, and every other story as a single document."""
    rng = random.Random(seed)
    pool = load_stories(root)
    sites = [_make_site(name, rng) for name in _SITE_NAMES]
    chosen = set(rng.sample(range(len(pool)), min(stories, len(pool))))
    excerpts = [_excerpt(s.paragraphs, rng) for s in pool]
    # Paragraphs a syndicating site might add: short ones from anywhere in the corpus.
    extra = [p for s in pool for p in s.paragraphs if 15 <= len(p.split()) <= 80]
    # The dataset holds a few pages twice (same URL but for a trailing slash): one story.
    keys = [s.url.rstrip("/") or s.file_id for s in pool]
    label: dict[str, str] = {}
    for key, story in zip(keys, pool, strict=True):
        label.setdefault(key, story.file_id)
    # Follow-ups: a different story (used nowhere else) that repeats background paragraphs
    # of an original; a negative that shares real text with a family.
    unique = [i for i in range(len(pool)) if i not in chosen and keys.count(keys[i]) == 1]
    bodies = dict(zip(sorted(chosen), rng.sample(unique, min(len(chosen), len(unique) // 2)),
                      strict=False))  # fmt: skip
    reserved = set(bodies.values())
    docs: list[Doc] = []
    for index, story in enumerate(pool):
        if index in reserved:
            continue
        story_label = label[keys[index]]
        base = excerpts[index]
        site = rng.choice(sites)
        # The original may carry its own site's boilerplate too (cleaning is not perfect).
        own = _boilerplate(site, rng, base) if rng.random() < 0.5 else base
        kind = "original" if index in chosen else "single"
        docs.append(Doc(f"{story.file_id}-0", story_label, kind, site.name, story.title,
                        "\n\n".join(own)))  # fmt: skip
        if index not in chosen:
            continue
        vocab = [w for p in base for w in p.split()] or ["news"]
        others = [s for s in sites if s is not site]
        for n, copy_site in enumerate(rng.sample(others, variants), start=1):
            title, text, edits = _variant(story, base, rng, copy_site, vocab, extra)
            docs.append(Doc(f"{story.file_id}-{n}", story_label, "variant", copy_site.name,
                            title, text, edits))  # fmt: skip
        if index in bodies:
            body = excerpts[bodies[index]]
            paras = body[:2] + _quote(base, rng) + body[2:]
            follow = pool[bodies[index]]
            text = "\n\n".join(paras)
            docs.append(Doc(f"{follow.file_id}-f", f"follow-up-{follow.file_id}", "follow-up",
                            site.name, follow.title, text, [f"quotes {story_label}"]))  # fmt: skip
    return docs


def pairs(docs: list[Doc]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of documents of the same story: the true duplicate pairs."""
    by_story: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        by_story.setdefault(doc.story, []).append(i)
    for members in by_story.values():
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                yield members[a], members[b]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--stories", type=int, default=150)
    parser.add_argument("--variants", type=int, default=4)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--show", type=int, default=0, help="print the first N variant texts")
    args = parser.parse_args()
    docs = generate(args.root, args.stories, args.variants, args.seed)
    families = {d.story for d in docs if d.kind == "original"}
    words = sorted(len(d.text.split()) for d in docs)
    print(f"documents: {len(docs)}  stories with copies: {len(families)}"
          f"  single stories: {sum(d.kind == 'single' for d in docs)}"
          f"  follow-ups: {sum(d.kind == 'follow-up' for d in docs)}"
          f"  duplicate pairs: {sum(1 for _ in pairs(docs))}")  # fmt: skip
    print(f"words per document: min {words[0]}, median {words[len(words) // 2]}, max {words[-1]}")
    for doc in [d for d in docs if d.kind == "variant"][: args.show]:
        print(f"\n--- {doc.doc_id} ({doc.site}; {', '.join(doc.edits)}): {doc.title}\n{doc.text}")


if __name__ == "__main__":
    main()
