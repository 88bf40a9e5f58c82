"""The outlet registry: bundled data, spellings -> display names, user extension, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl.attribution.registry import Registry, load_registry, tidy_domain, tidy_name
from newscrawl.exceptions import ConfigError


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


def test_bundled_registry_covers_forty_outlets_in_five_languages(registry: Registry) -> None:
    assert len(registry.outlets) >= 40
    kinds = {o.kind for o in registry.outlets}
    assert kinds == {"agency", "photo", "outlet"}
    for name in ("Le Monde", "Der Spiegel", "El País", "Asharq Al-Awsat", "Daily Express"):
        assert registry.lookup(name) is not None, name


@pytest.mark.parametrize(
    ("spelling", "display"),
    [
        ("daily-express", "Daily Express"),
        ("DAILY EXPRESS", "Daily Express"),
        ("ديلي إكسبريس", "Daily Express"),
        ("www.express.co.uk", "Daily Express"),
        ("https://www.express.co.uk/news/world/123", "Daily Express"),
        ("www.daily-express.co.uk", "Daily Express"),
        ("The Associated Press", "Associated Press"),
        ("AP", "Associated Press"),
        ("Agence France-Presse", "AFP"),
        ("أ ف ب", "AFP"),
        ("ا ف ب", "AFP"),
        ("رويترز", "Reuters"),
        ("Deutsche Presse-Agentur", "dpa"),
        ("Agencia EFE", "EFE"),
        ("Getty Images", "Getty"),
        ("غيتي", "Getty"),
        ("Spiegel Online", "Der Spiegel"),
        ("F.A.Z.", "Frankfurter Allgemeine Zeitung"),
        ("El Pais", "El País"),
        ("صحيفة الشرق الأوسط", "Asharq Al-Awsat"),
    ],
)
def test_spellings_resolve_to_display_names(
    registry: Registry, spelling: str, display: str
) -> None:
    assert registry.display(spelling) == display


def test_single_word_domain_label_is_not_guessed(registry: Registry) -> None:
    # "express.pk" is not the Daily Express, though "Express" is one of its spellings.
    assert registry.by_domain("express.pk") is None
    assert registry.lookup("https://tribune.express.pk/story/1") is None


def test_unknown_names_are_kept_as_written_and_tidied(registry: Registry) -> None:
    assert registry.display("  Kyiv   Independent. ") == "Kyiv Independent"
    assert registry.display("some-local-paper") == "Some Local Paper"
    assert registry.display("صحيفة النهار") == "النهار"
    assert tidy_name("www.example-news.com") == "example-news.com"
    assert tidy_domain("https://www.daily-express.co.uk/x") == "Daily-Express.co.uk"


@pytest.mark.parametrize(
    ("written", "tidied"),
    [
        ("PubMed Central (PMC)", "PubMed Central (PMC)"),  # its own brackets stay whole
        ("Times [UK]", "Times [UK]"),
        ("(Reuters)", "Reuters"),  # brackets around the whole name go
        ("[Getty Images].", "Getty Images"),
        ("Reuters)", "Reuters"),  # a stray one at an end goes
    ],
)
def test_brackets_around_a_name_go_and_brackets_inside_it_stay(written: str, tidied: str) -> None:
    assert tidy_name(written) == tidied


def test_generic_and_data_source_names(registry: Registry) -> None:
    assert registry.is_generic("وكالات")
    assert registry.is_generic("Agencies")
    assert registry.is_data_source("Ministry of Health annual report")
    assert registry.is_data_source("Statistisches Bundesamt")
    assert not registry.is_data_source("Reuters")


def test_user_file_adds_outlets_and_extends_known_ones(tmp_path: Path) -> None:
    path = tmp_path / "registry.toml"
    path.write_text(
        'generic = ["the wires"]\n'
        "[[outlet]]\n"
        'name = "Elrisala"\n'
        'domains = ["elrisala.example"]\n'
        'variants = ["الرسالة"]\n'
        "[[outlet]]\n"
        'name = "Reuters"\n'
        'variants = ["Reuters Arabic"]\n',
        encoding="utf-8",
    )
    registry = Registry.load(path)
    assert registry.display("الرسالة") == "Elrisala"
    assert registry.by_domain("news.elrisala.example").name == "Elrisala"
    reuters = registry.lookup("Reuters Arabic")
    assert reuters is not None
    assert reuters.name == "Reuters"
    assert reuters.kind == "agency"
    assert registry.lookup("رويترز") is reuters  # bundled spellings kept
    assert registry.is_generic("The Wires")
    assert load_registry(str(path)).display("الرسالة") == "Elrisala"


def test_user_file_overrides_a_spelling(tmp_path: Path) -> None:
    path = tmp_path / "registry.toml"
    path.write_text('[[outlet]]\nname = "Express Tribune"\nvariants = ["Express"]\n')
    assert Registry.load(path).display("Express") == "Express Tribune"


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("[[outlet]]\nname = 3\n", "outlet[0].name"),
        ('[[outlet]]\nname = "X"\nkind = "blog"\n', "outlet[0].kind"),
        ('[[outlet]]\nname = "X"\ndomain = ["x.com"]\n', "outlet[0].domain"),
        ('[[outlet]]\nname = "X"\ndomains = "x.com"\n', "outlet[0].domains"),
        ('[[outlet]]\nname = "X"\ndomains = ["not a domain"]\n', "outlet[0].domains"),
        ('[[outlet]]\nname = "X"\n[[outlet]]\nname = ""\n', "outlet[1].name"),
        ('generic = "agencies"\n', "generic"),
        ("outlets = []\n", "'outlets'"),
        ("[[outlet]\nname = 'X'\n", "invalid TOML"),
    ],
)
def test_bad_user_file_is_a_one_line_config_error(tmp_path: Path, content: str, where: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as info:
        Registry.load(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert where in message


def test_missing_user_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="registry file not found"):
        Registry.load(tmp_path / "nope.toml")
