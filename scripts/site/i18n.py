"""The edition being rendered (English or Ukrainian) and its interface strings.

Our templates and renderers write their words through `gettext`. The Ukrainian words are data:
`data/i18n/uk/messages.po`, a standard gettext catalogue (Babel reads it, so any translation tool
can edit it). Dates and numbers are written by Babel in the edition's locale ("12 листопада 2025",
"265 843" with a no-break space). English needs no catalogue: a message is its own English text.

One edition is active at a time: `python -m scripts build` renders the English site, then
activates the Ukrainian edition and renders that (scripts/site/editions.py).
"""

from __future__ import annotations

import datetime as dt
import io
from functools import lru_cache
from pathlib import Path

from babel import dates, numbers
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

DEFAULT = "en"
LANGUAGES = ("en", "uk")
LOCALES = {"en": "en_GB", "uk": "uk"}  # en_GB: "12 November 2025", as the site has always written
NAMES = {"en": "English", "uk": "Українська"}
CATALOGUES = Path(__file__).resolve().parents[2] / "data" / "i18n"

_active = [DEFAULT]


def activate(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"no edition '{lang}' (editions: {', '.join(LANGUAGES)})")
    _active[0] = lang


def current() -> str:
    return _active[0]


class Active:
    """`with Active("uk"): ...` renders in that edition, then restores the one before."""

    def __init__(self, lang: str) -> None:
        self.lang, self.before = lang, current()

    def __enter__(self) -> str:
        activate(self.lang)
        return self.lang

    def __exit__(self, *exc) -> None:
        activate(self.before)


def catalogue_path(lang: str) -> Path:
    return CATALOGUES / lang / "messages.po"


@lru_cache(maxsize=8)
def _translations(lang: str, _stamp: tuple) -> NullTranslations:
    path = catalogue_path(lang)
    if lang == DEFAULT or not path.exists():
        return NullTranslations()
    with path.open("rb") as fp:
        catalog = read_po(fp, locale=LOCALES[lang])
    buf = io.BytesIO()
    write_mo(buf, catalog)  # fuzzy entries are left out, as gettext does
    buf.seek(0)
    return Translations(fp=buf)


def translations(lang: str | None = None) -> NullTranslations:
    lang = lang or current()
    path = catalogue_path(lang)
    stamp = (path.stat().st_mtime_ns, path.stat().st_size) if path.exists() else ()
    return _translations(lang, stamp)


def gettext(message: str) -> str:
    return translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations().ngettext(singular, plural, n)


_ = gettext


def format_date(day: dt.date) -> str:
    """A date as the edition writes it in prose: 12 November 2025 / 12 листопада 2025."""
    return dates.format_date(day, "d MMMM y", locale=LOCALES[current()])


def format_number(n: int | float) -> str:
    """265,843 / 265 843 (no-break space): grouped as the edition's readers group digits."""
    return numbers.format_decimal(n, locale=LOCALES[current()])


def html_lang() -> str:
    return current()
