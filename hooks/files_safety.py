"""What may be published from docs/: no links out of the repository, photos that are only photos.

Plain functions with no MkDocs imports; hooks/check.py runs `problems()` before
every build (and on its own), and the tests call the same functions on fixture files.

MkDocs copies every file under docs/ into the site, following symbolic links, so
a link to a file elsewhere on the build machine would publish that file. Photos
are checked by their bytes, not their names: an SVG can carry scripts that run on
the site's address when opened, and a file renamed .jpg can be anything. Photos
must not say where they were taken (EXIF or XMP GPS data).
"""

from __future__ import annotations

import os
import re
import struct
from pathlib import Path
from types import MappingProxyType
from xml.etree import ElementTree

from schemas import MAX_PHOTO_BYTES

PHOTO_DIR = "assets/therapists"
MIN_PHOTO_SIDE = 160  # a profile shows the photo 160 pixels wide; smaller looks blurred
MAX_PHOTO_SIDE = 2000  # anything larger only costs visitors' data
HOW_TO_EXPORT = "export it again as a JPEG, PNG or WebP photo (see CONTRIBUTING.md, 'Add a photo')"


def problems(docs_dir: str | os.PathLike, root: str | os.PathLike) -> list[str]:
    """Every reason not to publish docs/ as it is, one plain sentence each, naming the file."""
    docs_dir, root = Path(docs_dir), Path(root).resolve()
    if docs_dir.is_symlink() or not docs_dir.resolve().is_relative_to(root):
        return [f"{docs_dir}: the docs folder must be a real folder inside the repository ({root})"]
    found: list[str] = []
    # os.walk does not enter linked folders; each link is reported instead.
    for folder, dirs, files in os.walk(docs_dir):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            shown = _shown(path, docs_dir)
            if path.is_symlink():
                found.append(
                    f"{shown}: is a symbolic link; MkDocs would publish whatever it points to. "
                    "Delete the link and put the file itself there"
                )
            elif not path.resolve().is_relative_to(root):
                found.append(
                    f"{shown}: is outside the repository ({path.resolve()}); only files in docs/ are published"
                )
            elif path.is_file() and path.parent == docs_dir / PHOTO_DIR:
                found += [f"{shown}: {p}" for p in photo_problems(path.read_bytes(), path.suffix)]
            elif path.is_file() and path.suffix.lower() == ".svg":
                found += [f"{shown}: {p}" for p in svg_problems(path.read_bytes())]
    return found


def _shown(path: Path, docs_dir: Path) -> str:
    return (Path(docs_dir.name) / path.relative_to(docs_dir)).as_posix()


# ---------------------------------------------------------------------------
# Photos
# ---------------------------------------------------------------------------

_EXTENSIONS = MappingProxyType({"jpeg": (".jpg", ".jpeg"), "png": (".png",), "webp": (".webp",)})


def photo_problems(data: bytes, suffix: str) -> list[str]:
    """Why these bytes, named with `suffix`, are not an acceptable therapist photo (empty if they are)."""
    kind = image_kind(data)
    if kind is None:
        if _looks_like_svg(data):
            return [f"is an SVG drawing, which can carry scripts; {HOW_TO_EXPORT}"]
        return [f"is not a JPEG, PNG or WebP image, whatever its name says; {HOW_TO_EXPORT}"]
    found = []
    if suffix.lower() not in _EXTENSIONS[kind]:
        found.append(
            f"is a {kind.upper()} image but its name ends in '{suffix}'; rename it to end in {_EXTENSIONS[kind][0]}"
        )
    size = dimensions(data, kind)
    if size is None:
        found.append(f"is a damaged {kind.upper()} file; {HOW_TO_EXPORT}")
    elif min(size) < MIN_PHOTO_SIDE or max(size) > MAX_PHOTO_SIDE:
        found.append(
            f"is {size[0]} x {size[1]} pixels; make each side between {MIN_PHOTO_SIDE} and {MAX_PHOTO_SIDE} pixels "
            "(400 x 400 is plenty)"
        )
    if len(data) > MAX_PHOTO_BYTES:
        found.append(f"is {-(-len(data) // 1024)} KB; make it smaller than {MAX_PHOTO_BYTES // 1024} KB")
    if has_location(data, kind):
        found.append(
            "says where it was taken (GPS location data); save it again without location "
            "(see CONTRIBUTING.md, 'Add a photo') and upload that copy"
        )
    return found


def image_kind(data: bytes) -> str | None:
    """'jpeg', 'png' or 'webp' from the file's first bytes, or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def dimensions(data: bytes, kind: str) -> tuple[int, int] | None:
    """(width, height) read from the image's header, or None if the header is damaged."""
    try:
        if kind == "png":
            return struct.unpack(">II", data[16:24]) if data[12:16] == b"IHDR" else None
        if kind == "jpeg":
            for marker, segment in _jpeg_segments(data):
                if marker in _JPEG_FRAMES:
                    height, width = struct.unpack(">HH", segment[1:5])
                    return width, height
            return None
        for chunk, body in _riff_chunks(data):
            if chunk == b"VP8X":
                return 1 + int.from_bytes(body[4:7], "little"), 1 + int.from_bytes(body[7:10], "little")
            if chunk == b"VP8 " and body[3:6] == b"\x9d\x01\x2a":
                width, height = struct.unpack("<HH", body[6:10])
                return width & 0x3FFF, height & 0x3FFF
            if chunk == b"VP8L" and body[:1] == b"\x2f":
                bits = int.from_bytes(body[1:5], "little")
                return 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
        return None
    except struct.error:
        return None


def has_location(data: bytes, kind: str) -> bool:
    """True if the photo's EXIF has a GPS section, or its XMP names a GPS field."""
    if re.search(rb"exif:GPS(Latitude|Longitude)", data):
        return True
    return any(_tiff_has_gps(exif) for exif in _exif_blocks(data, kind))


# JPEG start-of-frame markers, which carry the size (not DHT C4, JPG C8 or DAC CC).
_JPEG_FRAMES = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})


def _jpeg_segments(data: bytes):
    """(marker, body) of each JPEG segment up to the image data."""
    at = 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            return
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        yield marker, data[at + 4 : at + 2 + length]
        at += 2 + length


def _riff_chunks(data: bytes):
    at = 12
    while at + 8 <= len(data):
        chunk, length = data[at : at + 4], struct.unpack("<I", data[at + 4 : at + 8])[0]
        yield chunk, data[at + 8 : at + 8 + length]
        at += 8 + length + (length & 1)


def _png_chunks(data: bytes):
    at = 8
    while at + 8 <= len(data):
        length, chunk = struct.unpack(">I4s", data[at : at + 8])
        yield chunk, data[at + 8 : at + 8 + length]
        at += 12 + length


def _exif_blocks(data: bytes, kind: str) -> list[bytes]:
    """The TIFF-format EXIF blocks of a photo."""
    if kind == "jpeg":
        return [body[6:] for marker, body in _jpeg_segments(data) if marker == 0xE1 and body.startswith(b"Exif\0\0")]
    chunks = _png_chunks(data) if kind == "png" else _riff_chunks(data)
    blocks = [body for chunk, body in chunks if chunk in (b"eXIf", b"EXIF")]
    return [b[6:] if b.startswith(b"Exif\0\0") else b for b in blocks]


def _tiff_has_gps(tiff: bytes) -> bool:
    """True if the first IFD of an EXIF block points to a GPS IFD (tag 0x8825)."""
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None or len(tiff) < 8:
        return False
    try:
        (offset,) = struct.unpack(order + "I", tiff[4:8])
        (count,) = struct.unpack(order + "H", tiff[offset : offset + 2])
        for i in range(count):
            entry = offset + 2 + 12 * i
            if struct.unpack(order + "H", tiff[entry : entry + 2])[0] == 0x8825:
                return True
    except struct.error:
        return True  # a damaged EXIF block cannot be shown to be free of location data
    return False


# ---------------------------------------------------------------------------
# SVG drawings outside the photo folder (for example diagrams in articles)
# ---------------------------------------------------------------------------


def _looks_like_svg(data: bytes) -> bool:
    return b"<svg" in data[:4096].lower()


def svg_problems(data: bytes) -> list[str]:
    """Why an SVG could run code or fetch something when opened: scripts, handlers, foreignObject, outside links."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        return [f"is not a well-formed SVG drawing ({exc}); export it again"]
    found = set()
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in ("script", "foreignObject", "iframe", "embed", "object"):
            found.add(f"contains a <{tag}> element")
        for name, value in element.attrib.items():
            name = name.rsplit("}", 1)[-1]
            if name.lower().startswith("on"):
                found.add(f"has an event handler ({name}=)")
            elif name == "href" and not value.startswith("#"):
                found.add(f"refers to another file or address ({value[:60]})")
        styles = (element.text or "") if tag == "style" else element.attrib.get("style", "")
        if re.search(r"@import|url\(\s*['\"]?(?!#)", styles):
            found.add("loads something from its style")
    if not found:
        return []
    return [
        f"{problem}; only plain shapes are allowed, so draw it again or export it as PNG" for problem in sorted(found)
    ]
