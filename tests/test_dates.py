"""French date grammar (pipeline.dates), written from the expected behaviour."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.dates import find_dates, period_hint


def spans(text, **kw):
    """(start, end, precision) of every span found, ISO strings."""
    return [(s.start.isoformat(), s.end.isoformat() if s.end else None, s.precision)
            for s in find_dates(text, **kw)]


def days(text, **kw):
    """Start dates of every span found, ISO strings."""
    return [s.start.isoformat() for s in find_dates(text, **kw)]


# --- single days -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("12 mai 2022", "2022-05-12"),
    ("Réunion le 12 mai 2022.", "2022-05-12"),
    ("le mardi 12 mai 2020", "2020-05-12"),
    ("1er juin 2021", "2021-06-01"),
    ("1 er juin 2021", "2021-06-01"),
])
def test_single_day(text, expected):
    assert spans(text) == [(expected, expected, "day")]


def test_span_carries_its_text_and_offsets():
    text = "Le conseil s'est réuni le 12 mai 2022 à Québec."
    (s,) = find_dates(text)
    assert text[s.pos:s.end_pos] == s.text
    assert "12 mai 2022" in s.text
    assert s.reference is False


# --- enumerations ------------------------------------------------------------

@pytest.mark.parametrize("text, hint, expected", [
    ("18, 23 et 30 mars 2020", None, ["2020-03-18", "2020-03-23", "2020-03-30"]),
    ("1er, 3 et 6 avril 2020", None, ["2020-04-01", "2020-04-03", "2020-04-06"]),
    ("4 et 11 juin", 2021, ["2021-06-04", "2021-06-11"]),
    ("20, 23 mars 2020 1er, 3 et 6 avril 2020", None,
     ["2020-03-20", "2020-03-23", "2020-04-01", "2020-04-03", "2020-04-06"]),
])
def test_enumeration_shares_month_and_year(text, hint, expected):
    found = find_dates(text, year_hint=hint)
    assert [s.start.isoformat() for s in found] == expected
    assert all(s.precision == "day" and s.end == s.start for s in found)


# --- ranges ------------------------------------------------------------------

@pytest.mark.parametrize("text, hint, start, end", [
    ("Du 17 avril au 27 mai", 2020, "2020-04-17", "2020-05-27"),
    ("du 3 au 5 mai 2022", None, "2022-05-03", "2022-05-05"),
    ("du 28 décembre 2021 au 4 janvier 2022", None, "2021-12-28", "2022-01-04"),
    ("du 28 décembre au 4 janvier 2022", None, "2021-12-28", "2022-01-04"),
    ("entre le 3 et le 5 mai 2022", None, "2022-05-03", "2022-05-05"),
    ("3-5 mai 2022", None, "2022-05-03", "2022-05-05"),
    ("de janvier à mars 2021", None, "2021-01-01", "2021-03-31"),
])
def test_range_is_one_span(text, hint, start, end):
    assert spans(text, year_hint=hint) == [(start, end, "span")]


# --- weeks -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "semaine du 12 septembre 2022",   # a Monday
    "semaine du 14 septembre 2022",   # a Wednesday: same week
])
def test_week_runs_monday_to_sunday(text):
    assert spans(text) == [("2022-09-12", "2022-09-18", "week")]


# --- numeric dates (day first) and ISO ---------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("13-03-2020", "2020-03-13"),
    ("01-04-2020", "2020-04-01"),   # 1 April, not 4 January
    ("20.04.2020", "2020-04-20"),
    ("05/06/2021", "2021-06-05"),
    ("2022-03-14", "2022-03-14"),
    ("Séance du 13-03-2020.", "2020-03-13"),
])
def test_numeric_dates_are_day_first(text, expected):
    assert spans(text) == [(expected, expected, "day")]


# --- year inference ----------------------------------------------------------

def test_year_from_following_date_across_new_year():
    assert days("le 28 décembre et le 5 janvier 2021") == ["2020-12-28", "2021-01-05"]


def test_year_from_int_hint():
    assert days("Rencontre le 15 mai.", year_hint=2022) == ["2022-05-15"]


@pytest.mark.parametrize("text, expected", [
    ("Rencontre le 15 mai.", "2020-05-15"),
    ("Rencontre le 15 février.", "2021-02-15"),
    ("Rencontre le 1er avril.", "2020-04-01"),
    ("Rencontre le 31 mars.", "2021-03-31"),
])
def test_year_from_fiscal_period_hint(text, expected):
    assert days(text, year_hint=period_hint(2020, 2021)) == [expected]


# --- relative references -----------------------------------------------------

@pytest.mark.parametrize("phrase, expected", [
    ("le lendemain", ("2022-05-13", "2022-05-13", "day")),
    ("la veille", ("2022-05-11", "2022-05-11", "day")),
    ("trois jours plus tard", ("2022-05-15", "2022-05-15", "day")),
    ("deux semaines plus tard", ("2022-05-26", "2022-05-26", "day")),
    ("la semaine suivante", ("2022-05-16", "2022-05-22", "week")),  # 12 May 2022 is a Thursday
])
def test_relative_reference_to_previous_date(phrase, expected):
    found = spans(f"Le comité s'est réuni le 12 mai 2022, puis {phrase}.")
    assert found == [("2022-05-12", "2022-05-12", "day"), expected]


# --- traps -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "La rencontre a duré 30 minutes.",
    "Une séance de 2 heures.",
    "Une formation de 3 jours.",
    "Voir page 12.",
    "Un montant de 1 500 $.",
    "Le comité compte sept membres.",
    "31 février 2021",
    "32-01-2020",
    "le 30 février",
])
def test_no_date(text):
    assert find_dates(text, year_hint=2021) == []


@pytest.mark.parametrize("text", [
    "Voir page 12.",
    "Un montant de 1 500 $.",
    "Un budget de 2000 $.",   # an amount that looks like a year
    "Le comité compte sept membres.",
])
def test_no_date_even_with_years(text):
    assert find_dates(text, year_hint=2021, years=True) == []


def test_duration_next_to_a_date_adds_nothing():
    assert spans("Le 12 mai 2022, une formation de 3 jours.") == [("2022-05-12", "2022-05-12", "day")]


def test_sept_as_number_next_to_a_date_is_not_september():
    assert days("Le 12 mai 2022, sept membres étaient présents.", year_hint=2022) == ["2022-05-12"]


def test_reference_dropped_by_default():
    assert find_dates("Le service est offert depuis le 24 avril dernier.", year_hint=2022) == []


def test_reference_kept_on_request():
    found = find_dates("Le service est offert depuis le 24 avril dernier.", year_hint=2022, keep_references=True)
    assert [(s.start, s.reference) for s in found] == [(date(2022, 4, 24), True)]


@pytest.mark.parametrize("text", ["Plan 2024-2025", "en 2024"])
def test_years_only_on_request(text):
    assert find_dates(text) == []


def test_fiscal_year():
    found = spans("Plan 2024-2025", years=True)
    assert [(s, e) for s, e, _ in found] == [("2024-04-01", "2025-03-31")]


def test_bare_year():
    assert spans("en 2024", years=True) == [("2024-01-01", "2024-12-31", "year")]


def test_multi_year_period_is_not_a_fiscal_year():
    found = find_dates("Plan 2020-2023", years=True)
    assert (date(2020, 4, 1), date(2021, 3, 31)) not in [(s.start, s.end) for s in found]
    assert all(s.end != date(2021, 3, 31) for s in found)


def test_invalid_dates_never_crash():
    for text in ["31 février 2021", "32-01-2020", "00-00-2020", "du 31 avril au 5 mai 2022",
                 "semaine du 31 février 2021", "99.99.2020", "le 0 mai 2020"]:
        find_dates(text, year_hint=2021, years=True)


# --- seasons and months ------------------------------------------------------

@pytest.mark.parametrize("text, start, end, precision", [
    ("hiver 2021", "2021-01-01", "2021-03-19", "season"),
    ("printemps 2020", "2020-03-20", "2020-06-20", "season"),
    ("été 2019", "2019-06-21", "2019-09-21", "season"),
    ("automne 2021", "2021-09-22", "2021-12-31", "season"),
    ("l'automne 2024", "2024-09-22", "2024-12-31", "season"),
    ("juillet 2020", "2020-07-01", "2020-07-31", "month"),
    ("février 2024", "2024-02-01", "2024-02-29", "month"),
    ("février 2023", "2023-02-01", "2023-02-28", "month"),
])
def test_season_and_month(text, start, end, precision):
    assert spans(text) == [(start, end, precision)]
