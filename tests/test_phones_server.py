"""The phones' server against what a phone (or a stranger) may send: only a well-formed vote
for the question on the projector, with the room code, at a human pace, reaches the game."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from game.core.votes import Option, PhoneVote, Question
from game.phones.room import RateLimit, Room, new_code
from game.phones.server import MAX_BODY, Limits, PhoneServer

TOKEN = "phone-token-0000000001"
QUESTION = Question("s:job:offer:0", "choices",
                    (Option(1, {"en": "Call the number"}), Option(2, {"en": "Ask a friend"})))


@pytest.fixture()
def served() -> Iterator[tuple[Room, httpx.Client]]:
    room = Room("ACDE")
    room.publish(QUESTION)
    server = PhoneServer(room, ["127.0.0.1"], 0)
    server.start()
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{server.port}", timeout=10) as client:
            yield room, client
    finally:
        server.stop()


def _vote(**changes: object) -> dict[str, object]:
    return {"room": "ACDE", "token": TOKEN, "question": QUESTION.id, "option": 2, **changes}


def test_a_good_vote_reaches_the_game_as_a_command(served: tuple[Room, httpx.Client]) -> None:
    room, client = served
    assert client.post("/api/vote", json=_vote()).status_code == 202
    assert room.take_votes() == [PhoneVote(QUESTION.id, TOKEN, 1, None, None)]


def test_the_page_and_its_script_are_served_with_a_policy_that_forbids_outside_requests(
        served: tuple[Room, httpx.Client]) -> None:
    _, client = served
    page = client.get("/")
    assert page.status_code == 200
    assert '<script src="/page.js">' in page.text
    assert "http" not in page.text.replace('http-equiv', '')  # nothing from outside
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    script = client.get("/page.js").text
    assert "innerHTML" not in script and "http://" not in script and "https://" not in script
    assert client.get("/page.css").status_code == 200


@pytest.mark.parametrize("body", [b"{", b"not json", b'{"room": "ACDE",', b"\xff\xfe"])
def test_malformed_json_is_a_400(served: tuple[Room, httpx.Client], body: bytes) -> None:
    room, client = served
    answer = client.post("/api/vote", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 400
    assert room.take_votes() == []


def test_a_huge_body_is_a_413_declared_or_not(served: tuple[Room, httpx.Client]) -> None:
    room, client = served
    huge = b'{"room": "ACDE", "pad": "' + b"x" * (10 * MAX_BODY) + b'"}'
    declared = client.post("/api/vote", content=huge, headers={"content-type": "application/json"})
    assert declared.status_code == 413

    def chunks() -> Iterator[bytes]:  # chunked: no content-length to trust
        for _ in range(100):
            yield b"x" * 1024

    streamed = client.post("/api/vote", content=chunks(),
                           headers={"content-type": "application/json"})
    assert streamed.status_code == 413
    assert room.take_votes() == []


def test_a_wrong_room_code_is_a_403_everywhere(served: tuple[Room, httpx.Client]) -> None:
    room, client = served
    assert client.post("/api/vote", json=_vote(room="WXYZ")).status_code == 403
    assert client.post("/api/join", json={"room": "WXYZ", "token": TOKEN}).status_code == 403
    assert client.get(f"/api/state?room=WXYZ&token={TOKEN}").status_code == 403
    assert client.get(f"/api/events?room=WXYZ&token={TOKEN}").status_code == 403
    assert client.get(f"/api/state?token={TOKEN}").status_code == 403
    assert room.take_votes() == []


def test_a_vote_for_a_question_no_longer_on_screen_is_a_409(
        served: tuple[Room, httpx.Client]) -> None:
    room, client = served
    assert client.post("/api/vote", json=_vote(question="s:job:offer:1")).status_code == 409
    room.publish(None)
    assert client.post("/api/vote", json=_vote()).status_code == 409
    room.publish(Question(QUESTION.id, "choices", QUESTION.options, open=False))
    assert client.post("/api/vote", json=_vote()).status_code == 409
    assert room.take_votes() == []


@pytest.mark.parametrize("changes", [
    {"token": "<script>alert(1)</script>"},
    {"question": "<img src=x onerror=alert(1)>"},
    {"room": "<b>ACDE</b>"},
    {"option": "<b>2</b>"},
    {"team": "<i>1</i>"},
    {"extra": "<script>"},
    {"option": "2"},  # strict: a number as text is not what the page sends
    {"option": True},
    {"option": 0},
    {"option": 3},  # the question has two options
    {"token": "short"},
])
def test_anything_else_in_a_field_is_refused(served: tuple[Room, httpx.Client],
                                             changes: dict[str, object]) -> None:
    room, client = served
    answer = client.post("/api/vote", json=_vote(**changes))
    assert 400 <= answer.status_code < 500
    assert "<" not in answer.text  # nothing sent is echoed back
    assert room.take_votes() == []


def test_not_json_content_and_unknown_paths_and_methods_are_4xx(
        served: tuple[Room, httpx.Client]) -> None:
    _, client = served
    assert client.post("/api/vote", data={"room": "ACDE"}).status_code == 415
    assert client.get("/admin").status_code == 404
    assert client.get("/../../etc/passwd").status_code == 404
    assert client.get("/api/vote").status_code == 405
    assert client.delete("/").status_code == 405


def test_a_phone_picks_its_team_once(served: tuple[Room, httpx.Client]) -> None:
    room, client = served
    room.publish(Question("c:deck:0", "scale", QUESTION.options, teams=("Red", "Blue")))
    assert client.post("/api/join", json={"room": "ACDE", "token": TOKEN, "team": 1}
                       ).status_code == 200
    assert client.post("/api/join", json={"room": "ACDE", "token": TOKEN, "team": 2}
                       ).status_code == 409
    assert client.post("/api/vote", json=_vote(question="c:deck:0", team=2)).status_code == 409
    assert client.post("/api/vote", json=_vote(question="c:deck:0")).status_code == 422
    assert client.post("/api/vote", json=_vote(question="c:deck:0", team=1)).status_code == 202
    assert room.take_votes() == [PhoneVote("c:deck:0", TOKEN, 1, 0, None)]
    assert client.get(f"/api/state?room=ACDE&token={TOKEN}").json()["team"] == 1
    assert room.phones == 1


def test_a_flooding_phone_is_slowed_and_the_others_still_vote() -> None:
    room = Room("ACDE")
    room.publish(QUESTION)
    server = PhoneServer(room, ["127.0.0.1"], 0, Limits(phone_rate=4, phone_burst=8,
                                                        address_rate=10_000,
                                                        address_burst=10_000))
    server.start()
    try:
        # One phone's loop as fast as it can go over one connection (about 1,000 a second
        # here), then a second phone.
        with httpx.Client(base_url=f"http://127.0.0.1:{server.port}", timeout=10) as client:
            statuses = [client.post("/api/vote", json=_vote()).status_code
                        for _ in range(1000)]
            statuses.append(client.post("/api/vote",
                                        json=_vote(token="another-phone-000001")).status_code)
    finally:
        server.stop()
    flooder, other = statuses[:-1], statuses[-1]
    assert set(flooder) <= {202, 429}
    assert flooder.count(429) >= 900  # 8 at once, then 4 a second
    assert other == 202
    votes = room.take_votes()
    assert len(votes) == flooder.count(202) + 1


def test_an_address_sending_many_tokens_is_slowed_too(served: tuple[Room, httpx.Client]) -> None:
    room, client = served
    statuses = [client.post("/api/vote", json=_vote(token=f"forged-token-{i:08d}")).status_code
                for i in range(100)]
    assert 429 in statuses
    assert len(room.take_votes()) == statuses.count(202) < 100


def test_the_rate_limit_refills_with_time() -> None:
    now = [0.0]
    limit = RateLimit(rate=2, burst=2, clock=lambda: now[0])
    assert [limit.allow("p") for _ in range(3)] == [True, True, False]
    now[0] = 0.5
    assert limit.allow("p") and not limit.allow("p")
    assert limit.allow("q")


def test_room_codes_are_short_and_avoid_letters_a_back_row_confuses() -> None:
    codes = {new_code() for _ in range(200)}
    assert all(len(c) == 4 for c in codes)
    assert not any(set(c) & set("0O1IL2Z5S8B6G") for c in codes)
    assert len(codes) > 150
