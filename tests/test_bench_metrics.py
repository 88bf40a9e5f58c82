"""The benchmarks' own yardsticks: bench/extraction_quality.py's author comparison."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "extraction_quality.py"


def load_bench() -> Any:
    spec = importlib.util.spec_from_file_location("extraction_quality_under_test", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("author", "names"),
    [
        ("By Jane Doe", {"jane doe"}),
        ("Jane Doe, Ph.D.", {"jane doe"}),
        ("A. Smith, PhD and Bo Li", {"a smith", "bo li"}),
        ("Rui Ma, Heba Ledwon, Manoel Cortes Mendez & Suparn Patra",
         {"rui ma", "heba ledwon", "manoel cortes mendez", "suparn patra"}),
        ("Nicholas Collins, Matt De La O, Philipp Bose",  # a four-word name in a list
         {"nicholas collins", "matt de la o", "philipp bose"}),
        ("Paul Frew, Home and Digital Security Expert", {"paul frew"}),  # "and" in a role
        ("Thomas Broderick, Nalea Ko, and ACO Rankings Team",  # a list goes on after "and"
         {"thomas broderick", "nalea ko", "aco rankings team"}),
        ("Debra Horwitz, DVM, DACVB & Gary Landsberg, DVM", {"debra horwitz", "gary landsberg"}),
        ("Sergio Martínez-Beltrán | The Texas Newsroom", {"sergio martínez beltrán", "the texas newsroom"}),
        ("Dr. Ehsan Jazini", {"ehsan jazini"}),
    ],
)  # fmt: skip
def test_author_names_keep_people_and_drop_roles(author: str, names: set[str]) -> None:
    assert load_bench().author_names(author) == names
