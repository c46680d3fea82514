"""The laptop's own IPv4 addresses on the local network, found without sending anything.

Phones join the room at one of these addresses. Nothing here leaves the machine: the
addresses come from the system's own tables (the host name's addresses, and on Linux
each interface's address), never from a request to the internet. Loopback and
link-local addresses (169.254.x.y, which a phone cannot reach) are left out.
"""

from __future__ import annotations

import ipaddress
import socket
import struct
import sys
from collections.abc import Iterable

# The addresses a laptop's own hotspot gives itself: Windows' Mobile hotspot and Internet
# Connection Sharing, NetworkManager's hotspot on Linux, macOS Internet Sharing. Shown first,
# because when the laptop makes the network, that is the address every phone can reach.
HOTSPOT_ADDRESSES = ("192.168.137.1", "10.42.0.1", "192.168.2.1")
_SIOCGIFADDR = 0x8915


def usable(address: str) -> bool:
    """Whether phones on the local network could reach the laptop at `address`."""
    try:
        ip = ipaddress.IPv4Address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_unspecified
                or ip.is_reserved)


def ordered(addresses: Iterable[str]) -> list[str]:
    """Usable addresses without repeats, a hotspot's first, then private ones, then others."""
    unique = [a for a in dict.fromkeys(addresses) if usable(a)]

    def rank(address: str) -> tuple[int, int]:
        if address in HOTSPOT_ADDRESSES:
            return (0, HOTSPOT_ADDRESSES.index(address))
        return (1 if ipaddress.IPv4Address(address).is_private else 2, 0)

    return sorted(unique, key=rank)


def _host_addresses() -> list[str]:
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except (OSError, UnicodeError):
        return []
    return [str(info[4][0]) for info in infos]


def _interface_addresses() -> list[str]:
    """Each network interface's IPv4 address, from the kernel (Linux only; no packet sent)."""
    if not sys.platform.startswith("linux"):
        return []
    import fcntl  # Linux and other Unixes only

    found: list[str] = []
    try:
        names = [name for _, name in socket.if_nameindex()]
    except OSError:
        return []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for name in names:
            request = struct.pack("256s", name.encode()[:15])
            try:
                answer = fcntl.ioctl(probe.fileno(), _SIOCGIFADDR, request)
            except OSError:
                continue  # an interface without an IPv4 address
            found.append(socket.inet_ntoa(answer[20:24]))
    return found


def local_addresses() -> list[str]:
    """The laptop's IPv4 addresses a phone on the same network can reach (may be empty:
    no network at all). Never raises, never sends a packet."""
    try:
        return ordered([*_interface_addresses(), *_host_addresses()])
    except Exception:  # a strange system table must not stop the game
        return []
