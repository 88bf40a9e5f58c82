"""Per-language rule tables, by ISO 639-1 code."""

from __future__ import annotations

from newscrawl.cleaning.lang.ar import AR
from newscrawl.cleaning.lang.de import DE
from newscrawl.cleaning.lang.en import EN
from newscrawl.cleaning.lang.es import ES
from newscrawl.cleaning.lang.fr import FR
from newscrawl.cleaning.vocab import Spec

LANGUAGES: dict[str, list[Spec]] = {"en": EN, "fr": FR, "de": DE, "es": ES, "ar": AR}
