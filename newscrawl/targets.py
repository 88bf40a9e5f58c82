"""Which URLs the crawler may fetch: HTTP(S) only, and no loopback/private/link-local hosts.

The check reads the host as written in the URL and never resolves names: behind a forward
proxy the proxy resolves them (and a local resolution would tell nothing about what the
proxy reaches), so the loopback proxy of the tests keeps working. IP literals are read in
every form a resolver accepts (``127.1``, ``2130706433``, ``0x7f.0.0.1``, ``[::ffff:7f00:1]``),
and names reserved for local networks (``localhost``, ``*.internal``, ``*.local``...) are
refused as well. Pure: no Scrapy, no network.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"http", "https"})

# Names that only ever point inside a machine or a private network (RFC 6761, RFC 8375,
# ICANN's .internal, mDNS .local), and the cloud metadata names.
LOCAL_NAMES = frozenset({"localhost", "metadata", "metadata.google.internal"})
LOCAL_SUFFIXES = (".localhost", ".internal", ".local", ".home.arpa", ".localdomain")

# inet_aton forms: 1-4 dot-separated parts, each decimal, octal (0-prefixed) or 0x-hex.
_LEGACY_IPV4 = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}$", re.IGNORECASE)

REASONS = ("scheme", "no_host", "local_name", "loopback", "link_local", "unspecified",
           "multicast", "private", "reserved")  # fmt: skip
"""Every reason :func:`unsafe_reason` may return (stat-key friendly)."""


def unsafe_reason(url: str, allow_private: bool = False) -> str | None:
    """Why fetching ``url`` is refused, or None when it is a public HTTP(S) target.

    ``allow_private`` (NEWSCRAWL_ALLOW_PRIVATE_TARGETS) admits local names and non-public
    addresses for intranet crawls; a non-HTTP scheme or a missing host is always refused.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:  # "http://[::1" and friends: not a URL anyone can fetch
        return "no_host"
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return "scheme"
    if not host:
        return "no_host"
    if allow_private:
        return None
    host = host.lower().rstrip(".")
    if host in LOCAL_NAMES or host.endswith(LOCAL_SUFFIXES):
        return "local_name"
    address = ip_literal(host)
    return None if address is None else address_reason(address)


def ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host written as an IP literal stands for (any inet_aton form), else None."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        pass
    if not _LEGACY_IPV4.match(host):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def address_reason(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is not a public target (loopback, link_local...), None when public."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:  # ::ffff:127.0.0.1 is 127.0.0.1 (Python 3.11 says "global")
            return address_reason(mapped)
    for reason, flag in (
        ("loopback", address.is_loopback),
        ("link_local", address.is_link_local),
        ("unspecified", address.is_unspecified),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
    ):
        if flag:
            return reason
    return None if address.is_global else "reserved"  # 100.64/10 (CGNAT) and the like
