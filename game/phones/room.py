"""The room: what the game and the phone server share, and nothing else.

The game thread publishes the current `Question` and takes the phones' votes from a
queue; the server's thread reads the question and puts votes in. Neither waits for
the other: publishing is a reference swap under a lock held for microseconds, and the
queue never blocks. The server never sees the session.
"""

from __future__ import annotations

import json
import queue
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from game.core.votes import PhoneVote, Question

CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
"""Room code letters: no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B that a back row would confuse."""
CODE_LENGTH = 4
MAX_PHONES = 1000
"""Phones the room remembers; more are refused (a hall holds far fewer)."""


def new_code() -> str:
    """A short random room code, as the projector shows it (4 unambiguous letters/digits)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Bucket:
    """A token bucket: `rate` requests a second on average, bursts up to `burst`."""

    __slots__ = ("burst", "level", "rate", "stamp")

    def __init__(self, rate: float, burst: float, now: float) -> None:
        self.rate, self.burst, self.level, self.stamp = rate, burst, burst, now

    def take(self, now: float) -> bool:
        """Spend one request if the bucket has one; False means: slow down."""
        self.level = min(self.burst, self.level + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.level >= 1:
            self.level -= 1
            return True
        return False


class RateLimit:
    """One bucket per key (a phone's address or token), the least recently used forgotten
    first, so a flood of new keys costs bounded memory."""

    def __init__(self, rate: float, burst: float, keep: int = 4096,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.burst, self.keep, self.clock = rate, burst, keep, clock
        self._buckets: OrderedDict[str, Bucket] = OrderedDict()

    def allow(self, key: str) -> bool:
        """Whether `key` may make one more request now."""
        now = self.clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = Bucket(self.rate, self.burst, now)
            if len(self._buckets) > self.keep:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        return bucket.take(now)


class Room:
    """The shared state of one room: its code, the question on the projector, the phones
    that joined (and their teams), and the votes on their way to the game."""

    def __init__(self, code: str | None = None) -> None:
        self.code = code or new_code()
        self.votes: queue.SimpleQueue[PhoneVote] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._question: Question | None = None
        self._payload = json.dumps({"question": None})
        self._version = 0
        self._teams: dict[str, int | None] = {}
        self._listeners: list[Callable[[], None]] = []

    # ------------------------------------------------------------ the game's side
    def publish(self, question: Question | None) -> None:
        """Show `question` on the phones (None: nothing to vote on now). Never blocks."""
        with self._lock:
            if question == self._question:
                return
            self._question = question
            self._payload = json.dumps({"question": question.as_json() if question else None},
                                       ensure_ascii=False)
            self._version += 1
            listeners = list(self._listeners)
        for wake in listeners:
            wake()

    def take_votes(self, limit: int = 10_000) -> list[PhoneVote]:
        """The votes that arrived since the last call (at most `limit`), oldest first."""
        taken: list[PhoneVote] = []
        while len(taken) < limit:
            try:
                taken.append(self.votes.get_nowait())
            except queue.Empty:
                break
        return taken

    @property
    def phones(self) -> int:
        """How many phones joined the room."""
        with self._lock:
            return len(self._teams)

    # ---------------------------------------------------------- the server's side
    def snapshot(self) -> tuple[int, str, Question | None]:
        """The question's version, its JSON for the phones, and the question."""
        with self._lock:
            return self._version, self._payload, self._question

    def listen(self, wake: Callable[[], None]) -> None:
        """Call `wake` (from the publishing thread) whenever the question changes."""
        with self._lock:
            self._listeners.append(wake)

    def join(self, token: str, team: int | None) -> bool:
        """Let phone `token` in, in `team` (chosen once: a later different team is refused).

        False when the phone already picked another team, or the room is full.
        """
        with self._lock:
            if token in self._teams:
                known = self._teams[token]
                if known is None and team is not None:
                    self._teams[token] = team
                    return True
                return team is None or known == team
            if len(self._teams) >= MAX_PHONES:
                return False
            self._teams[token] = team
            return True

    def team_of(self, token: str) -> int | None:
        with self._lock:
            return self._teams.get(token)

    def submit(self, vote: PhoneVote) -> None:
        """Hand a vote to the game loop (never blocks)."""
        self.votes.put(vote)


@dataclass
class RoomState:
    """The room as the projector shows it (plain data; nothing a phone sent is in it)."""

    open: bool = False
    urls: tuple[str, ...] = ()
    code: str = ""
    join_url: str | None = None
    problem: str | None = None
    """Why the room is not open ('no network', or the server's error), None when it is."""
    phones: int = 0
