"""What may be published from docs/: pages, the maintainers' site files, photos that are only photos,
and never two files at one address.

Plain functions with no MkDocs imports; hooks/check.py runs `problems()` and
`collisions()` before every build (and on its own), and the tests call the same
functions on fixture files. Every problem names its file, at line 1.

MkDocs copies every file under docs/ into the site as it is, following symbolic
links. `.github/CODEOWNERS` gives docs/ to clinical reviewers, who judge content,
not code, so docs/ may publish only:

- Markdown pages (`.md`), anywhere but the photo folder. Other Markdown endings
  (`.markdown`, `.MD`, ...) would become pages that the article checks never read.
- Site files in docs/assets/, by their real type: styles and scripts (`.css`, `.js`,
  which CODEOWNERS gives to the web maintainers wherever they are), images
  (read by Pillow, which must find the type the name says), SVG drawings with
  only shapes, and fonts (by their signature).
- Photos in docs/assets/therapists/: JPEG, PNG or WebP only, read by Pillow:
  size, weight and no location in any metadata.

Anything else is refused: an .html, .htm, .xhtml, .xml or .svg page outside
assets/ runs its scripts on the site's address outside the site's policy; a .js
or .txt file elsewhere can be loaded as a script by a page; .json can stand in
for the site's own data; a CNAME or other host file changes how the site is
served. Names starting with "." are skipped: MkDocs does not publish them.
"""

from __future__ import annotations

import io
import os
import re
import warnings
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from xml.etree import ElementTree

from PIL import Image

import strings
from schemas import MAX_PHOTO_BYTES
from yamlfile import Problem, show_line

PHOTO_DIR = "assets/therapists"
ASSETS = "assets"
MIN_PHOTO_SIDE = 160  # a profile shows the photo 160 pixels wide; smaller looks blurred
MAX_PHOTO_SIDE = 2000  # anything larger only costs visitors' data
HOW_TO_EXPORT = "export it again as a JPEG, PNG or WebP photo (see CONTRIBUTING.md, 'Add a photo')"

# Endings MkDocs turns into pages (mkdocs.utils.markdown_extensions); only ".md" is checked as an article.
_MARKDOWN = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd"})
# What docs/assets/ may hold, by ending: the Pillow format an image must be, or the kind of check.
_IMAGES = MappingProxyType(
    {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP", ".ico": "ICO"}
)
_FONTS = MappingProxyType({".woff": b"wOFF", ".woff2": b"wOF2"})
_TEXT = frozenset({".css", ".js"})
ASSET_TYPES = tuple(sorted({*_IMAGES, *_FONTS, *_TEXT, ".svg"}))
_PHOTOS = MappingProxyType({"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)})
# Files a browser opens as a document that can run scripts.
_DOCUMENTS = frozenset({".html", ".htm", ".xhtml", ".xht", ".shtml", ".xml", ".svg", ".mht", ".mhtml"})


def problems(docs_dir: str | os.PathLike, root: str | os.PathLike) -> list[Problem]:
    """Every reason not to publish docs/ as it is, one plain sentence each, naming the file."""
    docs_dir, root = Path(docs_dir), Path(root).resolve()
    if docs_dir.is_symlink() or not docs_dir.resolve().is_relative_to(root):
        return [
            Problem(
                show_line(str(docs_dir)), 1, f"the docs folder must be a real folder inside the repository ({root})"
            )
        ]
    found: list[Problem] = []
    # os.walk does not enter linked folders; each link is reported instead.
    for folder, dirs, files in os.walk(docs_dir):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            shown = _shown(path, docs_dir)
            if path.is_symlink():
                found.append(
                    Problem(
                        shown,
                        1,
                        "is a symbolic link; MkDocs would publish whatever it points to. "
                        "Delete the link and put the file itself there",
                    )
                )
            elif not path.resolve().is_relative_to(root):
                found.append(
                    Problem(
                        shown, 1, f"is outside the repository ({path.resolve()}); only files in docs/ are published"
                    )
                )
            elif path.is_file():
                relative = path.relative_to(docs_dir).as_posix()
                found += [Problem(shown, 1, p) for p in publish_problems(relative, path.read_bytes)]
    return found


def _shown(path: Path, docs_dir: Path) -> str:
    return show_line((Path(docs_dir.name) / path.relative_to(docs_dir)).as_posix())


def publish_problems(relative: str, read) -> list[str]:
    """Why the file at `relative` (inside docs/, e.g. "assets/site.css") may not be published; `read()` gives
    its bytes, read only when its type needs them checked."""
    parts = relative.split("/")
    if any(part.startswith(".") for part in parts):
        return []
    suffix = PurePosixPath(relative).suffix
    ending = suffix.lower()
    if relative.startswith(PHOTO_DIR + "/"):
        if len(parts) != len(PHOTO_DIR.split("/")) + 1:
            return [
                f"only photos, directly in docs/{PHOTO_DIR}/, may be here; move the file out of the folder inside it"
            ]
        return photo_problems(read(), suffix)
    if len(parts) > 1 and parts[0] in strings.LANGUAGES and parts[0] != strings.DEFAULT:
        return [
            f"/{parts[0]}/ is where the site publishes its pages in that language, so this folder would put "
            f"pages there beside them; name a translation after its English page instead (faq.md -> faq.{parts[0]}.md)"
        ]
    if suffix == ".md":
        return []
    if ending in _MARKDOWN:
        return ["MkDocs would publish this as a page that the article checks never read; rename it to end in .md"]
    if parts[0] == ASSETS and len(parts) > 1 and ending in ASSET_TYPES:
        return asset_problems(read(), ending)
    why = (
        "a browser would open it as a page and run any script in it, outside the site's policy"
        if ending in _DOCUMENTS
        else "MkDocs would publish it as it is, unchecked"
    )
    allowed = ", ".join(ASSET_TYPES)
    where = "docs/assets/ holds only site files" if parts[0] == ASSETS else "docs/ publishes Markdown pages (.md)"
    return [
        f"{why}; {where}: styles, scripts, images and fonts ({allowed}) go in docs/assets/, "
        "where a web maintainer reviews them; remove this file or convert it"
    ]


def asset_problems(data: bytes, ending: str) -> list[str]:
    """Why a site file in docs/assets/ is not what its name says."""
    if ending == ".svg":
        return svg_problems(data)
    if ending in _TEXT:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = "\0"
        return [f"is not UTF-8 text, so not a {ending} file; save it again as text"] if "\0" in text else []
    if ending in _FONTS:
        return [] if data.startswith(_FONTS[ending]) else [f"is not a {ending} font, whatever its name says"]
    image, problem = _open(data, (_IMAGES[ending],))
    if image is None:
        why = f" ({problem})" if problem else ""
        return [f"is not a readable {_IMAGES[ending]} image{why}, whatever its name says; export it again"]
    return [_LOCATION_MESSAGE] if has_location(image, data) else []


# ---------------------------------------------------------------------------
# Photos
# ---------------------------------------------------------------------------

# What Pillow's readers raise on damaged data.
_READ_ERRORS = (OSError, ValueError, SyntaxError, EOFError, IndexError, KeyError, TypeError, ZeroDivisionError)
_LOCATION_MESSAGE = (
    "says where it was taken (location data); save it again without location "
    "(see CONTRIBUTING.md, 'Add a photo') and upload that copy"
)


def photo_problems(data: bytes, suffix: str) -> list[str]:
    """Why these bytes, named with `suffix`, are not an acceptable therapist photo (empty if they are)."""
    if _looks_like_svg(data):
        return [f"is an SVG drawing, which can carry scripts; {HOW_TO_EXPORT}"]
    image, problem = _open(data, tuple(_PHOTOS), size_first=True)
    if image is None and problem is None:
        return [f"is not a JPEG, PNG or WebP image, whatever its name says; {HOW_TO_EXPORT}"]
    if image is None:
        return [f"is a damaged or cut-short image ({problem}); {HOW_TO_EXPORT}"]
    found = []
    kind = image.format
    if suffix.lower() not in _PHOTOS[kind]:
        found.append(f"is a {kind} image but its name ends in '{suffix}'; rename it to end in {_PHOTOS[kind][0]}")
    width, height = image.size
    if min(image.size) < MIN_PHOTO_SIDE or max(image.size) > MAX_PHOTO_SIDE:
        found.append(
            f"is {width} x {height} pixels; make each side between {MIN_PHOTO_SIDE} and {MAX_PHOTO_SIDE} pixels "
            "(400 x 400 is plenty)"
        )
    if len(data) > MAX_PHOTO_BYTES:
        found.append(f"is {-(-len(data) // 1024)} KB; make it smaller than {MAX_PHOTO_BYTES // 1024} KB")
    if has_location(image, data):
        found.append(_LOCATION_MESSAGE)
    return found


def _open(data: bytes, formats: tuple[str, ...], size_first: bool = False):
    """(image, None) once Pillow has read the whole image; (None, why) if it is damaged; (None, None) if it
    is none of `formats`. A photo's size is checked before its pixels are decoded (`size_first`), so no
    file can make the check decode a huge image."""
    try:
        with warnings.catch_warnings():
            # Pillow warns, then raises, on images large enough to exhaust memory: both are a problem here.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=formats)
            if size_first and max(image.size) > MAX_PHOTO_SIDE:
                return image, None
            image.load()
    except Image.UnidentifiedImageError:
        return None, None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None, "too many pixels"
    except _READ_ERRORS as exc:
        # Pillow's readers raise any of these on damaged data; the reason is shown, never a traceback.
        return None, show_line(str(exc) or type(exc).__name__)[:100]
    return image, None


# Location fields in XMP (any namespace prefix: exif:GPSLatitude, photoshop:City, Iptc4xmpCore:Location,
# Iptc4xmpExt:LocationShown, ...), as attributes or elements, wherever the XMP sits.
_LOCATION_RE = re.compile(
    rb"[A-Za-z][\w.-]*:(?:GPS[A-Za-z]*|City|State|Country|CountryCode|CountryName|ProvinceState|"
    rb"Sublocation|Location[A-Za-z]*|WorldRegion|Latitude|Longitude)\b"
)
# IPTC-IIM datasets that say where (record 2: sub-location 26 and 92, city 90, province 95, country 100 and 101).
_IPTC_LOCATION_RE = re.compile(rb"\x1c\x02[\x1a\x5a\x5c\x5f\x64\x65]")
_GPS_IFD = 0x8825
_IPTC_TAG = 0x83BB  # EXIF's copy of the IPTC records


def has_location(image: Image.Image, data: bytes) -> bool:
    """True if any metadata Pillow reads (EXIF in any container, XMP and PNG text chunks compressed or not,
    IPTC in a JPEG's Photoshop segment, a PNG raw profile or EXIF, comments) or any uncompressed bytes of
    the file name a place."""
    if _LOCATION_RE.search(data):
        return True
    try:
        exif = image.getexif()
        if _GPS_IFD in exif:
            return True
        iptc = [exif[_IPTC_TAG]] if _IPTC_TAG in exif else []
        iptc = [block.encode("latin-1") if isinstance(block, str) else bytes(block) for block in iptc]
        texts = [value for value in image.info.values() if isinstance(value, (str, bytes))]
        segments = getattr(image, "applist", [])
        texts += [body for _, body in segments]
        iptc += [body for marker, body in segments if marker == "APP13"]
        # ImageMagick and exiftool write metadata into PNG text chunks as hex ("Raw profile type iptc").
        iptc += [
            bytes.fromhex("".join(value.split("\n")[3:]))
            for key, value in image.info.items()
            if isinstance(value, str) and key.lower().startswith("raw profile type") and not key.endswith("exif")
        ]
    except _READ_ERRORS:
        return True  # metadata that cannot be read cannot be shown to be free of location data
    if any(_LOCATION_RE.search(t.encode("utf-8", "replace") if isinstance(t, str) else t) for t in texts):
        return True
    return any(_IPTC_LOCATION_RE.search(block) for block in iptc)


# ---------------------------------------------------------------------------
# SVG drawings in docs/assets/ (for example diagrams in articles)
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
                found.add(f"refers to another file or address ({show_line(value[:60])})")
        styles = (element.text or "") if tag == "style" else element.attrib.get("style", "")
        if re.search(r"@import|url\(\s*['\"]?(?!#)", styles):
            found.add("loads something from its style")
    if not found:
        return []
    return [
        f"{problem}; only plain shapes are allowed, so draw it again or export it as PNG" for problem in sorted(found)
    ]


# ---------------------------------------------------------------------------
# One file per output path, in every language
# ---------------------------------------------------------------------------


def page_dest(source: str, language: str = strings.DEFAULT) -> str:
    """Where MkDocs (with directory URLs) and the i18n plugin write the page named `source` in the default
    language: faq.md -> [fr/]faq/index.html; about/index.md and about/README.md -> [fr/]about/index.html."""
    prefix = "" if language == strings.DEFAULT else f"{language}/"
    folder, _, name = source.rpartition("/")
    stem = name[: -len(PurePosixPath(name).suffix)]
    if stem in ("index", "README"):
        return f"{prefix}{folder + '/' if folder else ''}index.html"
    return f"{prefix}{folder + '/' if folder else ''}{stem}/index.html"


def _language_of(relative: str) -> tuple[str, str]:
    """(language, the default language's name): faq.fr.md -> ("fr", "faq.md"); faq.md -> ("en", "faq.md")."""
    path = PurePosixPath(relative)
    parts = path.name.split(".")
    if len(parts) > 2 and parts[-2] in strings.LANGUAGES:
        return parts[-2], (path.parent / ".".join(parts[:-2] + parts[-1:])).as_posix().removeprefix("./")
    return strings.DEFAULT, relative


def theme_file(relative: str, theme_dirs) -> str | None:
    """What a file of the theme at `relative` would be called: MkDocs quietly drops a theme file
    (Material's favicon, its scripts) when docs/ has a file of the same name."""
    for folder in theme_dirs:
        if (Path(folder) / relative).is_file():
            return f"the theme's own {relative}"
    return None


def docs_outputs(docs_dir: str | os.PathLike, display_dir: str = "docs", theme_dirs=()) -> list[tuple[str, str]]:
    """(output path, docs file) for every file MkDocs and the i18n plugin publish from docs/, in every language,
    and for each theme file (in `theme_dirs`) that a docs file would replace.

    An English page without a translation is also published in each other language's folder
    (fallback_to_default), so it takes that address too.
    """
    docs_dir = Path(docs_dir)
    relatives = sorted(
        p.relative_to(docs_dir).as_posix()
        for p in docs_dir.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(docs_dir).parts)
    )
    names = {_language_of(r) for r in relatives}
    outputs = []
    for relative in relatives:
        language, source = _language_of(relative)
        shown = show_line(f"{display_dir}/{relative}")
        if PurePosixPath(source).suffix.lower() not in _MARKDOWN:
            prefix = "" if language == strings.DEFAULT else f"{language}/"
            outputs.append((prefix + source, shown))
            theme = theme_file(relative, theme_dirs)
            if theme:
                outputs.append((relative, theme))
            continue
        outputs.append((page_dest(source, language), shown))
        if language == strings.DEFAULT:
            outputs += [
                (page_dest(source, other), shown)
                for other in strings.LANGUAGES
                if other != language and (other, source) not in names
            ]
    return outputs


def collisions(outputs: list[tuple[str, str]], taken: dict[str, str] | None = None) -> list[Problem]:
    """Two inputs with one output path: MkDocs would keep one and drop the other without a word.

    `outputs` are (output path, what writes it): a docs file ("docs/faq.md") or a page or file the
    site makes. `taken` carries the paths already claimed (the build's languages share one). Each
    problem is reported at the docs file, naming the other.
    """
    taken = {} if taken is None else taken
    found, pairs = [], set()
    for dest, label in outputs:
        other = taken.setdefault(dest, label)
        # One problem per pair of files, though they meet again in the other language's folder.
        if other == label or frozenset((label, other)) in pairs:
            continue
        pairs.add(frozenset((label, other)))
        mine, theirs = (label, other) if label.startswith("docs/") or not other.startswith("docs/") else (other, label)
        found.append(
            Problem(
                mine,
                1,
                f"is published at /{dest.removesuffix('index.html')}, where {theirs} is published too; "
                "one would silently replace the other: rename or move this file",
            )
        )
    return found
