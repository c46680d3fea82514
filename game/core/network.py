"""The machine's own IPv4 addresses, read from its network interfaces without any request
on the network: where phones on the same Wi-Fi (or the laptop's hotspot) can reach it."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import struct
import sys
from collections.abc import Iterable

_SIOCGIFADDR = {"linux": 0x8915, "darwin": 0xC0206921}
"""The ioctl that reads an interface's IPv4 address (Linux, macOS)."""


def local_ipv4_addresses() -> list[str]:
    """The addresses phones could use to reach this machine (see `phone_addresses`), best
    first; empty when it is on no network. Never raises, never sends a packet."""
    found: list[str] = []
    with contextlib.suppress(OSError):
        found += _interface_addresses()
    if sys.platform == "win32" or not found:
        # Windows lists every adapter's address under the machine's own name, locally.
        with contextlib.suppress(OSError, UnicodeError):
            found += [str(info[4][0]) for info in socket.getaddrinfo(
                socket.gethostname(), None, socket.AF_INET)]
    return phone_addresses(found)


def phone_addresses(addresses: Iterable[str]) -> list[str]:
    """Of `addresses`, those another device can reach, once each: not loopback, link-local
    (169.254.x.x, a network without a router) nor unspecified; private (home, office and
    hotspot) networks first, in the order found."""
    kept: list[ipaddress.IPv4Address] = []
    for text in addresses:
        try:
            address = ipaddress.IPv4Address(text)
        except ValueError:
            continue
        if (address.is_loopback or address.is_link_local or address.is_unspecified
                or address.is_multicast or address in kept):
            continue
        kept.append(address)
    kept.sort(key=lambda a: not a.is_private)
    return [str(a) for a in kept]


def _interface_addresses() -> list[str]:
    request = _SIOCGIFADDR.get(sys.platform)
    if request is None:
        return []
    import fcntl  # POSIX only, hence here

    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _index, name in socket.if_nameindex():
            try:
                answer = fcntl.ioctl(probe.fileno(), request,
                                     struct.pack("256s", name.encode()[:15]))
            except OSError:  # an interface without an IPv4 address
                continue
            found.append(socket.inet_ntoa(answer[20:24]))
    return found
