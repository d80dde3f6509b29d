"""What a URL says about an article: the site it belongs to, and a stable article id.

``registered_domain(url)`` is the domain a site registered (``https://www.bbc.co.uk/news/x`` ->
``bbc.co.uk``), found with tldextract's bundled snapshot of the Public Suffix List: it is read from the
installed package, never downloaded (``suffix_list_urls=()``) and never cached on disk
(``cache_dir=None``). Private suffixes count (``foo.blogspot.com`` is its own site, not ``blogspot.com``).
An IP address or a single-label host is kept as it is; a string that is not an http(s) URL gives None.

``url_id(url)`` is the article id of a record that has a URL and no id of its own: the host without
``www.``, a dash and the first 12 hex digits of the URL's SHA-256 (``bbc.co.uk-3f2a9c0d1e4b``). The same
URL gives the same id in every run and every format; two URLs sharing one (48 bits of hash within one
host) is not a practical concern.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import urlsplit

import tldextract

ID_HASH_DIGITS = 12


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), include_psl_private_domains=True)


def host(url: str | None) -> str | None:
    """The lower-cased host of an http(s) URL (port and credentials dropped, a trailing dot too)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip().strip("<>"))
        name = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not name:
        return None
    return name.rstrip(".").lower() or None


def registered_domain(url: str | None) -> str | None:
    """The registered domain of ``url`` (see the module docstring), None when it has no host."""
    name = host(url)
    if name is None:
        return None
    found = _extractor()(name)
    return found.top_domain_under_public_suffix or name


def site_address(text: str) -> bool:
    """Whether ``text`` is a bare site address written as a name ("Biziday.ro", "cgtn.com",
    "news.example.co.uk"): letters, digits, dots and hyphens, a domain under a public suffix of the same
    snapshot, the suffix in lower case as sites print it (so "U.S." or "St.Louis" are not)."""
    if not re.fullmatch(r"(?:www\.)?[A-Za-z][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", text):
        return False
    found = _extractor()(text)
    return bool(found.domain and found.suffix) and text.endswith(found.suffix) and found.suffix.islower()


def url_id(url: str) -> str:
    """The stable article id for ``url`` (see the module docstring)."""
    name = host(url) or "url"
    name = name.removeprefix("www.")
    digest = hashlib.sha256(url.strip().encode("utf-8", "surrogatepass")).hexdigest()[:ID_HASH_DIGITS]
    return f"{name}-{digest}"
