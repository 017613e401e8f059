"""Pages may call the site macros with literal arguments and nothing else (hooks/macro_calls.py), in the check
that runs over docs/ and again on the text the macros plugin is about to render (hooks/macros.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import macro_calls
import macros


@pytest.mark.parametrize(
    "text",
    [
        "Plain text with { single } braces and an attribute list {: .note }.",
        '{{ therapists_offering("CBT") }}',
        "{{ therapists_offering('Couples and family therapy') }} and {{ accepting_count() }} on one line",
        '{{ therapists_offering(approach="CBT") }}',
        "{{- crisis_summary() -}}",
    ],
)
def test_text_and_macro_calls_with_literal_arguments_pass(text):
    assert macro_calls.problems(text) == []


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{{ config }}", "{{ }} here holds a variable"),
        ("{{ config.site_name }}", "{{ }} here holds reading an attribute"),
        ("{{ config.__class__.__init__.__globals__ }}", "{{ }} here holds reading an attribute"),
        ('{{ lipsum["__globals__"] }}', "{{ }} here holds reading an item"),
        ('{{ cycler.__init__.__globals__.os.popen("id").read() }}', "calls something other than one of the site"),
        ('{{ therapists_offering("CBT") | safe }}', "{{ }} here holds a filter"),
        ("{{ config is defined }}", "{{ }} here holds a test"),
        ('{{ "text" }}', "{{ }} here holds a value on its own"),
        ("{{ 7 * 7 }}", "{{ }} here holds an expression"),
        ("{{ macros_info() }}", "'macros_info' is not one of the site macros"),
        ("{{ range(10) }}", "'range' is not one of the site macros"),
        ("{{ therapists_offering(config.site_name) }}", "the arguments of therapists_offering() must be plain"),
        ('{{ therapists_offering("a" ~ "b") }}', "the arguments of therapists_offering() must be plain"),
        ("{{ therapists_offering(*config) }}", "the arguments of therapists_offering() must be plain"),
        ('{% include "mkdocs.yml" %}', "{% %} statements are not allowed"),
        ("{% set x = 1 %}", "{% %} statements are not allowed"),
        ("{% for x in y %}{% endfor %}", "{% %} statements are not allowed"),
        ("{# a note #}", "{# #} comments are not allowed"),
        ("{% raw %}{{ x }}{% endraw %}", "{% raw %} blocks are not allowed"),
        ("{{ therapists_offering(", "the braces here are not a complete macro call"),
        ("{# never closed", "the braces here are not a complete macro call"),
    ],
)
def test_everything_else_is_refused_with_its_line_and_what_is_allowed(text, fragment):
    found = macro_calls.problems(f"Line one.\n\n{text}\n\nLast line.\n", first_line=7)
    assert found, text
    line, message = found[0]
    assert line == 9 and fragment in message, found
    assert "therapists_offering, accepting_count" in message and "CONTRIBUTING.md" in message


def test_the_macros_module_defines_exactly_the_allowed_macros():
    names = []
    env = SimpleNamespace(conf=None, macro=lambda function, name="": names.append(name or function.__name__))
    macros.define_env(env)
    assert sorted(names) == sorted(macro_calls.MACROS)


def _env(source: str, body: str, meta: dict | None = None):
    page = SimpleNamespace(
        meta=meta or {},
        file=SimpleNamespace(content_string=source, abs_src_path="/project/docs/a.md"),
    )
    return SimpleNamespace(page=page, markdown=body, conf=SimpleNamespace(config_file_path="/project/mkdocs.yml"))


def test_the_text_about_to_be_rendered_is_checked_on_the_files_lines():
    source = "---\ndescription: A page.\n---\n\n# A page\n\n{{ config }}\n"
    body = "# A page\n\n{{ config }}\n"
    with pytest.raises(PluginError, match=r"^docs/a\.md:7: \{\{ \}\} here holds a variable"):
        macros.on_pre_page_macros(_env(source, body))
    macros.on_pre_page_macros(_env(source, body.replace("config", "accepting_count()")))
