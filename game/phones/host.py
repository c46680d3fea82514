"""The game's side of the room: opens and closes the phones' server, and once a frame hands
the phones' votes to the controller and tells the phones what the projector asks.

Everything here is quick and never blocks: the server runs in its own thread; taking
votes empties a queue; publishing swaps a reference. A room that cannot open (no
network, the port taken) is a message for the facilitator, never a crash.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Sequence

from game.core.commands import Action, Command
from game.core.network import local_ipv4_addresses
from game.core.questions import current_question
from game.core.session import Session
from game.phones.room import Room, RoomState
from game.phones.server import DEFAULT_PORT, Limits, PhoneServer, join_url

LOOPBACK = "127.0.0.1"
HOTSPOT_ADDRESSES = ("192.168.137.1", "10.42.0.1", "192.168.2.1")
"""The addresses a laptop's own hotspot gives itself (Windows' Mobile hotspot, Linux's
NetworkManager hotspot, macOS Internet Sharing): shown first, because when the laptop
makes the network, that is the address every phone can reach."""


def hotspot_first(addresses: Sequence[str]) -> list[str]:
    """`addresses` with a hotspot's own address first, the others in their order."""
    return sorted(addresses, key=lambda a: (a not in HOTSPOT_ADDRESSES,
                                            HOTSPOT_ADDRESSES.index(a)
                                            if a in HOTSPOT_ADDRESSES else 0))


def local_addresses() -> list[str]:
    """The laptop's reachable IPv4 addresses, a hotspot's first (no packet is sent)."""
    return hotspot_first(local_ipv4_addresses())


class PhoneHost:
    """The room of one game: `open`, then `poll` every frame, `close` at the end."""

    def __init__(self, port: int = DEFAULT_PORT,
                 addresses: Callable[[], list[str]] = local_addresses,
                 limits: Limits | None = None, print_to: Callable[[str], None] | None = None,
                 loopback_only: bool = False, code: str | None = None) -> None:
        self.port = port
        self.addresses = addresses
        self.limits = limits or Limits()
        self.loopback_only = loopback_only
        """Bind 127.0.0.1 alone (tests and benchmarks): nothing is reachable from outside."""
        self.say = print_to or (lambda text: print(text, file=sys.stderr))
        self.room = Room(code)
        self.server: PhoneServer | None = None
        self.state = RoomState()
        self._published: tuple[object, ...] | None = None
        """What the last question published was made of (see `publish`)."""

    def open(self) -> RoomState:
        """Start the server on the laptop's local addresses (and loopback); never raises."""
        if self.server is not None and self.server.running:
            return self.state
        found = [] if self.loopback_only else self.addresses()
        if not found and not self.loopback_only:
            self.state = RoomState(problem="no network")
            self.say("phones: no network: phones cannot join. Connect this laptop to a Wi-Fi "
                     "network or turn on its hotspot, then open the room again from the pause "
                     "menu (Esc). The game plays on with the keys.")
            return self.state
        server = PhoneServer(self.room, [*found, LOOPBACK], self.port, self.limits)
        try:
            server.start()
        except Exception as exc:  # the port taken, an address gone: say so, play on
            traceback.print_exc()
            self.state = RoomState(problem=str(exc) or type(exc).__name__)
            self.say(f"phones: the room could not open: {self.state.problem}")
            return self.state
        self.server = server
        urls = tuple(server.urls())
        self.state = RoomState(True, urls, self.room.code, join_url(urls[0], self.room.code))
        self.say(f"phones: open {urls[0]} on a phone on this network, room code "
                 f"{self.room.code} (or scan the QR code: {self.state.join_url})")
        for other in urls[1:]:
            self.say(f"phones: also {other}")
        return self.state

    def adopt(self, code: str) -> RoomState:
        """Go on under `code` (a resumed session's room): the QR code and page follow."""
        self.room.code = code
        if self.state.open and self.state.urls:
            self.state.code = code
            self.state.join_url = join_url(self.state.urls[0], code)
            self.say(f"phones: the resumed session's room: code {code} ({self.state.join_url})")
        return self.state

    def close(self) -> None:
        """Stop the server (a phone's page then says it lost the connection)."""
        server, self.server = self.server, None
        if server is not None:
            server.stop()
        self.state = RoomState()
        self._published = None

    @property
    def is_open(self) -> bool:
        return self.server is not None and self.server.running

    def poll(self, send: Callable[[Command], object], session: Session) -> bool:
        """Hand the votes that arrived to the game as one command, then publish the question
        on screen; True when something the projector shows changed."""
        if self.server is None:
            return False
        changed = False
        votes = self.room.take_votes()
        if votes:
            send(Command(Action.VOTES, votes=tuple(votes)))
            changed = True
        self.publish(session)
        phones = self.room.phones
        if phones != self.state.phones:
            self.state.phones = phones
            changed = True
        return changed

    def publish(self, session: Session) -> None:
        """Tell the phones what the projector asks now (after every command and frame).

        The question is built again only when what it is made of changed (the session's
        state, the pack, the teams, the reveals): the loop calls this 30 times a second."""
        if self.server is None:
            return
        made_of = (session.state, session.pack, tuple(session.teams), session.votes.revealed)
        if self._published is not None and all(
                a is b or a == b for a, b in zip(made_of, self._published)):
            return
        self._published = made_of
        self.room.publish(current_question(session, session.votes.revealed))

    def urls(self) -> Sequence[str]:
        return self.state.urls
