"""Screenshots of every page template, phone and desktop, light and dark, for reviewers who do not build the site.

Usage: PYTHONPATH=hooks:tests .venv/bin/python scripts/screenshots.py
(hooks/ for the roster, tests/ for the browser set-up and site server in tests/support/)

Builds the site into a temporary folder, serves it on 127.0.0.1, and saves
full-page PNGs as reports/screenshots/<template>-<phone|desktop>-<light|dark>.png
(reports/ is not committed). Uses Debian's chromium, like the browser tests.
"""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

import roster
from support import ROOT
from support.browser import CHROMIUM, DESKTOP, PHONE
from support.siteserver import built_site, serve, site_mount, template_pages

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
