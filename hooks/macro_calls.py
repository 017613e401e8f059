"""What a page may write in {{ }}: one call of one of the site macros, with plain text or numbers as arguments.

mkdocs-macros renders every page as a template of an ordinary (not sandboxed) Jinja
environment, where an expression can climb from any object to Python's internals
(`{{ config.__class__.__init__.__globals__ }}`) and run commands on the machine that
builds the site. Pages are content, written and reviewed by clinicians, so their Jinja
is a closed language: problems() reads the page with Jinja's own lexer and parser, the
ones the plugin renders with, and refuses everything that is not text or such a call:
variables, attributes, items, filters, tests, operators, {% %} statements, {# #}
comments. hooks/articles.py runs it on every page in docs/ (the build's on_config and
`python hooks/check.py`), and hooks/macros.py again on the exact text the plugin is
about to render.
"""

from __future__ import annotations

from types import MappingProxyType

import jinja2
from jinja2 import nodes

# The site's macros (defined in hooks/macros.py), each as an editor writes it.
MACROS = MappingProxyType(
    {
        "therapists_offering": '{{ therapists_offering("CBT") }}',
        "accepting_count": "{{ accepting_count() }}",
        "therapist_directory": "{{ therapist_directory() }}",
        "in_language_link": "{{ in_language_link() }}",
        "practice_contact": "{{ practice_contact() }}",
        "crisis_summary": "{{ crisis_summary() }}",
        "crisis_lines": "{{ crisis_lines() }}",
    }
)
ALLOWED = (
    f"pages may only call the site macros ({', '.join(MACROS)}), with plain text in quotes or numbers as "
    "arguments, like {{ crisis_summary() }} (CONTRIBUTING.md, 'Macros')"
)
# The plugin's delimiters: mkdocs.yml sets none of its j2_* options, so they are Jinja's defaults.
_ENV = jinja2.Environment()
_LITERALS = (str, int, float, bool)


def problems(source: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, what to fix) for everything in a page's Markdown that is more than text and macro calls;
    `first_line` is the file line of the source's first line."""
    if not any(mark in source for mark in ("{{", "{%", "{#")):
        return []
    shift = first_line - 1
    tokens: list[tuple[int, str, str]] = []
    try:
        tokens.extend(_ENV.lex(source))
        tree = _ENV.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        # Braces that never close fail where the page ends: name the line they open on.
        error_line = exc.lineno or 1
        opened = [line for line, token, _ in tokens if token.endswith("_begin") and line <= error_line]
        line = opened[-1] if opened else error_line
        return [
            (
                line + shift,
                f"the braces here are not a complete macro call ({exc.message}); {ALLOWED}. To show {{{{, {{% or "
                "{# as text, write the first brace as &#123;",
            )
        ]
    found = [
        (line + shift, f"{kind} are not allowed in pages; {ALLOWED}")
        for line, token, _ in tokens
        if (kind := _STATEMENTS.get(token))
    ]
    for output in tree.body:
        # A statement's own line is reported from its tokens above; its contents are not rendered unchecked
        # because the build stops.
        if isinstance(output, nodes.Output):
            found += [(node.lineno + shift, f"{why}; {ALLOWED}") for node, why in _refused(output)]
    return sorted(found)


_STATEMENTS = MappingProxyType(
    {
        "block_begin": "{% %} statements",
        "comment_begin": "{# #} comments",
        "raw_begin": "{% raw %} blocks",
        "linestatement_begin": "line statements",
        "linecomment_begin": "line comments",
    }
)


def _refused(output: nodes.Output):
    for node in output.nodes:
        if isinstance(node, nodes.TemplateData):
            continue
        why = _call_problem(node)
        if why:
            yield node, why


def _call_problem(node: nodes.Node) -> str | None:
    if not isinstance(node, nodes.Call):
        return f"{{{{ }}}} here holds {_describe(node)}, not a macro call"
    if not isinstance(node.node, nodes.Name):
        return "{{ }} here calls something other than one of the site macros"
    if node.node.name not in MACROS:
        return f"'{node.node.name}' is not one of the site macros"
    arguments = [*node.args, *(keyword.value for keyword in node.kwargs)]
    if node.dyn_args or node.dyn_kwargs or not all(_literal(a) for a in arguments):
        return f"the arguments of {node.node.name}() must be plain text in quotes or numbers"
    return None


def _literal(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Const) and type(node.value) in _LITERALS


def _describe(node: nodes.Node) -> str:
    """What an expression is, in an editor's words."""
    kinds = {
        nodes.Name: "a variable",
        nodes.Getattr: "reading an attribute (.name)",
        nodes.Getitem: "reading an item ([...])",
        nodes.Filter: "a filter (|)",
        nodes.Test: "a test (is ...)",
        nodes.Const: "a value on its own",
    }
    for kind, words in kinds.items():
        if isinstance(node, kind):
            return words
    return "an expression"
