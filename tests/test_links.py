"""Every internal link, resource and #anchor in the built site resolves (stdlib checker in sitecheck.py)."""

from __future__ import annotations

from support.sitecheck import check_links
from support.siteserver import site_mount


def test_every_internal_link_and_anchor_resolves(site):
    problems = check_links(site, site_mount())
    assert not problems, "broken internal links:\n" + "\n".join(problems)
