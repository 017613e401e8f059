"""hooks/clock.py: the one place that reads the calendar, so a build (and every test) can be run for any day."""

from __future__ import annotations

import datetime

import pytest

import clock


def test_source_date_epoch_names_the_day(monkeypatch):
    day = datetime.date(2031, 2, 28)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", clock.epoch(day))
    assert clock.today() == day


def test_without_it_the_day_is_the_calendars(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert clock.today() == datetime.date.today()


def test_a_value_that_is_not_seconds_is_refused_in_words(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2027-01-01")
    with pytest.raises(ValueError, match="must be a number of seconds since 1970"):
        clock.today()
