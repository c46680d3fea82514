"""The phones' web server: Starlette on uvicorn, in a thread of its own with its own loop.

It serves one page (HTML, script, style: all from the game, nothing from outside) and
four small endpoints. Every request is checked before anything reaches the game: size
(a few hundred bytes), shape (pydantic, nothing extra), the room code, the question on
the projector now, and a rate per phone and per address. What fails gets a 4xx and is
forgotten. Votes that pass go into the room's queue; the game loop takes them.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Annotated

import uvicorn
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from game.core.votes import MAX_OPTIONS, PhoneVote
from game.phones.room import RateLimit, Room

DEFAULT_PORT = 8765
PORT_TRIES = 10
"""Ports tried from the one asked for when it is taken (another program, a second game)."""
MAX_BODY = 512
"""Bytes a request body may have: a vote is about 150."""
PING_SECONDS = 15.0
"""A comment line on the event stream this often keeps Wi-Fi and proxies from dropping it."""

Token = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{16,64}$")]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{1,12}$")]
QuestionId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,120}$")]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class JoinRequest(_Request):
    """A phone entering the room, with its team when the room has teams (from 1)."""

    room: Code
    token: Token
    team: Annotated[int, Field(ge=1, le=6)] | None = None


class VoteRequest(_Request):
    """A phone's vote: the question it saw, the option it tapped (from 1, as shown)."""

    room: Code
    token: Token
    question: QuestionId
    option: Annotated[int, Field(ge=1, le=MAX_OPTIONS)]
    team: Annotated[int, Field(ge=1, le=6)] | None = None
    was: Annotated[int, Field(ge=1, le=MAX_OPTIONS)] | None = None


@dataclass(frozen=True)
class Limits:
    """How fast one phone (its token) and one address may send requests."""

    phone_rate: float = 4.0
    phone_burst: float = 8.0
    address_rate: float = 20.0
    address_burst: float = 40.0


_SECURITY_HEADERS = {
    # Nothing from outside, ever: the page may only talk to the game that served it.
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "connect-src 'self'; img-src 'self'; base-uri 'none'; "
                               "form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_FILES = {
    "/": ("page.html", "text/html; charset=utf-8"),
    "/page.js": ("page.js", "text/javascript; charset=utf-8"),
    "/page.css": ("page.css", "text/css; charset=utf-8"),
}


def _static(name: str) -> bytes:
    return resources.files("game.phones").joinpath("static").joinpath(name).read_bytes()


def _problem(status: int, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status,
                        headers={**_SECURITY_HEADERS, **headers})


class _TooLarge(Exception):
    pass


async def _body(request: Request) -> bytes:
    """The request's body, refused past MAX_BODY bytes without reading more."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
        raise _TooLarge
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise _TooLarge
    return body


class _Broadcast:
    """Wakes every open event stream when the room's question changes: one listener on the
    room for the whole server, and one asyncio.Event per change that all streams await."""

    def __init__(self, room: Room) -> None:
        self.room = room
        self.closing = False
        """Set when the server stops: every stream ends, so the shutdown is quick and quiet."""
        self._event: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def attach(self) -> None:
        """Start listening to the room (from the server's loop, at the first stream)."""
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
            self._event = asyncio.Event()
            self.room.listen(self._wake)

    def changed(self) -> asyncio.Event:
        """The event set at the next change of the question."""
        assert self._event is not None
        return self._event

    def _wake(self) -> None:
        # Called from the game's thread: hop onto the server's loop, never block.
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._fire)

    def _fire(self) -> None:
        old, self._event = self._event, asyncio.Event()
        if old is not None:
            old.set()

    def close(self) -> None:
        """End every stream (from any thread)."""
        self.closing = True
        self._wake()


def build_app(room: Room, limits: Limits = Limits()) -> Starlette:
    """The web application of `room`: the page, /api/state, /api/events, /api/join and
    /api/vote. Everything else is a 404 (or 405 for a wrong method)."""
    files = {path: (_static(name), kind) for path, (name, kind) in _FILES.items()}
    broadcast = _Broadcast(room)
    phones = RateLimit(limits.phone_rate, limits.phone_burst)
    addresses = RateLimit(limits.address_rate, limits.address_burst)

    def slowed(request: Request) -> Response | None:
        host = request.client.host if request.client else "?"
        if not addresses.allow(host):
            return _problem(429, "slow down", **{"Retry-After": "1"})
        return None

    async def page(request: Request) -> Response:
        body, kind = files[request.url.path]
        return Response(body, media_type=kind, headers=_SECURITY_HEADERS)

    def query_check(request: Request) -> Response | None:
        code, token = request.query_params.get("room", ""), request.query_params.get("token", "")
        if code.upper() != room.code:
            return _problem(403, "wrong room code")
        if not (16 <= len(token) <= 64 and token.replace("-", "").replace("_", "").isalnum()
                and token.isascii()):
            return _problem(422, "bad token")
        return None

    async def state(request: Request) -> Response:
        refused = slowed(request) or query_check(request)
        if refused is not None:
            return refused
        _, payload, _ = room.snapshot()
        token = request.query_params["token"]
        room.join(token, None)  # a phone that opened the page is in the room ("N of M")
        team = room.team_of(token)
        return Response(f'{{"team": {"null" if team is None else team + 1}, '
                        f'"state": {payload}}}', media_type="application/json",
                        headers=_SECURITY_HEADERS)

    async def events(request: Request) -> Response:
        refused = slowed(request) or query_check(request)
        if refused is not None:
            return refused
        broadcast.attach()

        async def stream() -> AsyncIterator[str]:
            yield "retry: 2000\n\n"
            seen = -1
            while not broadcast.closing:
                waiting = broadcast.changed()
                version, payload, _ = room.snapshot()
                if version != seen:
                    seen = version
                    yield f"data: {payload}\n\n"
                    continue
                try:
                    await asyncio.wait_for(waiting.wait(), PING_SECONDS)
                except (TimeoutError, asyncio.TimeoutError):
                    yield ": ping\n\n"

        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers={**_SECURITY_HEADERS, "X-Accel-Buffering": "no"})

    async def parsed(request: Request, model: type[_Request]) -> _Request | Response:
        refused = slowed(request)
        if refused is not None:
            return refused
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return _problem(415, "send JSON")
        try:
            body = await _body(request)
        except _TooLarge:
            return _problem(413, "too large")
        try:
            data = model.model_validate_json(body)
        except ValidationError as exc:
            if any(e["type"] == "json_invalid" for e in exc.errors()):
                return _problem(400, "not JSON")
            return _problem(422, "not a vote this page sends")
        if getattr(data, "room", "").upper() != room.code:
            return _problem(403, "wrong room code")
        if not phones.allow(getattr(data, "token", "")):
            return _problem(429, "slow down", **{"Retry-After": "1"})
        return data

    async def join(request: Request) -> Response:
        data = await parsed(request, JoinRequest)
        if isinstance(data, Response):
            return data
        assert isinstance(data, JoinRequest)
        team = None if data.team is None else data.team - 1
        _, _, question = room.snapshot()
        if team is not None and question is not None and team >= len(question.teams):
            return _problem(422, "no such team")
        if not room.join(data.token, team):
            return _problem(409, "this phone is in another team")
        return JSONResponse({"team": data.team}, headers=_SECURITY_HEADERS)

    async def vote(request: Request) -> Response:
        data = await parsed(request, VoteRequest)
        if isinstance(data, Response):
            return data
        assert isinstance(data, VoteRequest)
        _, _, question = room.snapshot()
        if question is None or question.id != data.question:
            return _problem(409, "this question is no longer on the screen")
        if not question.open:
            return _problem(409, "the votes were revealed")
        if data.option > len(question.options) or (
                data.was is not None and data.was > len(question.options)):
            return _problem(422, "no such option")
        team = None if data.team is None else data.team - 1
        if question.teams:
            if team is None or team >= len(question.teams):
                return _problem(422, "pick a team first")
        else:
            team = None
        if not room.join(data.token, team):
            return _problem(409, "this phone is in another team")
        room.submit(PhoneVote(data.question, data.token, data.option - 1, team,
                              None if data.was is None else data.was - 1))
        return Response(status_code=202, headers=_SECURITY_HEADERS)

    async def missing(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        return _problem(status if 400 <= status < 500 else 404, "nothing here")

    async def broken(request: Request, exc: Exception) -> Response:
        return _problem(400, "bad request")

    routes = [Route(path, page, methods=["GET"]) for path in _FILES]
    routes += [Route("/api/state", state, methods=["GET"]),
               Route("/api/events", events, methods=["GET"]),
               Route("/api/join", join, methods=["POST"]),
               Route("/api/vote", vote, methods=["POST"])]
    app = Starlette(routes=routes, exception_handlers={404: missing, 405: missing,
                                                       Exception: broken})
    app.state.broadcast = broadcast
    return app


class PortTaken(OSError):
    """No port from the one asked for was free on every address."""


def bind(addresses: Sequence[str], port: int, tries: int = PORT_TRIES) -> list[socket.socket]:
    """Listening sockets on every address at one port (`port` or the next free one)."""
    last: OSError | None = None
    for candidate in range(port, port + max(1, tries)):
        bound: list[socket.socket] = []
        try:
            for address in dict.fromkeys(addresses):
                # IPPROTO_TCP named: asyncio sets TCP_NODELAY on accepted sockets only when
                # it is; without it a reply with a body waited 40 ms on delayed ACKs.
                sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
                bound.append(sock)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                sock.bind((address, candidate))
                sock.listen(256)
                sock.setblocking(False)
            return bound
        except OSError as exc:
            last = exc
            for sock in bound:
                sock.close()
    raise PortTaken(f"no free port from {port} to {port + tries - 1}: {last}")


class PhoneServer:
    """The server running in a background thread; `start` returns once it listens."""

    def __init__(self, room: Room, addresses: Sequence[str], port: int = DEFAULT_PORT,
                 limits: Limits = Limits()) -> None:
        self.room = room
        self.addresses = list(addresses)
        self.requested_port = port
        self.port = port
        self.limits = limits
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self, timeout: float = 10.0) -> None:
        """Bind every address and serve; raises OSError (PortTaken) when it cannot."""
        sockets = bind(self.addresses, self.requested_port)
        self.port = sockets[0].getsockname()[1]
        app = build_app(self.room, self.limits)
        self._broadcast: _Broadcast = app.state.broadcast
        config = uvicorn.Config(app, loop="asyncio", http="h11",
                                lifespan="off", log_level="warning", access_log=False,
                                server_header=False, limit_concurrency=2000,
                                timeout_graceful_shutdown=1, timeout_keep_alive=30)
        server = self._server = uvicorn.Server(config)
        # uvicorn installs signal handlers only in the main thread: here it leaves them alone.
        self._thread = threading.Thread(target=server.run, kwargs={"sockets": sockets},
                                        name="phones-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise OSError("the phones' server did not start")
            time.sleep(0.01)

    def urls(self) -> list[str]:
        """The address a phone types (without the room code), one per bound address."""
        return [f"http://{a}:{self.port}" for a in self.addresses if a != "127.0.0.1"] or [
            f"http://{a}:{self.port}" for a in self.addresses]

    def stop(self, timeout: float = 3.0) -> None:
        """Stop serving (open event streams are closed) and wait for the thread."""
        if self._server is not None:
            self._broadcast.close()
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        self._server, self._thread = None, None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()


def join_url(base: str, code: str) -> str:
    """The address a QR code carries: the page, with the room code so it joins at once."""
    return f"{base}/?room={code}"
