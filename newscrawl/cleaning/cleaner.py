"""clean(): the pure cleaner. Body text in, clean text plus every removed piece out."""

from __future__ import annotations

import re
from collections.abc import Collection

from newscrawl.cleaning.model import CleanResult, LineKind, RemovedLine
from newscrawl.cleaning.normalize import (
    join_paragraphs,
    line_key,
    loose_key,
    normalise_line,
    split_paragraphs,
    word_count,
)
from newscrawl.cleaning.rules import Rule, Scope, rules_for
from newscrawl.cleaning.vocab import NAME_CONNECTORS

# A paragraph this long that ends like a sentence is prose: rules whose keyword may sit
# anywhere in the line leave it alone.
PROSE_MIN_WORDS = 16
# Datelines are looked for in the first few kept paragraphs only (a standfirst may come first).
DATELINE_PARAGRAPHS = 2
# An author's bio is looked for among the last few kept paragraphs only.
TAIL_PARAGRAPHS = 2
# Short section labels ("Actualité", "World | Europe") may sit above a repeated headline.
MAX_KICKERS = 2
MAX_KICKER_WORDS = 4
# Short lines that are no sentence (a byline, a date line, "Reviewed by ...") above the
# headline repeated in the body, up to which the repeat is the headline's, not a quote of it.
MAX_TITLE_AT = 3
MAX_FURNITURE_WORDS = 12
# "Source: Ministry of Health annual report" names a source; more common words make a sentence.
MAX_COMMON_WORDS_IN_CREDIT = 3
# trafilatura's mark of a list item ("- Home"): a menu or a "See also:" list printed as one.
LIST_MARKER = "- "
# What a list item is judged as once its marker is off: page furniture only (a menu's
# "Home", "- 2 min read", "- See also: <headline>"), not the calls to action, credits and
# captions that the items of an article's own list may read like ("- Buy now, pay later").
LIST_ITEM_KINDS = frozenset({LineKind.NAVIGATION, LineKind.RELATED})
_SENTENCE_END = re.compile(r"[.!?؟…。][\"'”’»)\]]*$")
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")


def clean(
    text: str,
    *,
    title: str = "",
    language: str | None = None,
    template_lines: Collection[str] = (),
) -> CleanResult:
    """Clean trafilatura's body ``text``: NFC, normalised whitespace, no boilerplate lines.

    ``language`` picks the rule set (None: all languages); ``template_lines`` are lines the
    site repeats (learned per domain), removed as TEMPLATE. Runs to a fixed point, so the
    result is idempotent; the clean text is made only of (parts of) the input's paragraphs.
    """
    rules = rules_for(language)
    templates = {line_key(t) for t in template_lines if t and t.strip()}
    title_key = loose_key(title) if title else ""
    removed: list[RemovedLine] = []
    paragraphs = split_paragraphs(text)
    memo: dict[str, RemovedLine | None] = {}  # later passes see the same lines again
    # Every pass only removes; a pass that removes nothing is the fixed point.
    while True:
        kept, gone = _one_pass(paragraphs, rules, templates, title_key, memo)
        if not gone:
            break
        removed.extend(gone)
        paragraphs = kept
    return CleanResult(text=join_paragraphs(paragraphs), removed=removed)


def _one_pass(
    paragraphs: list[str],
    rules: tuple[Rule, ...],
    templates: set[str],
    title_key: str,
    memo: dict[str, RemovedLine | None],
) -> tuple[list[str], list[RemovedLine]]:
    kept: list[tuple[int, str]] = []
    removed: list[tuple[int, RemovedLine]] = []
    line_rules = [r for r in rules if r.scope is Scope.LINE and not r.after]
    after_rules = [r for r in rules if r.scope is Scope.LINE and r.after]
    prefix_rules = [r for r in rules if r.scope is Scope.PREFIX]
    tail_rules = [r for r in rules if r.scope is Scope.TAIL]
    dateline_done = False
    previous = ""  # short name of the rule that removed the paragraph just before, if any
    for pos, para in enumerate(paragraphs):
        if para not in memo:
            memo[para] = _match_line(para, line_rules)
        hit = memo[para]
        if hit is None:
            hit = _match_after(para, after_rules, previous)
        if hit is None and templates and line_key(para) in templates:
            hit = RemovedLine(para, LineKind.TEMPLATE, "template")
        if (
            hit is None
            and title_key
            and len(kept) <= MAX_TITLE_AT
            and all(_is_furniture(k) for _, k in kept)
            and loose_key(para) == title_key
        ):
            # The headline repeated at the top, maybe under a section kicker ("Actualité"),
            # which goes with it, or under short page furniture (a byline, a date), which stays.
            if len(kept) <= MAX_KICKERS and all(_is_kicker(k) for _, k in kept):
                removed.extend(
                    (at, RemovedLine(k, LineKind.NAVIGATION, "title.kicker")) for at, k in kept
                )
                kept.clear()
            hit = RemovedLine(para, LineKind.TITLE, "title.repeated")
        previous = _short_name(hit) if hit is not None else ""
        if hit is not None:
            removed.append((pos, hit))
            continue
        if not dateline_done and len(kept) < DATELINE_PARAGRAPHS:
            prefix, rest = _strip_dateline(para, prefix_rules)
            if prefix is not None:
                removed.append((pos, prefix))
                dateline_done = True
                if not rest:
                    continue
                para = rest
        kept.append((pos, para))
    if tail_rules:
        kept = _strip_tail(kept, tail_rules, removed)
    removed.sort(key=lambda item: item[0])  # text order (stable: a dateline before its line)
    return [para for _, para in kept], [line for _, line in removed]


def _strip_tail(
    kept: list[tuple[int, str]], rules: list[Rule], removed: list[tuple[int, RemovedLine]]
) -> list[tuple[int, str]]:
    """Remove what TAIL rules match among the last ``TAIL_PARAGRAPHS`` kept paragraphs (an
    author's bio and the paragraphs that go on about that author); appends to ``removed``."""
    start = max(0, len(kept) - TAIL_PARAGRAPHS)
    openers = [r for r in rules if not r.after]
    previous = ""
    out = kept[:start]
    for pos, para in kept[start:]:
        hit = _match_after(para, rules, previous)
        if hit is None:
            hit = _match_line(para, openers)
        previous = _short_name(hit) if hit is not None else ""
        if hit is None:
            out.append((pos, para))
        else:
            removed.append((pos, hit))
    return out


def _match_after(para: str, rules: list[Rule], previous: str) -> RemovedLine | None:
    """A line under a label ("Written by" / "Jane Doe"): the ``after`` rules of the rule that
    removed the line before (``previous``, its short name; "" when that line stayed)."""
    if not previous:
        return None
    return _match_line(para, [r for r in rules if previous in r.after])


def _short_name(line: RemovedLine) -> str:
    return line.rule.rsplit(".", 1)[-1]


def _is_furniture(line: str) -> bool:
    """A short line that is no sentence: a byline, a date line, "Reviewed by ..."."""
    return word_count(line) <= MAX_FURNITURE_WORDS and not re.search(r"[.!?؟]\W*$", line)


def _is_kicker(line: str) -> bool:
    """A section label printed above a headline: a few words, no sentence punctuation."""
    return word_count(line) <= MAX_KICKER_WORDS and not re.search(r"[.!?؟:;,]", line)


def _match_line(line: str, rules: list[Rule]) -> RemovedLine | None:
    hit = _match_rules(line, rules)
    if hit is None and line.startswith(LIST_MARKER):
        item = _match_rules(
            line[len(LIST_MARKER) :], [r for r in rules if r.kind in LIST_ITEM_KINDS]
        )
        if item is not None:
            return RemovedLine(line, item.kind, item.rule)
    return hit


def _match_rules(line: str, rules: list[Rule]) -> RemovedLine | None:
    words = word_count(line)
    prose = words >= PROSE_MIN_WORDS and bool(_SENTENCE_END.search(line))
    for rule in rules:
        if words > rule.max_words or (rule.anywhere and prose):
            continue
        m = rule.pattern.search(line) if rule.search else rule.pattern.fullmatch(line)
        if m is None:
            continue
        if rule.names and not _names_ok(m.group("names")):
            continue
        if rule.credit and not _credit_ok(m.group("names")):
            continue
        return RemovedLine(line, rule.kind, rule.name)
    return None


def _strip_dateline(para: str, rules: list[Rule]) -> tuple[RemovedLine | None, str]:
    for rule in rules:
        m = rule.pattern.match(para)
        if m is None or m.end() == 0:
            continue
        prefix = para[: m.end()]
        if word_count(prefix) > rule.max_words:
            continue
        return RemovedLine(prefix.strip(), rule.kind, rule.name), normalise_line(para[m.end() :])
    return None, para


def _names_ok(names: str) -> bool:
    """True when ``names`` reads as a list of names: capitalised words and connectors only."""
    tokens = _NAME_TOKEN.findall(names)
    if not tokens or len(tokens) > 14:
        return False
    capitalised = 0
    for token in tokens:
        first = token[0]
        if first.isupper():
            capitalised += 1
        elif first.islower() and token.lower().rstrip(".") not in NAME_CONNECTORS:
            return False  # a common word: this is a sentence, not a byline
        elif not first.islower():
            capitalised += 1  # uncased scripts (Arabic) carry no capitalisation signal
    return capitalised > 0


def _credit_ok(credit: str) -> bool:
    """True when a credited source reads as a name or title, not as a sentence."""
    common = sum(
        1
        for token in _NAME_TOKEN.findall(credit)
        if token[0].islower() and token.lower().rstrip(".") not in NAME_CONNECTORS
    )
    return common <= MAX_COMMON_WORDS_IN_CREDIT
