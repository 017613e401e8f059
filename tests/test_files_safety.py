"""Nothing outside docs/ is published, and photos are only photos."""

from __future__ import annotations

import io
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

import files_safety
from support import ROOT
from support.builds import build_site

PHOTOS = Path("docs") / files_safety.PHOTO_DIR


def image(fmt: str = "PNG", width: int = 200, height: int = 200, **save) -> bytes:
    """A real image made by Pillow, saved with any of its options (exif=, xmp=, pnginfo=, ...)."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), (128, 128, 128)).save(out, fmt, **save)
    return out.getvalue()


def png(width: int = 200, height: int = 200, **save) -> bytes:
    return image("PNG", width, height, **save)


def jpeg(width: int = 200, height: int = 200, **save) -> bytes:
    return image("JPEG", width, height, **save)


def gps_exif() -> bytes:
    exif = Image.Exif()
    gps = exif.get_ifd(files_safety._GPS_IFD)
    gps[1], gps[2] = "N", (43.0, 39.0, 0.0)
    return exif.tobytes()


def png_text(key: str, value: str, how: str) -> bytes:
    info = PngImagePlugin.PngInfo()
    if how == "iTXt":
        info.add_itxt(key, value, zip=True)
    else:
        info.add_text(key, value, zip=how == "zTXt")
    return png(pnginfo=info)


def jpeg_with_iptc_city() -> bytes:
    """A JPEG whose APP13 (Photoshop) segment carries an IPTC City record (2:90)."""
    record = b"\x1c\x02\x5a" + struct.pack(">H", 7) + b"Toronto"
    block = b"8BIM" + struct.pack(">H", 0x0404) + b"\0\0" + struct.pack(">I", len(record)) + record
    body = b"Photoshop 3.0\0" + block
    data = jpeg()
    return data[:2] + b"\xff\xed" + struct.pack(">H", len(body) + 2) + body + data[2:]


XMP_GPS = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description exif:GPSLatitude="43,39.0N"/></x:xmpmeta>'
XMP_CITY = "<x:xmpmeta><rdf:Description><photoshop:City>Toronto</photoshop:City></rdf:Description></x:xmpmeta>"


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
    return [str(p) for p in files_safety.problems(docs, docs.parent)]


def test_good_photos_pass(docs):
    (docs / files_safety.PHOTO_DIR / "a.png").write_bytes(png())
    (docs / files_safety.PHOTO_DIR / "b.jpg").write_bytes(jpeg(exif=Image.Exif().tobytes(), comment=b"Portrait"))
    (docs / files_safety.PHOTO_DIR / "c.webp").write_bytes(image("WEBP", xmp=b"<x:xmpmeta><dc:creator/></x:xmpmeta>"))
    assert problems_of(docs) == []


def test_the_sample_photos_pass():
    assert files_safety.problems(ROOT / "docs", ROOT) == []
    assert files_safety.collisions(files_safety.docs_outputs(ROOT / "docs")) == []


def test_a_symbolic_link_is_refused_wherever_it_is(docs, tmp_path):
    secret = tmp_path / "secret.env"
    secret.write_text("TOKEN=abc\n")
    (docs / files_safety.PHOTO_DIR / "jane-doe.jpg").symlink_to(secret)
    (docs / "notes").symlink_to(tmp_path, target_is_directory=True)
    assert sorted(problems_of(docs)) == [
        "docs/assets/therapists/jane-doe.jpg:1: is a symbolic link; MkDocs would publish whatever it points to. "
        "Delete the link and put the file itself there",
        "docs/notes:1: is a symbolic link; MkDocs would publish whatever it points to. "
        "Delete the link and put the file itself there",
    ]


def test_a_docs_folder_outside_the_repository_is_refused(tmp_path):
    repo, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    repo.mkdir()
    elsewhere.mkdir()
    (repo / "docs").symlink_to(elsewhere, target_is_directory=True)
    assert "must be a real folder inside the repository" in str(files_safety.problems(repo / "docs", repo)[0])


@pytest.mark.parametrize("svg", [SVG_SCRIPT, SVG_EXTERNAL, SVG_PLAIN], ids=["script", "external", "plain"])
def test_an_svg_photo_is_refused_even_a_plain_one(docs, svg):
    (docs / files_safety.PHOTO_DIR / "jane-doe.svg").write_bytes(svg)
    assert problems_of(docs) == [
        "docs/assets/therapists/jane-doe.svg:1: is an SVG drawing, which can carry scripts; "
        "export it again as a JPEG, PNG or WebP photo (see CONTRIBUTING.md, 'Add a photo')"
    ]


def test_an_svg_renamed_jpg_is_still_an_svg(docs):
    (docs / files_safety.PHOTO_DIR / "jane-doe.jpg").write_bytes(SVG_SCRIPT)
    assert "is an SVG drawing" in problems_of(docs)[0]


def test_a_text_file_renamed_jpg_is_refused(docs):
    (docs / files_safety.PHOTO_DIR / "jane-doe.jpg").write_text("TOKEN=abc\n")
    assert problems_of(docs) == [
        "docs/assets/therapists/jane-doe.jpg:1: is not a JPEG, PNG or WebP image, whatever its name says; "
        "export it again as a JPEG, PNG or WebP photo (see CONTRIBUTING.md, 'Add a photo')"
    ]


LOCATION = (
    "says where it was taken (location data); save it again without location "
    "(see CONTRIBUTING.md, 'Add a photo') and upload that copy"
)


@pytest.mark.parametrize(
    "data, name",
    [
        (jpeg(exif=gps_exif()), "exif.jpg"),
        (png(exif=gps_exif()), "exif.png"),
        (image("WEBP", exif=gps_exif()), "exif.webp"),
        (jpeg(xmp=XMP_GPS), "xmp.jpg"),
        (image("WEBP", xmp=XMP_CITY.encode()), "xmp.webp"),
        (png_text("XML:com.adobe.xmp", XMP_CITY, "iTXt"), "itxt-compressed.png"),
        (png_text("XML:com.adobe.xmp", XMP_GPS.decode(), "zTXt"), "ztxt.png"),
        (png_text("Comment", "<rdf:Description Iptc4xmpCore:Location='Studio'/>", "tEXt"), "text.png"),
        (jpeg(comment=b"exif:GPSLongitude=79,23W"), "comment.jpg"),
        (jpeg_with_iptc_city(), "iptc.jpg"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_a_photo_that_says_where_it_was_taken_is_refused(docs, data, name):
    (docs / files_safety.PHOTO_DIR / name).write_bytes(data)
    assert problems_of(docs) == [f"docs/assets/therapists/{name}:1: {LOCATION}"]


@pytest.mark.parametrize(
    "data, name, expected",
    [
        (png(), "a.jpg", "is a PNG image but its name ends in '.jpg'; rename it to end in .png"),
        (image("WEBP"), "a.png", "is a WEBP image but its name ends in '.png'; rename it to end in .webp"),
        (png()[:300], "a.png", "is a damaged or cut-short image ("),
        (jpeg()[:400], "a.jpg", "is a damaged or cut-short image ("),
        (png()[:40] + b"\0" * 40, "a.png", "is not a JPEG, PNG or WebP image"),
        (image("GIF"), "a.png", "is not a JPEG, PNG or WebP image"),
        (png(3000, 200), "a.png", "is 3000 x 200 pixels; make each side between 160 and 2000 pixels"),
        (png(32, 32), "a.png", "is 32 x 32 pixels"),
        (jpeg(2400, 2400), "a.jpg", "is 2400 x 2400 pixels"),
        (b"\xff\xd8\xff\xe0", "a.jpg", "is not a JPEG, PNG or WebP image"),
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
def test_an_svg_drawing_in_assets_may_hold_only_shapes(docs, svg, expected):
    (docs / "assets" / "diagram.svg").write_bytes(svg)
    found = problems_of(docs)
    assert len(found) == 1 and found[0].startswith("docs/assets/diagram.svg:1: ") and expected in found[0]


def test_a_plain_svg_drawing_in_assets_passes(docs):
    (docs / "assets" / "diagram.svg").write_bytes(SVG_PLAIN)
    assert problems_of(docs) == []


def test_the_build_refuses_a_symlinked_photo_and_publishes_nothing(tmp_path):
    project = tmp_path / "project"
    for folder in ("docs", "hooks", "overrides", "includes", "data"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project)
    photo = project / "docs" / files_safety.PHOTO_DIR / "olena-kovalenko.webp"
    photo.unlink()
    photo.symlink_to(ROOT / "docs" / files_safety.PHOTO_DIR / "olena-kovalenko.webp")
    (project / "docs" / "assets" / "env.txt").symlink_to("/proc/self/environ")
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode == 1
    assert "docs/assets/env.txt:1: is a symbolic link" in result.stderr
    assert "docs/assets/therapists/olena-kovalenko.webp:1: is a symbolic link" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "assets" / "env.txt").exists()


def test_a_huge_image_is_refused_without_decoding_it():
    # A few hundred bytes that claim 100,000 x 100,000 pixels: Pillow refuses to open it at all.
    header = png()
    ihdr = b"IHDR" + struct.pack(">II", 100_000, 100_000) + header[24:29]
    huge = header[:12] + ihdr + struct.pack(">I", zlib.crc32(ihdr)) + header[33:]
    found = files_safety.photo_problems(huge, ".png")
    assert len(found) == 1 and "too many pixels" in found[0]


def test_a_wide_image_is_measured_before_it_is_decoded():
    found = files_safety.photo_problems(png(4000, 200), ".png")
    assert found == ["is 4000 x 200 pixels; make each side between 160 and 2000 pixels (400 x 400 is plenty)"]


# ---- what docs/ may publish -------------------------------------------------------------

DOCUMENT = "a browser would open it as a page and run any script in it"
UNCHECKED = "MkDocs would publish it as it is, unchecked"


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("evil.html", b"<script>alert(1)</script>", DOCUMENT),
        ("about/evil.htm", b"<script>alert(1)</script>", DOCUMENT),
        ("evil.xhtml", b"<html/>", DOCUMENT),
        ("feed.xml", b"<rss/>", DOCUMENT),
        ("drawing.svg", SVG_PLAIN, DOCUMENT),
        ("assets/page.html", b"<p>hi</p>", DOCUMENT),
        ("notes.txt", b"alert(1)", UNCHECKED),
        ("about/app.js", b"alert(1)", UNCHECKED),
        ("therapists.json", b"{}", UNCHECKED),
        ("CNAME", b"evil.example", UNCHECKED),
        ("about/photo.png", png(), UNCHECKED),
        ("assets/data.json", b"{}", UNCHECKED),
        ("assets/archive.zip", b"PK", UNCHECKED),
        ("page.markdown", b"# Hi", "rename it to end in .md"),
        ("page.MD", b"# Hi", "rename it to end in .md"),
        ("fr/faq.md", b"# FAQ", "/fr/ is where the site publishes its pages in that language"),
        ("assets/therapists/bio.md", b"# Hi", "is not a JPEG, PNG or WebP image"),
        ("assets/therapists/old/jane.jpg", jpeg(), "only photos, directly in docs/assets/therapists/"),
        ("assets/logo.png", b"<svg onload=alert(1)>", "is not a readable PNG image"),
        ("assets/logo.gif", png(), "is not a readable GIF image"),
        ("assets/site.css", b"\0\1\2", "is not UTF-8 text"),
        ("assets/font.woff2", b"<script>", "is not a .woff2 font"),
        ("assets/map.png", png(exif=gps_exif()), "says where it was taken"),
        ("assets/drawing.svg", SVG_SCRIPT, "contains a <script> element"),
    ],
)
def test_docs_publishes_only_pages_site_files_and_photos(docs, name, data, expected):
    (docs / name).parent.mkdir(parents=True, exist_ok=True)
    (docs / name).write_bytes(data)
    found = problems_of(docs)
    assert len(found) == 1 and found[0].startswith(f"docs/{name}:1: ") and expected in found[0], found


def test_pages_site_files_and_hidden_files_pass(docs):
    files = {
        "index.md": b"# Home",
        "about/index.fr.md": b"# Accueil",
        "assets/site.css": b"body { color: teal; }",
        "assets/javascripts/app.js": "// d\u00e9j\u00e0 vu".encode(),
        "assets/images/logo.png": png(),
        "assets/images/logo.jpeg": jpeg(),
        "assets/images/anim.gif": image("GIF"),
        "assets/images/favicon.ico": image("ICO", 32, 32),
        "assets/fonts/a.woff2": b"wOF2" + b"\0" * 40,
        "assets/therapists/.gitkeep": b"",
        ".DS_Store": b"\0\1",
    }
    for name, data in files.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_bytes(data)
    assert problems_of(docs) == []


@pytest.mark.parametrize(
    "first, second, dest",
    [
        ("a.md", "a/index.md", "/a/"),
        ("a/README.md", "a/index.md", "/a/"),
        ("index.md", "README.md", "/"),
        ("a.md", "fr/a/index.md", "/fr/a/"),
        ("a.fr.md", "fr/a.md", "/fr/a/"),
    ],
)
def test_two_docs_files_at_one_address_are_refused_naming_both(docs, first, second, dest):
    for name in (first, second):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("# Page\n", encoding="utf-8")
    found = [str(p) for p in files_safety.collisions(files_safety.docs_outputs(docs))]
    assert len(found) == 1, found
    assert f"is published at {dest}, where docs/" in found[0]
    assert {f"docs/{first}", f"docs/{second}"} == {found[0].split(":1:")[0], found[0].split("where ")[1].split(" ")[0]}


def test_a_page_and_a_page_the_site_makes_at_one_address_are_refused_in_every_language(docs):
    (docs / "therapists").mkdir()
    (docs / "therapists" / "jane-doe.fr.md").write_text("# Jeanne\n", encoding="utf-8")
    made = [(files_safety.page_dest("therapists/jane-doe.md", lang), "the site's page") for lang in ("en", "fr")]
    found = [str(p) for p in files_safety.collisions(files_safety.docs_outputs(docs) + made)]
    assert found == [
        "docs/therapists/jane-doe.fr.md:1: is published at /fr/therapists/jane-doe/, where the site's page is "
        "published too; one would silently replace the other: rename or move this file"
    ]


def png_chunk(data: bytes, kind: bytes, body: bytes, after_image: bool = False) -> bytes:
    """`data` (a PNG) with one more chunk, before the image data or after it (just before IEND)."""
    chunk = struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    at = len(data) - 12 if after_image else 33
    return data[:at] + chunk + data[at:]


def raw_profile(kind: str, payload: bytes) -> bytes:
    text = f"\n{kind}\n{len(payload)}\n{payload.hex()}\n".encode()
    return f"Raw profile type {kind}".encode() + b"\0\0" + zlib.compress(text)


@pytest.mark.parametrize(
    "data",
    [
        png_chunk(png(), b"zTXt", b"Comment\0\0" + zlib.compress(b"<photoshop:City>Toronto</photoshop:City>"), True),
        png_chunk(png(), b"zTXt", raw_profile("exif", gps_exif())),
        png_chunk(png(), b"zTXt", raw_profile("iptc", b"\x1c\x02\x5a\x00\x07Toronto")),
    ],
    ids=["compressed-text-after-the-image", "raw-exif-profile", "raw-iptc-profile"],
)
def test_location_hidden_in_png_text_chunks_is_found(data):
    assert files_safety.photo_problems(data, ".png") == [LOCATION]


def test_a_photo_without_location_but_with_other_metadata_passes():
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta><dc:creator>Jane</dc:creator></x:xmpmeta>", zip=True)
    info.add_text("Software", "GIMP", zip=True)
    assert files_safety.photo_problems(png(pnginfo=info), ".png") == []
