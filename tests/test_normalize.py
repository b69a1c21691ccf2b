"""Plan targets normalised into dates, quantities or other (pipeline.normalize)."""

from __future__ import annotations

import pytest

from pipeline.normalize import normalize_target


@pytest.mark.parametrize("text, start, end", [
    ("hiver 2021", "2021-01-01", "2021-03-19"),
    ("à partir de 2020", "2020-01-01", None),
    ("d'ici l'automne 2024", "2024-09-22", "2024-12-31"),
    ("au plus tard le 31 mars 2025", "2025-03-31", "2025-03-31"),
    ("2024-2025", "2024-04-01", "2025-03-31"),
])
def test_date_target(text, start, end):
    got = normalize_target(text)
    assert (got["kind"], got["date_start"], got["date_end"]) == ("date", start, end)


@pytest.mark.parametrize("text, value", [
    ("augmentation d'au moins 20 %", "20 %"),
    ("participation de 75 % du personnel", "75 %"),
    ("10 jours ouvrables", "10 jours ouvrables"),
    ("au moins 3 par année", "3 par année"),
    ("un guide thématique par année", "un guide thématique par année"),
    ("augmentation de 20 % d'ici 2022", "20 %"),
    ("500 nouveaux membres d'ici 2025", "500 nouveaux membres"),
    ("19,6 M (2023-2024)", "19,6 M"),  # the year a period column adds is not part of the unit
])
def test_quantity_target(text, value):
    got = normalize_target(text)
    assert (got["kind"], got["value"]) == ("quantity", value)


@pytest.mark.parametrize("text", ["En continu", "Annuellement"])
def test_other_target_has_no_dates(text):
    got = normalize_target(text)
    assert (got["kind"], got["date_start"], got["date_end"]) == ("other", None, None)


def test_amount_that_looks_like_a_year_is_not_a_date():
    assert normalize_target("Budget de 2000 $")["kind"] == "quantity"


@pytest.mark.parametrize("text, value", [
    ("100 % chaque année", "100 % chaque année"),
    ("Hausse de 10 points de pourcentage d'ici 2026", "10 points de pourcentage"),
    ("20 heures de formation par membre", "20 heures de formation par membre"),
])
def test_quantity_with_a_rate_or_a_unit_of_several_words(text, value):
    assert normalize_target(text)["value"] == value
