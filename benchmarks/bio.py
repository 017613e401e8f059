"""How long a bio takes to render: ordinary text against the worst inputs we know, all 4,000 characters.

    PYTHONPATH=hooks python -m benchmarks.bio

prints, for each input, the best of several timings and its ratio to an ordinary
bio of the same length (target: at most about 2x). It asserts nothing: timings
depend on the machine, so the figures are for people to read.
"""

from __future__ import annotations

import timeit

from bio import to_html
from roster import MAX_BIO

ORDINARY = (
    "Amara works with adults who feel stuck, anxious or low, often during a big change such as a new "
    "job, a move or the end of a relationship. **Sessions** are practical and *warm*; see "
    "[her approach](https://example.org/approach).\n\n"
)


def fill(unit: str, length: int = MAX_BIO) -> str:
    return (unit * (length // len(unit) + 1))[:length]


# Runs of each character Markdown treats specially, half-open constructs that make a
# parser search ahead, and deep nesting.
WORST = {
    "[": "[",
    "]": "]",
    "*": "*",
    "_": "_",
    "`": "`",
    "<": "<",
    ">": ">",
    "\\": "\\",
    "[a](": "[a](",
    "[a](https://": "[a](https://",
    "](": "](",
    "**a": "**a",
    "*a": "*a",
    "_a ": "_a ",
    "`a": "`a",
    "<https://a": "<https://a",
    "[[a]": "[[a]",
    "![": "![",
    "![a](": "![a](",
    "*a* (italics)": "*a* ",
    "**a** (bold)": "**a** ",
    "[a](https://a.b) (links)": "[a](https://a.b) ",
    "<https://a.b> (links)": "<https://a.b> ",
    "`a` (code)": "`a` ",
    "\\* (escapes)": "\\*",
    "& and quotes": "&\"'",
    "- - (one line)": "- ",
    "- a (list)": "- a\n",
    "> > (one line)": "> ",
    "nested list": "".join("  " * i + "- a\n" for i in range(40)),
    ">>>> quotes": ">>>>>>>> a\n",
}


def best(text: str, number: int, repeat: int) -> float:
    """Seconds for one render: the best of `repeat` averages of `number` renders."""
    return min(timeit.repeat(lambda: to_html(text), number=number, repeat=repeat)) / number


def figures(number: int = 20, repeat: int = 5) -> list[tuple[str, float, float]]:
    """(input, milliseconds, ratio to an ordinary bio of the same length) for each worst input.

    The ordinary bio is timed again next to each input, so that a busy machine
    slows both sides of a ratio alike.
    """
    ordinary = fill(ORDINARY)
    rows = [("ordinary", best(ordinary, number, repeat) * 1000, 1.0)]
    for name, unit in WORST.items():
        worst = fill(unit)
        pairs = [(best(ordinary, number, 1), best(worst, number, 1)) for _ in range(repeat)]
        base, time = min(p[0] for p in pairs), min(p[1] for p in pairs)
        rows.append((name, time * 1000, time / base))
    return rows


def main() -> None:
    print(f"{'input (4,000 characters)':<26} {'ms':>8} {'x ordinary':>11}")
    for name, ms, ratio in figures():
        print(f"{name:<26} {ms:8.2f} {ratio:11.2f}")


if __name__ == "__main__":
    main()
