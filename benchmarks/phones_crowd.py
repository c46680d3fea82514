"""A crowd of simulated phones for bench_phones.py: run in its own process, like real phones.

Each phone has its own connection, joins (reads the state), keeps the event stream open
as the page does, then votes once at a random moment inside the window. Prints one JSON
list: per phone the moment its vote was sent (time.monotonic, comparable across
processes on one machine), when the answer came, and its status.

Two clients: httpx (async), and `--client raw`, plain asyncio streams writing HTTP/1.1 by
hand. On a two-core machine 200 httpx clients in one process spend a few hundred
milliseconds of their own CPU per burst, which real phones (each its own computer) do
not: the raw client measures the game, httpx shows what a heavy client adds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import secrets
import sys
import time
from contextlib import AsyncExitStack

import httpx


async def join(base: str, code: str, stack: AsyncExitStack) -> tuple[httpx.AsyncClient, str]:
    """A phone scanning the QR code: its page reads the state and opens the event stream."""
    token = secrets.token_urlsafe(18)
    client = await stack.enter_async_context(
        httpx.AsyncClient(base_url=base, timeout=30, limits=httpx.Limits(max_connections=2)))
    query = {"room": code, "token": token}
    (await client.get("/api/state", params=query)).raise_for_status()
    stream = await stack.enter_async_context(client.stream("GET", "/api/events", params=query))
    stream.raise_for_status()
    return client, token


async def vote(client: httpx.AsyncClient, token: str, args: argparse.Namespace,
               at: float) -> dict[str, object]:
    """One tap at the moment `at`."""
    await asyncio.sleep(max(0.0, at - time.monotonic()))
    sent = time.monotonic()
    answer = await client.post("/api/vote", json={
        "room": args.code, "token": token, "question": args.question,
        "option": random.randint(1, args.options)})
    return {"token": token, "sent": sent, "answered": time.monotonic(),
            "status": answer.status_code}


class RawPhone:
    """One phone over asyncio streams: a connection for votes, one for the event stream."""

    def __init__(self, port: int, code: str) -> None:
        self.port, self.code = port, code
        self.token = secrets.token_urlsafe(18)
        self.streams: list[asyncio.StreamWriter] = []

    async def join(self) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        events_r, events_w = await asyncio.open_connection("127.0.0.1", self.port)
        self.streams.append(events_w)
        events_w.write(f"GET /api/events?room={self.code}&token={self.token} HTTP/1.1\r\n"
                       "Host: phone\r\n\r\n".encode())
        await events_w.drain()
        await events_r.readuntil(b"data:")

    async def vote(self, question: str, option: int, at: float) -> dict[str, object]:
        await asyncio.sleep(max(0.0, at - time.monotonic()))
        body = json.dumps({"room": self.code, "token": self.token, "question": question,
                           "option": option}).encode()
        sent = time.monotonic()
        self.writer.write(b"POST /api/vote HTTP/1.1\r\nHost: phone\r\nContent-Type: "
                          b"application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        return {"token": self.token, "sent": sent, "answered": time.monotonic(),
                "status": status}

    def close(self) -> None:
        for writer in [self.writer, *self.streams]:
            writer.close()


async def raw_crowd(args: argparse.Namespace) -> list[dict[str, object]]:
    port = int(args.base.rsplit(":", 1)[1])
    phones = [RawPhone(port, args.code) for _ in range(args.phones)]
    await asyncio.wait_for(asyncio.gather(*(p.join() for p in phones)), 120)
    print(json.dumps({"joined": len(phones)}), file=sys.stderr, flush=True)
    await asyncio.sleep(args.settle)
    start = time.monotonic()
    try:
        return await asyncio.wait_for(asyncio.gather(*(
            p.vote(args.question, random.randint(1, args.options),
                   start + random.uniform(0, args.window)) for p in phones)), 120)
    finally:
        for p in phones:
            p.close()


async def crowd(args: argparse.Namespace) -> list[dict[str, object]]:
    if args.client == "raw":
        return await raw_crowd(args)
    async with AsyncExitStack() as stack:
        phones = await asyncio.wait_for(
            asyncio.gather(*(join(args.base, args.code, stack) for _ in range(args.phones))), 120)
        print(json.dumps({"joined": len(phones)}), file=sys.stderr, flush=True)
        await asyncio.sleep(args.settle)
        start = time.monotonic()
        moments = [start + random.uniform(0, args.window) for _ in phones]
        return await asyncio.wait_for(asyncio.gather(
            *(vote(c, t, args, at) for (c, t), at in zip(phones, moments))), 120)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--code", required=True)
    parser.add_argument("--question", required=True)
    parser.add_argument("--options", type=int, required=True)
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--window", type=float, default=1.0)
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw")
    parser.add_argument("--settle", type=float, default=2.0,
                        help="seconds between joining and voting (the quiet room is timed)")
    args = parser.parse_args()
    json.dump(asyncio.run(crowd(args)), sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
