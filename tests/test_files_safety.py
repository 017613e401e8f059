"""Nothing outside docs/ is published, and photos are only photos."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import pytest

import files_safety
from support import ROOT
from support.builds import build_site

PHOTOS = Path("docs") / files_safety.PHOTO_DIR
# A real WebP photo of the right size, so no test needs a photo of the sample roster.
WEBP = ROOT / "tests" / "fixtures" / "photos" / "square.webp"


def png(width: int = 200, height: int = 200) -> bytes:
    """A real (blank, grey) PNG of the given size."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def jpeg(width: int = 200, height: int = 200, gps: bool = False) -> bytes:
    """The headers of a JPEG: an EXIF block (with a GPS section if asked) and a frame of the given size."""
    entry = struct.pack("<HHII", 0x8825 if gps else 0x0112, 4, 1, 0)  # GPS IFD pointer, or Orientation
    tiff = b"II*\0" + struct.pack("<I", 8) + struct.pack("<H", 1) + entry + struct.pack("<I", 0)
    app1 = b"Exif\0\0" + tiff
    frame = struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"
    scan = b"\xff\xda" + struct.pack(">H", 8) + b"\x01\x01\x00\x00\x3f\x00"
    return (
        b"\xff\xd8"
        + b"\xff\xe1"
        + struct.pack(">H", len(app1) + 2)
        + app1
        + b"\xff\xc0"
        + struct.pack(">H", len(frame) + 2)
        + frame
        + scan
        + b"\x00" * 16
        + b"\xff\xd9"
    )


SVG_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script><rect width="9"/></svg>'
SVG_HANDLER = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9"/></svg>'
SVG_EXTERNAL = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    b'<image xlink:href="https://evil.example/track.png" width="9" height="9"/></svg>'
)
SVG_FOREIGN = b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>hi</p></foreignObject></svg>'
SVG_STYLE = b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/a.css);</style></svg>'
SVG_PLAIN = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    b'<defs><circle id="c" r="4"/></defs><use xlink:href="#c"/><rect width="9" style="fill: teal"/></svg>'
)


@pytest.fixture
def docs(tmp_path) -> Path:
    """A repository at tmp_path with an empty photo folder."""
    (tmp_path / PHOTOS).mkdir(parents=True)
    return tmp_path / "docs"


def problems_of(docs: Path) -> list[str]:
    return files_safety.problems(docs, docs.parent)


def test_good_photos_pass(docs):
    (docs / files_safety.PHOTO_DIR / "a.png").write_bytes(png())
    (docs / files_safety.PHOTO_DIR / "b.jpg").write_bytes(jpeg())
    shutil.copy(WEBP, docs / files_safety.PHOTO_DIR)
    assert problems_of(docs) == []


def test_the_sample_photos_pass():
    assert files_safety.problems(ROOT / "docs", ROOT) == []


def test_a_symbolic_link_is_refused_wherever_it_is(docs, tmp_path):
    secret = tmp_path / "secret.env"
    secret.write_text("TOKEN=abc\n")
    (docs / files_safety.PHOTO_DIR / "jane-doe.jpg").symlink_to(secret)
    (docs / "notes").symlink_to(tmp_path, target_is_directory=True)
    assert sorted(problems_of(docs)) == [
        "docs/assets/therapists/jane-doe.jpg: is a symbolic link; MkDocs would publish whatever it points to. "
        "Delete the link and put the file itself there",
        "docs/notes: is a symbolic link; MkDocs would publish whatever it points to. "
        "Delete the link and put the file itself there",
    ]


def test_a_docs_folder_outside_the_repository_is_refused(tmp_path):
    repo, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    repo.mkdir()
    elsewhere.mkdir()
    (repo / "docs").symlink_to(elsewhere, target_is_directory=True)
    assert "must be a real folder inside the repository" in files_safety.problems(repo / "docs", repo)[0]


@pytest.mark.parametrize("svg", [SVG_SCRIPT, SVG_EXTERNAL, SVG_PLAIN], ids=["script", "external", "plain"])
def test_an_svg_photo_is_refused_even_a_plain_one(docs, svg):
    (docs / files_safety.PHOTO_DIR / "jane-doe.svg").write_bytes(svg)
    assert problems_of(docs) == [
        "docs/assets/therapists/jane-doe.svg: is an SVG drawing, which can carry scripts; "
        "export it again as a JPEG, PNG or WebP photo (see CONTRIBUTING.md, 'Add a photo')"
    ]


def test_an_svg_renamed_jpg_is_still_an_svg(docs):
    (docs / files_safety.PHOTO_DIR / "jane-doe.jpg").write_bytes(SVG_SCRIPT)
    assert "is an SVG drawing" in problems_of(docs)[0]


def test_a_text_file_renamed_jpg_is_refused(docs):
    (docs / files_safety.PHOTO_DIR / "jane-doe.jpg").write_text("TOKEN=abc\n")
    assert problems_of(docs) == [
        "docs/assets/therapists/jane-doe.jpg: is not a JPEG, PNG or WebP image, whatever its name says; "
        "export it again as a JPEG, PNG or WebP photo (see CONTRIBUTING.md, 'Add a photo')"
    ]


def test_a_photo_with_a_gps_location_is_refused(docs):
    (docs / files_safety.PHOTO_DIR / "jane-doe.jpg").write_bytes(jpeg(gps=True))
    assert problems_of(docs) == [
        "docs/assets/therapists/jane-doe.jpg: says where it was taken (GPS location data); save it again "
        "without location (see CONTRIBUTING.md, 'Add a photo') and upload that copy"
    ]


def test_a_photo_with_xmp_location_is_refused():
    xmp = b'<x:xmpmeta><rdf:Description exif:GPSLatitude="43,39.0N"/></x:xmpmeta>'
    assert files_safety.has_location(png() + xmp, "png")


@pytest.mark.parametrize(
    "data, name, expected",
    [
        (png(), "a.jpg", "is a PNG image but its name ends in '.jpg'; rename it to end in .png"),
        (png(3000, 200), "a.png", "is 3000 x 200 pixels; make each side between 160 and 2000 pixels"),
        (png(32, 32), "a.png", "is 32 x 32 pixels"),
        (jpeg(2400, 2400), "a.jpg", "is 2400 x 2400 pixels"),
        (b"\xff\xd8\xff\xe0", "a.jpg", "is a damaged JPEG file"),
        (png() + b"\0" * files_safety.MAX_PHOTO_BYTES, "a.png", "KB; make it smaller than 200 KB"),
    ],
)
def test_photo_limits(data, name, expected):
    found = files_safety.photo_problems(data, Path(name).suffix)
    assert len(found) == 1 and expected in found[0]


@pytest.mark.parametrize(
    "svg, expected",
    [
        (SVG_SCRIPT, "contains a <script> element"),
        (SVG_HANDLER, "has an event handler (onload=)"),
        (SVG_EXTERNAL, "refers to another file or address (https://evil.example/track.png)"),
        (SVG_FOREIGN, "contains a <foreignObject> element"),
        (SVG_STYLE, "loads something from its style"),
        (b"<svg><script>", "is not a well-formed SVG drawing"),
    ],
)
def test_an_svg_drawing_elsewhere_may_hold_only_shapes(docs, svg, expected):
    (docs / "diagram.svg").write_bytes(svg)
    found = problems_of(docs)
    assert len(found) == 1 and found[0].startswith("docs/diagram.svg: ") and expected in found[0]


def test_a_plain_svg_drawing_elsewhere_passes(docs):
    (docs / "diagram.svg").write_bytes(SVG_PLAIN)
    assert problems_of(docs) == []


def test_the_build_refuses_a_symlinked_photo_and_publishes_nothing(tmp_path):
    project = tmp_path / "project"
    for folder in ("docs", "hooks", "overrides", "includes", "data"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project)
    (project / "docs" / files_safety.PHOTO_DIR / "linked.webp").symlink_to(WEBP)
    (project / "docs" / "assets" / "env.txt").symlink_to("/proc/self/environ")
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode == 1
    assert "docs/assets/env.txt: is a symbolic link" in result.stderr
    assert "docs/assets/therapists/linked.webp: is a symbolic link" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "assets" / "env.txt").exists()
