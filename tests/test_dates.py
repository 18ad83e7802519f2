import pytest

from cleaners.recognise.dates import date_from_url, find_date, parse_date, resolve_12h_clock
from cleaners.sites.jatimtimes import PROFILE as JATIMTIMES


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Kamis, 1 Februari 2018 23:57 WIB", "2018-02-01T23:57:00+07:00"),
        ("Kompas dunia | 11 Oktober 2024, 15:32 WIB", "2024-10-11T15:32:00+07:00"),
        ("Marcheilla Ariesta • 18 Oktober 2024 13:11", "2024-10-18T13:11:00+07:00"),
        ("12 - Nov - 2024, 04:00", "2024-11-12T04:00:00+07:00"),
        ("28 - Jan - 2022, 00:31", "2022-01-28T00:31:00+07:00"),
        ("Senin, 3 Maret 2025 09.15 WITA", "2025-03-03T09:15:00+08:00"),
        ("Jumat, 7 Juni 2024 | 20:05 WIT", "2024-06-07T20:05:00+09:00"),
        ("Kompas.com - 18/01/2024, 11:40 WIB", "2024-01-18T11:40:00+07:00"),
        ("Sabtu, 5 Agu 2023, 07:00 WIB", "2023-08-05T07:00:00+07:00"),
        ("Rabu, 25 Des 2024 pukul 19:30 WIB", "2024-12-25T19:30:00+07:00"),
        ("Jum'at, 17 Mei 2024 - 10:00", "2024-05-17T10:00:00+07:00"),
        ("Diperbarui 2 Okt 2024", "2024-10-02"),
        ("Oct 2, 2024 14:00", "2024-10-02T14:00:00+07:00"),
        ("2024-10-11T15:32:00+07:00", "2024-10-11T15:32:00+07:00"),
        ("2024-10-11T08:32:00Z", "2024-10-11T08:32:00+00:00"),
        ("2024-10-11", "2024-10-11"),
        ("Minggu, 13 Oktober 2024", "2024-10-13"),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["", "tidak ada tanggal", "31 Februari 2024", "Pasal 4 ayat 2", "99/99/2024"])
def test_no_date(text):
    assert parse_date(text) is None


def test_find_date_span():
    found = find_date("Penulis X • 18 Oktober 2024 13:11")
    assert found and "Penulis X • 18 Oktober 2024 13:11"[found.start:found.end] == "18 Oktober 2024 13:11"


def test_url_dates():
    assert date_from_url("https://m.tribunnews.com/internasional/2024/10/14/slug?page=2").iso_date() == "2024-10-14"
    jt = date_from_url("https://jatimtimes.com/amp/baca/324990/20241112/160000/privacy", JATIMTIMES.url_date)
    assert (jt.iso_date(), jt.hour, jt.minute) == ("2024-11-12", 16, 0)
    assert date_from_url("https://jatimtimes.com/amp/baca/324990/20241112/160000/privacy") is None  # not a common shape
    assert date_from_url("https://www.medcom.id/nasional/hukum/abc12345-judul") is None
    assert date_from_url("https://example.com/2024/13/45/bad") is None
    assert date_from_url(None) is None


@pytest.mark.parametrize(
    ("page", "url_hour", "hour"),
    [
        ("12 - Nov - 2024, 04:00", 16, 16),  # URL in WIB, PM
        ("10 - Jan - 2025, 07:39", 19, 19),  # URL in WIB, PM
        ("17 - Apr - 2024, 07:29", 12, 19),  # URL in UTC: 12:29 UTC is 19:29 WIB
        ("17 - Apr - 2024, 09:10", 9, 9),    # morning stays morning
        ("17 - Apr - 2024, 12:10", 12, 12),  # noon
        ("17 - Apr - 2024, 12:10", 0, 0),    # midnight
        ("17 - Apr - 2024, 05:10", 9, 5),    # nothing fits: keep what the page shows
        ("17 - Apr - 2024, 05:10", None, 5),
    ],
)
def test_twelve_hour_clock(page, url_hour, hour):
    hours = [] if url_hour is None else [(url_hour + shift) % 24 for shift in JATIMTIMES.url_clock_shifts]
    assert resolve_12h_clock(find_date(page), hours).hour == hour


def test_find_date_stops_at_a_date_at_the_start_only():
    """find_date returns at once when a format finds a date at the text's start (none can start earlier):
    the same as trying every format, on the page texts' lines and on dates of every format at the start."""
    from pathlib import Path

    from cleaners.recognise import dates as D

    def every_format(text: str):
        if not D._YEAR.search(text):
            return None
        best = None
        for pattern in D._PATTERNS:
            for match in pattern.finditer(text):
                found = D._build(match)
                if found and (best is None or found.start < best.start):
                    best = found
                if found:
                    break
        return best

    root = Path(__file__).resolve().parent.parent
    lines = ["2024-10-11T15:32:00+07:00", "2024-10-11 15:32", "11 Oktober 2024, 15:32 WIB", "Oktober 11, 2024",
             "18/01/2024, 11:40 WIB", "Kamis, 1 Februari 2018 23:57 WIB", "1 Februari 2018 2018-02-01",
             "31/02/2024 lalu 1 Maret 2024", "2024-13-01 dan 2 Mei 2024", "12 - Nov - 2024, 04:00"]
    for path in [*root.glob("fixtures/**/*.txt"), *(root.parent / "shared" / "dev" / "text").glob("*.txt")]:
        lines += path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        assert D.find_date(line) == every_format(line), line


def test_month_and_zone_names_with_an_ascii_lookalike_read_as_their_ascii_spelling():
    """IGNORECASE lets the date patterns match "Meı" (dotless i), "ſep" (long s) and "WİB" (dotted I): such
    a name reads as its ASCII spelling instead of raising (a KeyError once stopped the page)."""
    from cleaners.recognise.dates import MONTHS, ZONES, find_date

    swaps = {"i": ("\u0131", "\u0130"), "s": ("\u017f",), "k": ("\u212a",)}
    checked = 0
    for month in MONTHS:
        for zone in ZONES:
            plain = find_date(f"Kamis, 5 {month.capitalize()} 2024 10:00 {zone}")
            assert plain is not None
            for ascii_letter, lookalikes in swaps.items():
                for lookalike in lookalikes:
                    odd_month = month.replace(ascii_letter, lookalike, 1)
                    odd_zone = zone.replace(ascii_letter.upper(), lookalike, 1)
                    if odd_month == month and odd_zone == zone:
                        continue
                    found = find_date(f"Kamis, 5 {odd_month[:1].upper()}{odd_month[1:]} 2024 10:00 {odd_zone}")
                    assert found is not None and found.iso() == plain.iso(), (odd_month, odd_zone)
                    checked += 1
    assert checked > 100


def test_day_names_with_an_ascii_lookalike_are_matched_and_never_looked_up():
    """Day names are matched only (no table turns them into a number), so "Jumat" with a dotless i, or any
    day spelt with a lookalike letter, gives the same date as its ASCII spelling and cannot raise."""
    from cleaners.recognise.dates import DAYS, find_date

    swaps = {"i": ("\u0131", "\u0130"), "s": ("\u017f",), "k": ("\u212a",)}
    checked = 0
    for day in DAYS:
        spelt = day.capitalize()
        plain = find_date(f"{spelt}, 5 Mei 2024 10:00 WIB")
        assert plain is not None and plain.start == 0, day
        for ascii_letter, lookalikes in swaps.items():
            for lookalike in lookalikes:
                odd = spelt.replace(ascii_letter, lookalike)  # (a capital first letter stays ASCII)
                if odd == spelt:
                    continue
                found = find_date(f"{odd}, 5 Mei 2024 10:00 WIB")
                assert found == plain, odd
                checked += 1
    assert checked > 15
