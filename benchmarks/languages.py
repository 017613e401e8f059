"""Build benchmark for the French edition: the bilingual build against an English-only one.

    python -m benchmarks.languages [--repeat 3] [--roster FILE]

Both builds use this project's mkdocs.yml and roster; the English-only build is the same
configuration with the French language's `build: false` (mkdocs-static-i18n then builds
English only). Build time is the best of --repeat runs, each a separate process. Also
prints the size of each language's search index, which a visitor downloads on their first
search (raw and gzip level 6). Nothing is asserted: the target is printed as met or not.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Issue 12: the bilingual build takes at most 2.2 times the English-only build.
RATIO_TARGET = 2.2


def english_only(config: str) -> str:
    """mkdocs.yml with the French language not built."""
    changed, count = re.subn(r"(- locale: fr\n(\s+)name: [^\n]*\n\s+build: )true", r"\1false", config)
    if count != 1:
        raise SystemExit("mkdocs.yml: cannot find the French language's 'build: true' under the i18n plugin")
    return changed


def best_build(config_file: Path, site: Path, repeat: int, env: dict) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config_file), "-d", str(site)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            raise SystemExit(f"build failed ({config_file.name}):\n{result.stderr}")
        best = min(best, elapsed)
    return best


def size(path: Path) -> str:
    data = path.read_bytes()
    return f"{len(data) / 1000:.1f} kB ({len(gzip.compress(data, 6)) / 1000:.1f} kB gzip)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--roster", help="ROSTER_FILE for both builds (default: the project's roster)")
    args = parser.parse_args(argv)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if args.roster:
        env["ROSTER_FILE"] = str(Path(args.roster).resolve())
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="tpg-languages-") as tmp:
        # The configuration must sit beside mkdocs.yml: its hooks and docs are found from there.
        with tempfile.NamedTemporaryFile("w", dir=ROOT, prefix=".bench-en-", suffix=".yml", delete=False) as f:
            f.write(english_only(config))
        english_config = Path(f.name)
        try:
            both = best_build(ROOT / "mkdocs.yml", Path(tmp) / "both", args.repeat, env)
            english = best_build(english_config, Path(tmp) / "en", args.repeat, env)
        finally:
            english_config.unlink()
        ratio = both / english
        met = "met" if ratio <= RATIO_TARGET else "NOT met"
        print(f"English-only build: {english:.2f} s (best of {args.repeat})")
        print(f"Bilingual build:    {both:.2f} s (best of {args.repeat})")
        print(f"Ratio: {ratio:.2f} (target at most {RATIO_TARGET}: {met})")
        print(f"English search index: {size(Path(tmp) / 'both' / 'search' / 'search_index.json')}")
        print(f"French search index:  {size(Path(tmp) / 'both' / 'fr' / 'search' / 'search_index.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
