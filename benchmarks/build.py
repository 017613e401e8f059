"""Build benchmark: how the site's build time and page weight grow with the roster.

    python -m benchmarks.build [--quick] [--sizes 100,1000,5000] [--repeat 3] [--project DIR]

For each size it writes a synthetic roster (benchmarks/synthetic.py), builds the
site with it (`mkdocs build --strict`, ROSTER_FILE set), and builds a baseline:
a temporary project with the same theme, Markdown extensions, overrides and
articles, no hooks and no macros, and one plain Markdown page (the same bio and
facts as a profile, as Markdown) for every page our hook generates, kept out of
the nav as ours are. Build time is the best of --repeat runs, each a separate
process; peak memory is the largest resident size of any run.

"Generated pages" are everything the hook adds: a profile per therapist
(current and former), the facet index and facet pages, the accepting page and
directory pages 2..N. The baseline has exactly that many plain pages, so the
ratio of build times is also the ratio per generated page.

"Compressed" means gzip level 6 (zlib), what a web server typically sends.
Nothing here is asserted: the targets are printed as met or not.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from benchmarks import synthetic

ROOT = Path(__file__).resolve().parent.parent
SIZES = (100, 1000, 5000)

# Targets from issue #6.
RATIO_TARGET = 1.2
LINEAR_TARGET = 5.5
DIRECTORY_TARGET = 300_000
SCRIPT_TARGET = 10_000
# Project files an article page may load on top of the theme's own.
PROJECT_ASSETS = {"assets/stylesheets/site.css", "assets/javascripts/directory.js"}


@dataclass
class Run:
    seconds: float
    peak_mb: float


@dataclass
class Build:
    """The best of several builds of one project, and the site the last one left."""

    runs: list[Run] = field(default_factory=list)
    site: Path | None = None

    @property
    def seconds(self) -> float:
        return min(r.seconds for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def measure(command: list[str], cwd: Path, env: dict) -> Run:
    """Run `command` in a child process that reports its own wall time and its child's peak memory."""
    probe = (
        "import json, resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "seconds = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "sys.stderr.write(done.stdout + done.stderr)\n"
        "print(json.dumps({'seconds': seconds, 'peak_kb': peak, 'code': done.returncode}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, *command], cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"benchmark probe failed:\n{done.stderr}")
    result = json.loads(done.stdout)
    if result["code"] != 0:
        raise SystemExit(f"build failed in {cwd}:\n{done.stderr[-4000:]}")
    return Run(result["seconds"], result["peak_kb"] / 1024)


def build(project: Path, site: Path, repeat: int, roster: Path | None = None, strict: bool = True) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("ROSTER_FILE", None)
    if roster is not None:
        env["ROSTER_FILE"] = str(roster)
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), *(["--strict"] if strict else [])]
    result = Build(site=site)
    for _ in range(repeat):
        shutil.rmtree(site, ignore_errors=True)
        result.runs.append(measure(command, project, env))
    return result


# ---------------------------------------------------------------------------
# The baseline project
# ---------------------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking each !ENV tag's default."""


_ConfigLoader.add_constructor(
    "!ENV", lambda loader, node: loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None
)


def plain_page(entry: dict) -> str:
    """A profile's content as plain Markdown: similar words, no hook, no template."""
    registration = entry.get("registration", {})
    lines = [
        f"# {entry['name']}",
        "",
        ", ".join(entry.get("credentials", [])),
        "",
        registration.get("status", ""),
        "",
        "## About",
        "",
        entry.get("bio", ""),
        "",
        "## Details",
        "",
    ]
    for key in ("areas_of_practice", "approaches", "languages", "clients", "formats"):
        lines.append(f"- {key.title()}: " + ", ".join(entry.get(key, [])))
    lines += [
        "",
        "## Fees",
        "",
        f"- Individual session: ${entry.get('fees', {}).get('individual', 0)}",
        "",
        "## Registration",
        "",
        f"Registered with {registration.get('college', '')} as "
        f"{registration.get('status', '')}. Registration number: {registration.get('number', '')}.",
        "",
    ]
    return "\n".join(lines)


def _hooks_module(project: Path, name: str):
    """hooks/<name>.py of `project`, loaded by its path (hooks/ is not a package); only for modules that import
    none of the others (strings.py, schemas.py)."""
    spec = importlib.util.spec_from_file_location(f"tpg_{name}", project / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    # Data classes look their module up while the module runs.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# The build's own budget for a profile page (the build notes a profile over it; never a failure).
PROFILE_TARGET = _hooks_module(ROOT, "schemas").PROFILE_BUDGET_BYTES


def baseline_project(project: Path, where: Path, roster: dict, pages: int) -> Path:
    """A project with our theme settings, overrides and articles, no hooks or macros, and `pages` plain pages."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    keep = (
        "site_name",
        "site_url",
        "theme",
        "markdown_extensions",
        "extra_css",
        "extra_javascript",
        "not_in_nav",
        "nav",
        "copyright",
        "repo_url",
        "repo_name",
        "edit_uri",
    )
    base = {key: config[key] for key in keep if key in config}
    if "custom_dir" in base.get("theme", {}):
        base["theme"]["custom_dir"] = str(project / base["theme"]["custom_dir"])
    # The overrides show the crisis lines on every page; the real build gets them from a hook.
    crisis = yaml.safe_load((project / "data" / "crisis.yml").read_text(encoding="utf-8"))
    for line in crisis.get("lines") or []:
        line.setdefault("tel", "")
    # So do the overrides' words (hooks/strings.py), which a hook also gives them; the baseline is English only.
    extra = {k: v for k, v in config.get("extra", {}).items() if k != "roster_file"}
    base["extra"] = {**extra, "crisis": crisis, "ui": dict(_hooks_module(project, "strings").of("en"))}
    base["plugins"] = ["search"]
    shutil.rmtree(where, ignore_errors=True)
    # English pages only, and not the help page, whose links go to pages only the hook makes.
    shutil.copytree(project / "docs", where / "docs", ignore=shutil.ignore_patterns("*.fr.md", "help-me-choose.md"))
    if (project / "includes").is_dir():
        shutil.copytree(project / "includes", where / "includes")
    (where / "mkdocs.yml").write_text(yaml.safe_dump(base, allow_unicode=True, sort_keys=False), encoding="utf-8")
    entries = [e for e in roster["therapists"] if not e.get("former")]
    for number in range(pages):
        (where / "docs" / "therapists" / f"plain-{number:05d}.md").write_text(
            plain_page(entries[number % len(entries)]), encoding="utf-8"
        )
    return where


# ---------------------------------------------------------------------------
# Inspecting a built site
# ---------------------------------------------------------------------------


def site_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def generated_pages(site: Path) -> dict[str, int]:
    """The hook's pages in a built site, by kind."""
    therapists = site / "therapists"
    counts = {"profiles": 0, "facet pages": 0, "accepting": 0, "directory pages 2..N": 0}
    for page in therapists.rglob("index.html"):
        parts = page.relative_to(therapists).parts[:-1]
        if not parts:
            continue  # therapists/index.html is the directory article, not generated
        if parts[0] == "page":
            counts["directory pages 2..N"] += 1
        elif parts[0] == "accepting":
            counts["accepting"] += 1
        elif len(parts) == 1 and not (therapists / parts[0] / "index.html").read_text(encoding="utf-8").count(
            'class="tpg-facet-index"'
        ):
            counts["profiles"] += 1
        else:
            counts["facet pages"] += 1
    return counts


def page_assets(site: Path, page: Path) -> list[str]:
    """Site-relative paths of the same-site CSS and JS files a page loads."""
    text = page.read_text(encoding="utf-8")
    found = []
    for url in re.findall(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"', text):
        if "://" in url:
            continue
        target = (page.parent / url.split("?")[0]).resolve()
        found.append(target.relative_to(site.resolve()).as_posix())
    return found


def weights(site: Path) -> dict[str, tuple[int, int]]:
    """(raw bytes, compressed bytes) of the files the targets are about."""

    def size(path: Path) -> tuple[int, int]:
        data = path.read_bytes()
        return len(data), gz(data)

    result = {
        "therapists.json": size(site / "therapists.json"),
        "search index": size(site / "search" / "search_index.json"),
        "directory page (HTML)": size(site / "therapists" / "index.html"),
    }
    directory = site / "therapists" / "index.html"
    assets = page_assets(site, directory)
    result["directory page + all CSS/JS"] = tuple(
        map(sum, zip(result["directory page (HTML)"], *(size(site / a) for a in assets), strict=True))
    )
    result["... + search index (first visit)"] = tuple(
        map(sum, zip(result["directory page + all CSS/JS"], result["search index"], strict=True))
    )
    if (site / "therapists" / "directory.json").exists():
        result["filter index (on first filter)"] = size(site / "therapists" / "directory.json")
    profiles = [p for p in (site / "therapists").glob("*/index.html") if "tpg-profile__header" in p.read_text("utf-8")]
    largest = max(profiles, key=lambda p: p.stat().st_size)
    result[f"largest profile ({largest.parent.name})"] = size(largest)
    return result


def minified_size(script: Path) -> int:
    """A conservative minified size: comments and indentation removed (a real minifier does better)."""
    text = script.read_text(encoding="utf-8")
    text = re.sub(r"^\s*//.*$", "", text, flags=re.M)
    text = re.sub(r"\n\s*", "\n", text)
    return len(text.strip().encode())


def article_extras(site: Path, article: str = "about-therapy/index.html") -> list[str]:
    """Project CSS/JS an article page loads beyond the theme's own and the allowed two."""
    page = site / article
    if not page.exists():
        page = site / "crisis" / "index.html"
    return [
        a
        for a in page_assets(site, page)
        if not a.startswith("assets/stylesheets/main.")
        and not a.startswith("assets/stylesheets/palette.")
        and not a.startswith("assets/javascripts/bundle.")
        and a not in PROJECT_ASSETS
    ]


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def kb(n: int) -> str:
    return f"{n / 1000:,.1f} KB"


def report_size(size: int, ours: Build, base: Build, pages: dict[str, int]) -> dict:
    total = sum(pages.values())
    print(
        f"\n== {size:,} therapists: {total:,} generated pages ("
        + ", ".join(f"{n:,} {k}" for k, n in pages.items())
        + ")"
    )
    print(f"   build time: best of {len(ours.runs)} (ours) and {len(base.runs)} (baseline) runs")
    rows = [
        ("build seconds", f"{ours.seconds:.2f}", f"{base.seconds:.2f}", f"{ours.seconds / base.seconds:.2f}"),
        (
            "ms per generated page",
            f"{1000 * ours.seconds / total:.2f}",
            f"{1000 * base.seconds / total:.2f}",
            f"{ours.seconds / base.seconds:.2f}",
        ),
        ("peak memory (MB)", f"{ours.peak_mb:.0f}", f"{base.peak_mb:.0f}", f"{ours.peak_mb / base.peak_mb:.2f}"),
        (
            "site size (MB)",
            f"{site_bytes(ours.site) / 1e6:.1f}",
            f"{site_bytes(base.site) / 1e6:.1f}",
            f"{site_bytes(ours.site) / site_bytes(base.site):.2f}",
        ),
    ]
    base_index = (base.site / "search" / "search_index.json").read_bytes()
    rows.append(
        (
            "search index (KB, gzip)",
            kb(gz((ours.site / "search" / "search_index.json").read_bytes())),
            kb(gz(base_index)),
            "",
        )
    )
    print(f"   {'':34}{'ours':>14}{'baseline':>14}{'ratio':>8}")
    for name, a, b, r in rows:
        print(f"   {name:34}{a:>14}{b:>14}{r:>8}")
    sizes = weights(ours.site)
    print(f"   {'file':34}{'raw':>14}{'gzip -6':>14}")
    for name, (raw, packed) in sizes.items():
        print(f"   {name:34}{kb(raw):>14}{kb(packed):>14}")
    directory = sizes["directory page + all CSS/JS"][1]
    first_visit = sizes["... + search index (first visit)"][1]
    profile = next(raw for name, (raw, _) in sizes.items() if name.startswith("largest profile"))
    return {
        "seconds": ours.seconds,
        "ratio": ours.seconds / base.seconds,
        "directory_gz": directory,
        "first_visit_gz": first_visit,
        "profile": profile,
        "site": ours.site,
    }


def targets(results: dict[int, dict], project: Path) -> None:
    print("\n== Targets (issue #6)")

    def line(ok: bool, text: str) -> None:
        print(f"   [{'met' if ok else 'NOT met'}] {text}")

    for size in (1000, 5000):
        if size in results:
            ratio = results[size]["ratio"]
            line(
                ratio <= RATIO_TARGET,
                f"{size:,}: build time per generated page {ratio:.2f}x the baseline (target <= {RATIO_TARGET}x)",
            )
    if 1000 in results and 5000 in results:
        growth = results[5000]["seconds"] / results[1000]["seconds"]
        line(growth <= LINEAR_TARGET, f"5,000 takes {growth:.2f}x as long as 1,000 (target <= {LINEAR_TARGET}x)")
    largest = max(results)
    directory = results[largest]["directory_gz"]
    line(
        directory <= DIRECTORY_TARGET,
        f"{largest:,}: directory page, with all the CSS/JS it loads, {kb(directory)} "
        f"gzipped before filtering (target <= {kb(DIRECTORY_TARGET)})",
    )
    first_visit = results[largest]["first_visit_gz"]
    line(
        first_visit <= DIRECTORY_TARGET,
        f"{largest:,}: the same plus the search index Material fetches on a first page view, "
        f"{kb(first_visit)} gzipped (target <= {kb(DIRECTORY_TARGET)})",
    )
    profile = max(r["profile"] for r in results.values())
    line(profile <= PROFILE_TARGET, f"largest profile page {kb(profile)} of HTML (target <= {kb(PROFILE_TARGET)})")
    script = minified_size(project / "docs" / "assets" / "javascripts" / "directory.js")
    line(
        script <= SCRIPT_TARGET,
        f"filter script {kb(script)} without comments and indentation (target <= {kb(SCRIPT_TARGET)} minified)",
    )
    extras = article_extras(results[largest]["site"])
    line(
        not extras,
        "an article page loads only the theme's CSS/JS, site.css and directory.js"
        + (f" (also: {', '.join(extras)})" if extras else ""),
    )
    if len(results) > 1:
        sizes = sorted(results)
        print("   marginal cost between sizes (fixed costs cancel out):")
        for small, big in zip(sizes, sizes[1:], strict=False):
            extra = results[big]["pages"] - results[small]["pages"]
            ms = 1000 * (results[big]["seconds"] - results[small]["seconds"]) / extra
            base_ms = 1000 * (results[big]["base_seconds"] - results[small]["base_seconds"]) / extra
            print(
                f"     {small:,} -> {big:,}: ours {ms:.2f} ms per extra page, baseline {base_ms:.2f} ms "
                f"({ms / base_ms:.2f}x)"
            )


NOTES = """\
How to read this:
- Generated pages are what the hook adds: a profile per therapist (current and former), the facet
  indexes and facet pages, the accepting page and directory pages 2..N. The baseline has exactly that
  many plain Markdown pages (a profile's bio and facts each), out of the nav like ours, with the same
  theme, overrides, Markdown extensions and articles, the search plugin, and no hooks or macros; so
  the ratio of build times is also the ratio per generated page.
- The baseline's search index holds its pages' full text, as a plain MkDocs site would. Ours indexes
  a profile by its header (name, credentials, registration class) and its areas of practice, approaches
  and languages, and leaves out pages and lists that repeat profiles, and articles' sources; that
  is part of why ours can build faster than the baseline.
- Build seconds: wall time of `mkdocs build` (ours --strict), best of the runs. Peak memory: largest
  resident set of the build process (getrusage RUSAGE_CHILDREN, one probe process per run).
- Compressed sizes are gzip level 6. Material fetches the search index on a visitor's first page
  view; the filter index is fetched only when a visitor first uses a filter."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.build", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--project", type=Path, default=ROOT, help="the MkDocs project to build (default: this repository)"
    )
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="roster sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="builds per size; the fastest counts (default 3)")
    parser.add_argument("--repeat-largest", type=int, help="builds for the largest size, if fewer are affordable")
    parser.add_argument("--quick", action="store_true", help="only the smallest size (for CI)")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    if args.quick:
        sizes = sizes[:1]
    project = args.project.resolve()
    print(f"Build benchmark of {project} (Python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    print(NOTES)
    results: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="tpg-bench-") as tmp:
        work = Path(tmp)
        for size in sizes:
            repeat = args.repeat_largest if args.repeat_largest and size == sizes[-1] else args.repeat
            roster_file = synthetic.write(work / f"roster-{size}.yml", size, project=project)
            ours = build(project, work / f"site-{size}", repeat, roster=roster_file)
            pages = generated_pages(ours.site)
            base_dir = baseline_project(
                project, work / f"baseline-{size}", synthetic.roster(size, project=project), sum(pages.values())
            )
            base = build(base_dir, work / f"baseline-site-{size}", repeat, strict=False)
            results[size] = report_size(size, ours, base, pages)
            results[size].update(pages=sum(pages.values()), base_seconds=base.seconds)
            shutil.rmtree(base.site)
            sys.stdout.flush()
        targets(results, project)
    return 0


if __name__ == "__main__":
    sys.exit(main())
