"""Which IP addresses are not public: the special-purpose ranges and ``address_kind``, which names them.

The fetcher refuses to connect to any address this module calls non-public (loopback, private, link-local,
shared, multicast, reserved, unspecified, documentation, benchmarking), judging addresses that embed an
IPv4 address (IPv4-mapped, NAT64, 6to4) by that IPv4 address; it opens no connection and resolves no name.
"""

from __future__ import annotations

import ipaddress

__all__ = ["address_kind"]

# Special-purpose ranges (IANA IPv4/IPv6 registries), most specific first. Addresses embedding an IPv4
# address (IPv4-mapped, NAT64, 6to4) are judged by that IPv4 address instead.
_NON_PUBLIC: tuple[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str], ...] = tuple(
    (ipaddress.ip_network(net), kind)
    for net, kind in (
        ("0.0.0.0/32", "unspecified"),
        ("0.0.0.0/8", "reserved"),
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "shared (carrier-grade NAT)"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local"),
        ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "reserved"),
        ("192.0.2.0/24", "documentation"),
        ("192.88.99.0/24", "reserved"),
        ("192.168.0.0/16", "private"),
        ("198.18.0.0/15", "benchmarking"),
        ("198.51.100.0/24", "documentation"),
        ("203.0.113.0/24", "documentation"),
        ("224.0.0.0/4", "multicast"),
        ("240.0.0.0/4", "reserved"),
        ("::/128", "unspecified"),
        ("::1/128", "loopback"),
        ("::/96", "reserved"),  # IPv4-compatible, deprecated
        ("64:ff9b:1::/48", "private"),  # local-use NAT64
        ("100::/64", "reserved"),  # discard-only
        ("2001::/23", "reserved"),  # IETF protocol assignments, Teredo among them
        ("2001:db8::/32", "documentation"),
        ("3fff::/20", "documentation"),
        ("5f00::/16", "reserved"),  # segment routing
        ("fc00::/7", "private"),  # unique local
        ("fe80::/10", "link-local"),
        ("fec0::/10", "private"),  # site-local, deprecated
        ("ff00::/8", "multicast"),
    )
)
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def address_kind(address: str) -> str | None:
    """Say which kind of non-public address ``address`` is.

    Args:
        address: an IPv4 or IPv6 address (an IPv6 zone such as ``%eth0`` is ignored).

    Returns:
        ``"loopback"``, ``"private"``, ``"link-local"``, ``"shared (carrier-grade NAT)"``,
        ``"multicast"``, ``"reserved"``, ``"unspecified"``, ``"documentation"`` or
        ``"benchmarking"``; None for a public address.

    Raises:
        ValueError: ``address`` is not an IP address.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return address_kind(str(embedded))
    for network, kind in _NON_PUBLIC:
        if ip.version == network.version and ip in network:
            return kind
    return None if ip.is_global else "reserved"
