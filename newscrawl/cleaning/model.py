"""Data the cleaner returns: the clean text and every line it removed, with its kind."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class LineKind(StrEnum):
    """Why a line (or a line's prefix) was removed from the body text."""

    CTA = "cta"  # call to action, social ("follow us on Facebook")
    NAVIGATION = "navigation"  # "Back to top button", "Next article"
    RELATED = "related"  # "Related Articles", "Read more: ..."
    NEWSLETTER = "newsletter"  # newsletter / subscription prompts
    CAPTION = "caption"  # photo caption, usually carrying a credit "(Image: Getty)"
    IMAGE_CREDIT = "image_credit"  # standalone image credit "Photo: AFP"
    SOURCE_CREDIT = "source_credit"  # "Source: Daily Express", "Reporting by X; Editing by Y"
    DATELINE = "dateline"  # "LONDON (Reuters) -" prefix of the first paragraph
    BYLINE = "byline"  # "By Jane Smith" left in the body, or the name under "Written by"
    AUTHOR_BIO = "author_bio"  # "Jane Doe is a senior writer at X ..." at the end of the text
    TITLE = "title"  # the headline repeated as the first paragraph
    TEMPLATE = "template"  # a line the site repeats on many pages (learned per domain)
    ADVERTISEMENT = "advertisement"  # ad labels left in the body ("Advertisement", "Anzeige")


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A piece of text the cleaner removed: the exact text, its kind and the rule that fired."""

    text: str
    kind: LineKind
    rule: str


@dataclass(slots=True)
class CleanResult:
    """Output of the cleaner."""

    text: str
    removed: list[RemovedLine] = field(default_factory=list)
