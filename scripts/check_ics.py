#!/usr/bin/env python3
"""Validate KneeCoach iCalendar exports with the `icalendar` package (PyPI).

Usage: check_ics.py FIRST.ics [SECOND.ics]

Checks that FIRST parses as a VCALENDAR, has VERSION and PRODID, that every VEVENT has a
UID, DTSTART, DTSTAMP and SUMMARY, that UIDs are unique, that every line ends in CRLF and
is at most 75 octets. With SECOND (a re-export of the same plan), checks it gives exactly
the same UIDs. Exits 1 with one line per problem on any failure.
"""
import sys

from icalendar import Calendar


def problems_in(path):
    problems = []
    raw = open(path, "rb").read()
    for number, line in enumerate(raw.split(b"\r\n")[:-1], start=1):
        if len(line) > 75:
            problems.append(f"{path}:{number}: line is {len(line)} octets (more than 75)")
        if b"\n" in line or b"\r" in line:
            problems.append(f"{path}:{number}: bare CR or LF inside a line")
    if not raw.endswith(b"\r\n"):
        problems.append(f"{path}: the file does not end with CRLF")
    try:
        calendar = Calendar.from_ical(raw)
    except Exception as error:  # the parser's own message says what is wrong
        return problems + [f"{path}: does not parse: {error}"], []
    if calendar.name != "VCALENDAR":
        problems.append(f"{path}: top component is {calendar.name}, not VCALENDAR")
    for prop in ("VERSION", "PRODID"):
        if calendar.get(prop) is None:
            problems.append(f"{path}: VCALENDAR has no {prop}")
    uids = []
    events = list(calendar.walk("VEVENT"))
    if not events:
        problems.append(f"{path}: no VEVENT")
    for index, event in enumerate(events, start=1):
        for prop in ("UID", "DTSTART", "DTSTAMP", "SUMMARY"):
            if event.get(prop) is None:
                problems.append(f"{path}: event {index} has no {prop}")
        if event.get("DTSTART") is not None:
            event.decoded("DTSTART")  # raises on a malformed date
        uids.append(str(event.get("UID")))
    duplicates = sorted({uid for uid in uids if uids.count(uid) > 1})
    if duplicates:
        problems.append(f"{path}: duplicate UIDs {', '.join(duplicates[:5])}")
    return problems, uids


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 64
    problems, uids = problems_in(argv[1])
    if len(argv) == 3:
        more, second = problems_in(argv[2])
        problems += more
        if second != uids:
            problems.append(f"{argv[2]}: a re-export gives different UIDs than {argv[1]}")
    for problem in problems:
        print("check_ics: " + problem, file=sys.stderr)
    if not problems:
        print(f"check_ics: {argv[1]}: {len(uids)} events, all valid")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
