"""The built pages pass the W3C Nu HTML checker, except for markup Material itself emits (listed below, with why)."""

from __future__ import annotations

import re

import pytest

from support.sitecheck import validate_html

pytestmark = pytest.mark.html_validator

# Each exception is (message pattern, pattern of the reported markup, why we accept it).
# Both patterns must match, so the same mistake in our own templates still fails.
MATERIAL_EXCEPTIONS = [
    (
        r"Attribute “autocomplete” is only allowed when the input type is",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">',
        # material/templates/base.html: the drawer and search toggles are checkboxes with
        # autocomplete="off" so that Firefox does not restore them open after Back.
        "Material's hidden drawer/search toggles (base.html)",
    ),
    (
        r"Bad value “” for attribute “tabindex” on element “label”",
        r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">',
        # material/templates/partials/nav-item.html: `tabindex="{{ tabindex }}"` with tabindex
        # unset for a section heading (navigation.sections), which renders as tabindex="".
        # Browsers treat an empty tabindex as absent, which is what Material means.
        "Material's section labels in the navigation (partials/nav-item.html)",
    ),
    (
        r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
        r'<label class="md-nav__title" for="__toc">',
        # material/templates/partials/toc.html on a section's index page (navigation.indexes):
        # the table of contents has a "Table of contents" label for the phone-layout toggle
        # #__toc, which nav-item.html renders only for pages that are not section indexes.
        "Material's table-of-contents title on section index pages (partials/toc.html)",
    ),
]


@pytest.fixture(scope="session")
def findings(site):
    return validate_html(site)


def accepted(finding) -> str | None:
    for message, markup, why in MATERIAL_EXCEPTIONS:
        if re.search(message, finding.message) and re.search(markup, finding.extract):
            return why
    return None


def test_built_pages_are_valid_html(findings):
    errors = [f for f in findings if f.is_error and not accepted(f)]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(map(str, errors[:50]))


def test_the_checker_read_every_page(findings, site):
    # Zero errors could also mean the checker read nothing. Every page carries
    # Material's drawer toggle (the first exception above), so every page must
    # appear in the findings.
    pages = {path.relative_to(site).as_posix() for path in site.rglob("*.html")}
    assert pages - {f.file for f in findings} == set()
