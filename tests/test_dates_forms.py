"""French date grammar (pipeline.dates.find_dates): ranges printed without an
opening word, ranges of months across a new year, numeric ranges, and the
issue number of a newsletter before its month."""

from __future__ import annotations

import pytest

from pipeline.dates import find_dates


def spans(text, **kw):
    """(start, end, precision) of every span found, ISO strings."""
    return [(s.start.isoformat(), s.end.isoformat() if s.end else None, s.precision)
            for s in find_dates(text, **kw)]


@pytest.mark.parametrize("text, start, end", [
    ("1er octobre au 31 décembre 2023", "2023-10-01", "2023-12-31"),
    ("Rapport trimestriel, 1er octobre au 31 décembre 2023", "2023-10-01", "2023-12-31"),
    ("18 novembre au 2 décembre 2022", "2022-11-18", "2022-12-02"),
])
def test_range_of_days_without_an_opening_word_is_one_span(text, start, end):
    """The period on a report's cover, printed without "du" ("1er octobre au
    31 décembre 2023")."""
    assert spans(text) == [(start, end, "span")]


@pytest.mark.parametrize("text, start, end", [
    ("juin à septembre 2021", "2021-06-01", "2021-09-30"),
    ("Bilan d'octobre 2021 à mars 2022.", "2021-10-01", "2022-03-31"),
])
def test_range_of_months_is_one_span(text, start, end):
    """Months without an opening word, the first one with or without its own
    year ("juin à septembre 2021", "octobre 2021 à mars 2022")."""
    assert spans(text) == [(start, end, "span")]


@pytest.mark.parametrize("text", ["du 14/09/2022 au 16/09/2022", "Congrès du 14/09/2022 au 16/09/2022 à Québec."])
def test_range_of_numeric_dates_is_one_span(text):
    """A congress dated with two numeric dates, day first."""
    assert spans(text) == [("2022-09-14", "2022-09-16", "span")]


def test_issue_number_before_the_month_is_no_day():
    """A newsletter's masthead: the issue number runs into the month
    ("numéro 4 Octobre 2022"), which is no 4 October."""
    assert [s for s in spans("Volume 9, numéro 4 Octobre 2022") if s[2] == "day"] == []


def test_issue_number_before_the_month_leaves_the_month():
    """The same masthead still dates the issue: October 2022."""
    assert spans("Volume 9, numéro 4 Octobre 2022") == [("2022-10-01", "2022-10-31", "month")]
