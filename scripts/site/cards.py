"""Share cards: the 1200x630 PNG a platform shows when someone shares a page.

A claim's card leads with the verdict in words and its icon, so a shared link never repeats the
propaganda without it. Drawn at build time with Pillow from the claim data, in DejaVu Sans from
Debian's fonts-dejavu-core package (nothing is downloaded), saved as a palette PNG with no
metadata, so the same data always gives the same bytes. Material's social plugin fetches fonts over
the network, which this machine cannot do, so it is not used.

Drawing costs about 10 ms a card, so cards are kept in build/cards/ under a hash of everything
that goes into the bytes: the card's text and colour, the font files, this module's source and the
versions of Pillow and of the FreeType and zlib it uses. A build draws only the cards whose hash
it has not seen; the rest are read back, byte for byte what drawing would give.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..content.claims import Claim
from ..content.registry import Registry
from .i18n import gettext as _
from .i18n import ngettext

WIDTH, HEIGHT = 1200, 630
LIMIT_BYTES = 100 * 1024
FONT_DIR = Path(os.environ.get("CBC_FONT_DIR", "/usr/share/fonts/truetype/dejavu"))
FONTS = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
# Verdict colours for a white card: the site's light-scheme colours (cbc.css), all AA on white.
COLOURS = {"accurate": "#1b5e20", "missing-context": "#7a4f00", "misleading": "#a33a00", "unsupported": "#5b3a8c",
           "false": "#b00020", "could-not-verify": "#455a64", "opinion": "#37474f"}
INK, MUTED, SITE = "#1a1a1a", "#555555", "#303f9f"


class CardError(RuntimeError):
    """A card cannot be drawn; the message says how to fix it."""


@dataclass(frozen=True)
class Card:
    name: str  # file name under cards/
    kicker: str  # the verdict line, or the site's tagline
    colour: str
    lines_label: str  # small label above the text
    text: str
    footer: str


def _font_path(kind: str) -> Path:
    path = FONT_DIR / FONTS[kind]
    if not path.is_file():
        raise CardError(f"share cards need {path}: install Debian's fonts-dejavu-core package "
                        "(`make system`, or `apt-get install fonts-dejavu-core`), or set CBC_FONT_DIR")
    return path


@lru_cache(maxsize=16)
def _font(kind: str, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(_font_path(kind)), size)


def _wrap(draw, text: str, font, width: int, max_lines: int) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width:
            line = trial
            continue
        lines.append(line)
        line = word
        if len(lines) == max_lines:
            break
    if len(lines) < max_lines and line:
        lines.append(line)
    if len(lines) == max_lines and " ".join(lines) != " ".join(words):
        while draw.textlength(lines[-1] + "…", font=font) > width:
            lines[-1] = lines[-1].rsplit(" ", 1)[0]
        lines[-1] += "…"
    return lines


LEVELS = 16  # shades from white to each colour: enough for anti-aliased text, and a 64-colour palette


@lru_cache(maxsize=16)
def _palette(colours: tuple[str, ...]):
    """A fixed palette: white blended towards each of the card's colours in LEVELS steps. Mapping to
    it is several times faster than computing a palette for every card, and text on white needs no
    other colours."""
    from PIL import Image, ImageColor

    values = []
    for colour in colours:
        rgb = ImageColor.getrgb(colour)
        for step in range(LEVELS):
            values += [round(255 + (c - 255) * step / (LEVELS - 1)) for c in rgb]
    palette = Image.new("P", (1, 1))
    palette.putpalette(values)
    return palette


@lru_cache(maxsize=16)
def _background(kicker: str, colour: str, lines_label: str):
    """What cards with the same verdict share (the bar, the site name, the verdict, the label), drawn
    once; each card draws only its own text on a copy."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    d = ImageDraw.Draw(image)
    d.rectangle((0, 0, 24, HEIGHT), fill=colour)
    d.text((LEFT, 56), "Claim by Claim", font=_font("bold", 34), fill=SITE)
    d.text((LEFT, 118 + (76 - (size := _kicker_size(d, kicker))) // 2), kicker, font=_font("bold", size), fill=colour)
    d.text((LEFT, 236), lines_label, font=_font("bold", 28), fill=MUTED)
    return image


LEFT, RIGHT = 80, WIDTH - 80


def _kicker_size(d, kicker: str) -> int:
    """76 px, or smaller until the verdict fits the card's width (Ukrainian labels are longer)."""
    size = 76
    while size > 40 and d.textlength(kicker, font=_font("bold", size)) > RIGHT - LEFT:
        size -= 4
    return size


def draw(card: Card) -> bytes:
    from PIL import Image, ImageDraw

    image = _background(card.kicker, card.colour, card.lines_label).copy()
    d = ImageDraw.Draw(image)
    body = _font("regular", 46)
    y = 282
    for line in _wrap(d, card.text, body, RIGHT - LEFT, 4):
        d.text((LEFT, y), line, font=body, fill=INK)
        y += 60
    d.text((LEFT, HEIGHT - 74), card.footer, font=_font("regular", 28), fill=MUTED)
    out = io.BytesIO()
    # A palette image keeps the file small; no text chunks or timestamps, so the bytes are reproducible.
    colours = tuple(dict.fromkeys((card.colour, SITE, MUTED, INK)))
    image.quantize(palette=_palette(colours), dither=Image.Dither.NONE).save(out, format="PNG")
    data = out.getvalue()
    if len(data) > LIMIT_BYTES:
        raise CardError(f"cards/{card.name}: {len(data):,} bytes is over the {LIMIT_BYTES:,}-byte limit")
    return data


def claim_card(claim: Claim, reg: Registry, site_url: str) -> Card:
    verdict = reg.verdicts[claim.verdict]
    host = site_url.split("://", 1)[-1].rstrip("/")
    return Card(f"{claim.slug}.png", f"{verdict.icon} {verdict.label}", COLOURS.get(verdict.id, INK),
                _("THE ARTICLE’S CLAIM"), claim.title, f"{claim.id} · {host}/claims/{claim.slug}/")


def site_card(site_url: str, claims: int) -> Card:
    host = site_url.split("://", 1)[-1].rstrip("/")
    # The site's name is already the card's first line: the big line says what the site did.
    return Card("site.png", ngettext("%(num)d claim checked", "%(num)d claims checked", claims) % {"num": claims},
                SITE, _("A MEDIA-LITERACY CASE STUDY"),
                _("“Army of Deserters”, a propaganda article about Ukraine’s army, taken apart sentence by sentence: "
                  "each claim with its verdict and its sources."), host)


PARALLEL_FROM = 200  # below this many cards, starting worker processes costs more than it saves
CACHE_FILE = re.compile(r"^[0-9a-f]{64}\.png$")


@lru_cache(maxsize=4)
def _drawing_inputs(font_dir: Path) -> str:
    """A digest of everything besides the card itself that decides the bytes of a drawn card."""
    from PIL import __version__ as pillow
    from PIL import features

    digest = hashlib.sha256(Path(__file__).read_bytes())
    for kind in sorted(FONTS):
        digest.update(_font_path(kind).read_bytes())
    digest.update(f"{pillow} {features.version('freetype2')} {features.version('zlib')}".encode())
    return digest.hexdigest()


def cache_key(card: Card) -> str:
    fields = json.dumps(dataclasses.astuple(card), ensure_ascii=False)
    return hashlib.sha256(f"{_drawing_inputs(FONT_DIR)}\n{fields}".encode()).hexdigest()


CHUNK = 32  # cards per task sent to another process


def _draw_chunk(cards: list[Card]) -> list[bytes]:
    return [draw(card) for card in cards]


def _submit(pool, cards: list[Card]) -> list:
    return [pool.submit(_draw_chunk, cards[i:i + CHUNK]) for i in range(0, len(cards), CHUNK)]


def _draw_all(cards: list[Card]) -> list[bytes]:
    """Drawing is CPU-bound, so many cards use every core."""
    if len(cards) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return _draw_chunk(cards)
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor() as pool:
        return [image for future in _submit(pool, cards) for image in future.result()]


class Drawing:
    """Every card, by file name: those in the cache at once (`ready`), the rest when `finish` is
    called. With `pool` (a process pool), the rest are drawn there meanwhile, so a build can render
    its pages on one core while the cards take another."""

    def __init__(self, cards: list[Card], cache: Path | None, pool=None) -> None:
        self._cards, self._cache = cards, cache
        self._keys = [cache_key(card) for card in cards]
        found: dict[str, bytes] = {}
        for key in self._keys if cache else ():
            if key not in found and (cache / f"{key}.png").is_file():
                found[key] = (cache / f"{key}.png").read_bytes()
        self._found = found
        self._missing = {key: card for key, card in zip(self._keys, cards, strict=True) if key not in found}
        self.ready = {card.name: found[key] for card, key in zip(cards, self._keys, strict=True) if key in found}
        self._futures = _submit(pool, list(self._missing.values())) if pool is not None and self._missing else None

    @property
    def pending(self) -> list[str]:
        """File names of the cards not drawn yet."""
        return [card.name for card in self._missing.values()]

    def finish(self) -> dict[str, bytes]:
        if self._futures is not None:
            drawn = [image for future in self._futures for image in future.result()]
        else:
            drawn = _draw_all(list(self._missing.values()))
        images = {**self._found, **dict(zip(self._missing, drawn, strict=True))}
        if self._cache is not None:
            self._cache.mkdir(parents=True, exist_ok=True)
            for key in self._missing:
                _write_atomically(self._cache / f"{key}.png", images[key])
            for old in self._cache.iterdir():
                if CACHE_FILE.match(old.name) and old.stem not in images:
                    old.unlink()
        return {card.name: images[key] for card, key in zip(self._cards, self._keys, strict=True)}


def start_drawing(claims: list[Claim], reg: Registry, site_url: str, cache: Path | None = None,
                  pool=None) -> Drawing:
    """With `cache` (a folder), cards drawn before are read from it, new ones are added and cards no
    longer wanted are removed."""
    cards = [site_card(site_url, len(claims)), *(claim_card(c, reg, site_url) for c in claims)]
    return Drawing(cards, cache, pool)


def all_cards(claims: list[Claim], reg: Registry, site_url: str, cache: Path | None = None) -> dict[str, bytes]:
    """Every card, by file name."""
    return start_drawing(claims, reg, site_url, cache).finish()


def _write_atomically(path: Path, data: bytes) -> None:
    """A build stopped half-way never leaves half a card in the cache."""
    fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(temp, path)
