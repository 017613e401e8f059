"""Screenshots of every page template, phone and desktop, light and dark, for reviewers who do not build the site.

Usage: .venv/bin/python scripts/screenshots.py

Builds the site into a temporary folder, serves it on 127.0.0.1, and saves
full-page PNGs as reports/screenshots/<template>-<phone|desktop>-<light|dark>.png
(reports/ is not committed). Uses Debian's chromium, like the browser tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "hooks")]  # the imports below live there

from browser.support import CHROMIUM, DESKTOP, PHONE  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from siteserver import built_site, serve, site_mount, template_pages  # noqa: E402

import roster  # noqa: E402

OUT = ROOT / "reports" / "screenshots"
LAYOUTS = {
    "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
    "desktop": {"viewport": DESKTOP},
}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    pages = template_pages(roster.load_and_validate())
    with built_site() as site, serve(site, site_mount()) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--disable-dev-shm-usage"])
        for layout, options in LAYOUTS.items():
            for scheme in ("light", "dark"):
                context = browser.new_context(color_scheme=scheme, reduced_motion="reduce", **options)
                page = context.new_page()
                for name, url in pages.items():
                    page.goto(base + url, wait_until="networkidle")
                    path = OUT / f"{name}-{layout}-{scheme}.png"
                    page.screenshot(path=path, full_page=True)
                    print(path.relative_to(ROOT), flush=True)
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
