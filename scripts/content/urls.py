"""URL normalisation, so that a domain can't be slipped past a comparison by spelling it oddly.

Before two hosts are compared we undo percent-encoding, fold Unicode look-alike dots
(full-width, ideographic, halfwidth) and compatibility characters (NFKC), lower-case, drop
credentials, port and trailing dots, and convert to IDNA (punycode).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": ".", "\u2024": ".", "\ufe52": "."})
MAX_URL = 2_000


@dataclass(frozen=True)
class Parsed:
    scheme: str
    host: str  # normalised: lower-case, IDNA, no trailing dot, no credentials or port
    had_trailing_dot: bool


def parse_url(url: str) -> Parsed | str:
    """The normalised scheme and host, or a message saying why the URL is unusable."""
    if len(url) > MAX_URL:
        return f"is {len(url)} characters long; the limit is {MAX_URL}"
    text = url.strip()
    for _ in range(3):  # %25xx hides %xx: undo a few layers, then stop
        decoded = unquote(text)
        if decoded == text:
            break
        text = decoded
    text = unicodedata.normalize("NFKC", text).translate(_DOTS).replace("\\", "/")
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        return f"is not a valid URL ({exc})"
    if not host:
        return "has no host; write a full address such as https://example.org/page"
    trailing = host.endswith(".")
    host = host.rstrip(".")
    try:
        host = ".".join(label.encode("idna").decode("ascii") if label else "" for label in host.split("."))
    except UnicodeError:
        return "has a host name that is not a valid domain name"
    return Parsed(parts.scheme.lower(), host.lower(), trailing)


def is_under(host: str, domains: tuple[str, ...] | list[str]) -> str | None:
    """The blocked domain that `host` is, or is a subdomain of."""
    for domain in domains:
        parsed = parse_url(f"https://{domain}/")
        d = parsed.host if isinstance(parsed, Parsed) else domain.lower()
        if host == d or host.endswith("." + d):
            return domain
    return None
