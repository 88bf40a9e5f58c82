"""clean_authors(): bylines -> people and agencies, with the junk of real pages removed."""

from __future__ import annotations

import pytest

from newscrawl.attribution.registry import Registry
from newscrawl.authors import clean_authors, house_byline, record_authors


@pytest.mark.parametrize(
    ("raw", "people", "agencies"),
    [
        (["By Jane Smith and John Doe, Reuters"], ["Jane Smith", "John Doe"], ["Reuters"]),
        (["Jane Smith, John Doe"], ["Jane Smith", "John Doe"], []),
        (["Jane Smith & John Doe"], ["Jane Smith", "John Doe"], []),
        (["Danielle DeSiato, Donna Enzmann, and Natalie Nguyen"],
         ["Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"], []),
        (["Dylan Bailey, MS, RD, FAND"], ["Dylan Bailey"], []),
        (["Genevieve Carlton, Ph.D."], ["Genevieve Carlton"], []),
        (["Jane Smith, Senior Reporter, The Times"], ["Jane Smith"], []),
        (["Mike Marshall, Shipping Expert"], ["Mike Marshall"], []),
        (["Staff Writer Jane Doe"], ["Jane Doe"], []),
        (["Rachel MacDonald Writer"], ["Rachel MacDonald"], []),
        (["Correspondent"], [], []),
        (["Email the author"], [], []),
        (["Jane Doe Email the author"], ["Jane Doe"], []),
        (["Jane Doe | June 3, 2024"], ["Jane Doe"], []),
        (["Jane Doe, Updated 10:30 a.m. ET"], ["Jane Doe"], []),
        (["Reyan PerumalPublished"], ["Reyan Perumal"], []),
        (["@jsmith"], [], []),
        (["Jane Doe @jsmith"], ["Jane Doe"], []),
        (["https://www.example.com/author/jane"], [], []),
        (["Example.com"], [], []),
        (["The Investopedia Team"], [], []),
        (["Staff"], [], []),
        (["By Associated Press"], [], ["Associated Press"]),
        (["AFP"], [], ["AFP"]),
        (["Reuters Staff"], [], ["Reuters"]),
        (["Jane Doe (AFP)"], ["Jane Doe"], ["AFP"]),
        (["JANE SMITH and JOHN DOE, Associated Press"], ["Jane Smith", "John Doe"],
         ["Associated Press"]),
        (["Von Hans Müller"], ["Hans Müller"], []),
        (["Par Jean Dupont"], ["Jean Dupont"], []),
        (["Por Juan Pérez y María López"], ["Juan Pérez", "María López"], []),
        (["بقلم: محمد أحمد"], ["محمد أحمد"], []),
        (["Ursula von der Leyen"], ["Ursula von der Leyen"], []),
        (["This post was written by Danielle Padula"], ["Danielle Padula"], []),
        (["Jane Doe", "jane doe", "Jane Doe, MS"], ["Jane Doe"], []),
        (["Justin Meserole", "Trial Attorney", "Morgan"], ["Justin Meserole"], []),
        (["Maria & Katerina"], ["Maria", "Katerina"], []),
        (["Brian Truitt USA TODAY"], ["Brian Truitt"], ["USA Today"]),
        (["Jane Doe AFP"], ["Jane Doe"], ["AFP"]),
        (["Marie Claire DUPONT"], ["Marie Claire DUPONT"], []),
        (["Rasmus Barslund Founder & Lead Reviewer"], ["Rasmus Barslund"], []),
        (["Rapid7"], [], []),  # a company's name with digits (rapid7.com), no person
        (["jdoe84"], [], []),
        (["Jane Carroll30"], ["Jane Carroll"], []),
        ([], [], []),
    ],
)  # fmt: skip
def test_clean_authors(raw: list[str], people: list[str], agencies: list[str]) -> None:
    assert clean_authors(raw) == (people, agencies)


def test_prose_is_not_a_name() -> None:
    people, _ = clean_authors(["Jane Doe writes about food and travel"])
    assert people == []


def test_agency_from_a_user_registry(tmp_path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[[outlet]]\nname = "Nordic Wire"\nkind = "agency"\nvariants = ["NW"]\n')
    registry = Registry.load(path)
    assert clean_authors(["By Nordic Wire"], registry=registry) == ([], ["Nordic Wire"])
    assert clean_authors(["By Nordic Wire"]) == ([], [])  # unknown name, one word: no person


def test_non_strings_are_ignored() -> None:
    assert clean_authors([None, 3, "Jane Doe"]) == (["Jane Doe"], [])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("raw", "house"),
    [
        (["The Investopedia Team"], "The Investopedia Team"),
        (["By EcoCult Staff"], "EcoCult Staff"),
        (["Great Day Editorial Team"], "Great Day Editorial Team"),
        (["TOI Lifestyle Desk"], "TOI Lifestyle Desk"),
        (["Team SimplyThrilled"], "Team SimplyThrilled"),
        (["The Currency editors"], "The Currency editors"),
        (["Our Editors"], None),
        (["News Desk"], None),
        (["Staff"], None),
        (["the team"], None),
        (["Reuters Staff"], None),  # an agency: a credit, not an author
        (["Metro Digest Wire Desk"], None),  # a wire desk signs agency copy
        (["Read more about The Upwork Team"], "The Upwork Team"),
        (["Jane Doe"], None),
    ],
)  # fmt: skip
def test_house_byline(raw: list[str], house: str | None) -> None:
    assert house_byline(raw) == house


def test_record_authors_prefers_people_then_removed_bylines_then_house_byline() -> None:
    assert record_authors(["Jane Doe", "Podium Staff"]) == ["Jane Doe"]
    assert record_authors(["Podium Staff"], ["By John Roe"]) == ["John Roe"]
    assert record_authors(["Podium Staff"], ["Related articles"]) == ["Podium Staff"]
    assert record_authors(["Reuters"], ["Our Editors"]) == []
