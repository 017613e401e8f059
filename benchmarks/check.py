"""Checking benchmark: the data checker's time grows linearly with the roster, and its memory stays bounded.

    PYTHONPATH=hooks python -m benchmarks.check [--sizes 1000,4000,16000] [--valid 100000]

For each size it writes a roster in which every entry has one mistake (ten kinds in
turn, including the ones found by comparing entries: a duplicate id and a lookalike
name), checks it with roster.load_and_validate, and prints the time, the number of
problems and the time per 1,000 entries: linear work keeps that last column flat.
It then checks a roster of --valid valid entries in a fresh process and prints its
time and peak memory (resident set). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import roster

ROOT = Path(__file__).resolve().parent.parent

ENTRY = """\
  - id: therapist-{n}
    name: Alex {n} Example
    pronouns: they/them
    credentials: [MA, RP]
    registration:
      college: CRPO
      number: "{n:06d}"
      status: Registered Psychotherapist
    languages: [English, French]
    areas_of_practice: [Anxiety, Depression]
    approaches: [CBT]
    clients: [Adults]
    formats: [Video]
    fees:
      individual: 150
      sliding_scale: false
    availability: accepting
    availability_confirmed_on: 2026-11-20
    contact_url: mailto:therapist-{n}@example.org
    bio: |
      Alex works with adults who feel anxious or low, at a pace that suits them. Sessions are
      practical and warm, with goals set together and skills to try between sessions.
"""

# One mistake per entry, in turn: (text to replace, replacement); "{p}" is the previous entry's number.
MISTAKES = (
    ("[English, French]", "[English, Frnech]"),
    ("    pronouns:", "    pronuns:"),
    ("availability: accepting", "availability: yes"),
    ("    pronouns: they/them\n", "    pronouns: they/them\n    pronouns: she/her\n"),
    ("name: Alex {n} Example", "name: ALEX {p} EXAMPLE"),
    ("id: therapist-{n}", "id: therapist-{p}"),
    ("mailto:therapist-{n}@example.org", "mailto:therapist-{n}@example.org?bcc=x@example.net"),
    ("individual: 150", "individual: +150"),
    ("name: Alex {n} Example", 'name: "Alex {n} \\u202eelpmaxE"'),
    ("    bio: |\n", "    biography: |\n"),
)


def roster_text(count: int, mistakes: bool) -> str:
    parts = ["therapists:\n"]
    for n in range(1, count + 1):
        entry = ENTRY.format(n=n)
        if mistakes:
            old, new = MISTAKES[n % len(MISTAKES)]
            entry = entry.replace(old.format(n=n), new.format(n=n, p=n - 1))
        parts.append(entry)
    return "".join(parts)


def check(path: Path) -> tuple[float, int]:
    start = time.process_time()
    try:
        roster.load_and_validate(path, display_path=path.name)
        problems = 0
    except roster.RosterError as exc:
        problems = len(exc.errors)
    return time.process_time() - start, problems


def peak(path: Path) -> dict:
    """Check `path` in a fresh process; its time and peak resident memory."""
    code = (
        "import json, resource, time; import roster; "
        f"t = time.process_time(); r = roster.load_and_validate({str(path)!r}); t = time.process_time() - t; "
        "print(json.dumps({'seconds': t, 'therapists': len(r.therapists), "
        "'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,16000")
    parser.add_argument("--valid", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        # CPU time, not wall-clock time: on a shared machine the wall clock measures the neighbours.
        print("entries  problems  CPU seconds  CPU seconds per 1,000 entries")
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"mistakes-{size}.yml"
            path.write_text(roster_text(size, mistakes=True), encoding="utf-8")
            seconds, problems = check(path)
            print(f"{size:7,}  {problems:8,}  {seconds:11.2f}  {seconds / size * 1000:11.3f}")
        if args.valid:
            path = Path(tmp) / "valid.yml"
            path.write_text(roster_text(args.valid, mistakes=False), encoding="utf-8")
            figures = peak(path)
            size_mb = path.stat().st_size / 2**20
            print(
                f"{figures['therapists']:,} valid entries ({size_mb:.0f} MB of YAML): checked in "
                f"{figures['seconds']:.1f} CPU seconds, peak memory {figures['peak_mb']:.0f} MB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
