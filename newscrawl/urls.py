"""URL identity: canonical form, tracking parameters, registered domain, record id."""

from __future__ import annotations

import hashlib
import ipaddress
import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import tldextract

# Query parameters that only track the visitor; they never change the article.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
        "_ga", "_gl", "ocid", "cmpid", "ncid", "ref_src", "ref_url", "smid", "smtyp",
        "at_medium", "at_campaign", "sr_share", "spm", "wt_mc", "wt.mc_id", "__twitter_impression",
        "s_cid", "guccounter", "guce_referrer",
        "guce_referrer_sig", "amp", "utm", "srsltid", "wbraid", "gbraid", "twclid", "ttclid",
        "li_fat_id", "rdt_cid", "epik",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "hsa_", "pk_", "mtm_", "__hs", "vero_", "oly_")
# Session ids: one page reached under endless ids is a crawler trap. These names never
# carry content; ``sid`` does on some CMSs (PHP-Nuke story ids), so it counts as a session
# id only when its value looks like a random token.
SESSION_PARAMS = frozenset(
    {
        "jsessionid", "phpsessid", "sessionid", "session_id", "sessid", "aspsessionid",
        "oscsid", "zenid", "cfid", "cftoken", "sesskey", "wicket-session",
    }
)  # fmt: skip
_SESSION_TOKEN = re.compile(r"^(?=.*[0-9])(?=.*[a-zA-Z])[A-Za-z0-9_-]{16,}$|^[0-9a-fA-F]{24,}$")
_SESSION_PATH_PARAM = re.compile(
    r";(jsessionid|phpsessid|sid|sessionid|sessid)=[^/?#;]*"  # Java servlets, PHP trans_sid
    r"|/\((?:[A-Za-z]\([^()/]*\))+\)(?=/)",  # ASP.NET cookieless: /(S(lit3py55t21z5v55))/
    re.IGNORECASE,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}

# No network: use the public suffix list snapshot bundled with tldextract.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def is_tracking_param(name: str, value: str = "") -> bool:
    """True for query parameters that only track the visitor (utm_*, fbclid, session ids...)."""
    lowered = name.lower()
    return (
        lowered in TRACKING_PARAMS
        or lowered.startswith(TRACKING_PREFIXES)
        or is_session_param(name, value)
    )


def is_session_param(name: str, value: str = "") -> bool:
    """True for a session-id query parameter (``PHPSESSID``, ``jsessionid``, token-like ``sid``)."""
    lowered = name.lower()
    if lowered in SESSION_PARAMS or lowered.startswith("aspsessionid"):
        return True
    return lowered == "sid" and bool(_SESSION_TOKEN.match(value))


def strip_session(url: str) -> str:
    """``url`` without its session ids (path parameters and query) and fragment; else as is.

    Unlike :func:`canonicalize`, the rest of the URL is left alone: this is the URL to fetch.
    """
    bare = url.split("#", 1)[0].strip()  # as canonicalize reads it
    try:
        parts = urlsplit(bare)
    except ValueError:
        return url
    if not parts.netloc:  # no host, nothing to fetch (and urlunsplit would mangle "////x")
        return url
    path = _SESSION_PATH_PARAM.sub("", parts.path)
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        kept = [(k, v) for k, v in pairs if not is_session_param(k, v)]
        if len(kept) != len(pairs):
            query = urlencode(kept)
    if path == parts.path and query == parts.query and bare == url:
        return url  # as given: nothing to strip
    # strip() again: removing the query can leave blanks at the end ("/ ?sid=1" -> "/ ")
    return urlunsplit((parts.scheme, parts.netloc, path, query, "")).strip()


def canonicalize(url: str) -> str:
    """Normalized identity of a URL.

    Lower-cased scheme and host, default port dropped, fragment dropped, session path
    parameters and tracking query parameters removed, remaining query sorted, trailing
    slash folded (except the root path), ``/amp`` suffix kept (AMP pages are resolved
    through their rel=canonical instead). Never raises: a string that is no parsable URL
    (``http://[::1``) comes back stripped, without its fragment; a bad port is kept as is.
    """
    url = url.split("#", 1)[0].strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port if parts.port != _DEFAULT_PORTS.get(scheme) else None
        netloc = f"{host}:{port}" if port else host
    except ValueError:  # a port that is no number: keep the authority as written
        netloc = parts.netloc.lower()
    path = re.sub(r"/{2,}", "/", _SESSION_PATH_PARAM.sub("", parts.path).strip())
    while len(path) > 1 and (path[-1] == "/" or path[-1].isspace()):
        path = path[:-1]  # trailing slashes folded (and spaces, which a link never means)
    path = path or "/"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = sorted((k, v) for k, v in pairs if not is_tracking_param(k, v))
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def host_of(url: str) -> str:
    """Lower-cased host name of ``url`` (no port); "" when there is none or it is unparsable."""
    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


@lru_cache(maxsize=4096)
def registered_domain(host_or_url: str) -> str:
    """Registered domain ("news.bbc.co.uk" -> "bbc.co.uk"); the host itself when unknown."""
    host = host_of(host_or_url) if "://" in host_or_url else host_or_url.lower()
    if _is_ip(host):
        return host
    ext = _EXTRACT(host)
    domain = ext.top_domain_under_public_suffix
    if domain:
        return domain
    labels = [label for label in host.split(".") if label]
    if labels and labels[0] == "www":
        labels = labels[1:]
    return ".".join(labels[-2:]) if len(labels) >= 2 else host


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def same_site(url_a: str, url_b: str) -> bool:
    """True when both URLs belong to the same registered domain."""
    return registered_domain(host_of(url_a)) == registered_domain(host_of(url_b))


def choose_canonical(fetched_url: str, canonical_link: str | None) -> str:
    """The record's canonical URL: the page's rel=canonical when same-site, else the fetched URL."""
    if (
        canonical_link
        and canonical_link.startswith(("http://", "https://"))
        and same_site(fetched_url, canonical_link)
    ):
        return canonicalize(canonical_link)
    return canonicalize(fetched_url)


def record_id(canonical_url: str) -> str:
    """Stable record id: the first 32 hex digits of SHA-256 of the canonical URL."""
    return hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:32]
