"""Share links: today's scenario and the mix being edited, packed into a URL-safe string.

The packed text is compressed JSON in base64url; unpacking validates it like
any scenario file, so a broken or tampered link gives a clear message.

Two payloads are read: the first links carried one scenario document (its
policy became "today"); links written now carry ``{"share": 2, "scenario":
..., "mix": ...}`` so the recipient sees the same before/after.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from dataclasses import dataclass

from core.errors import ScenarioError
from core.scenario import (
    Policy,
    Scenario,
    check_json_shape,
    dump_scenario,
    parse_scenario,
    validate_scenario,
    with_policy,
)

MAX_LINK_CHARS = 20_000
MAX_UNPACKED_BYTES = 200_000
SHARE_FORMAT = 2


@dataclass(frozen=True)
class Shared:
    """What a link carries: the organisation under today's policy, and the mix."""

    scenario: Scenario
    mix: Policy


def _encode(text: str) -> str:
    raw = zlib.compress(text.encode("utf-8"), level=9)
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def pack(scenario: Scenario, mix: Policy | None = None) -> str:
    """The scenario (today's policy) and, when given, the mix as a compact URL-safe token."""
    if mix is None:
        return _encode(dump_scenario(scenario))
    payload = {
        "share": SHARE_FORMAT,
        "scenario": scenario.model_dump(mode="json"),
        "mix": mix.model_dump(mode="json"),
    }
    return _encode(json.dumps(payload, separators=(",", ":"), ensure_ascii=False))


def _decode(token: str) -> str:
    token = token.strip()
    if not token or len(token) > MAX_LINK_CHARS:
        raise ScenarioError("error.share_link")
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        inflater = zlib.decompressobj()
        data = inflater.decompress(raw, MAX_UNPACKED_BYTES)
        if inflater.unconsumed_tail:
            raise ScenarioError("error.share_link")
        return data.decode("utf-8")
    except (binascii.Error, zlib.error, ValueError) as exc:
        raise ScenarioError("error.share_link") from exc


def unpack_shared(token: str) -> Shared:
    """Today's scenario and the mix inside a token (old links: the mix is today's policy)."""
    text = _decode(token)
    if not text.strip():
        raise ScenarioError("error.share_link")
    check_json_shape(text)
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        parse_scenario(text)  # raises the parser's own message (line, column)
        raise ScenarioError("error.share_link") from exc
    if isinstance(data, dict) and "share" in data:
        if data.get("share") != SHARE_FORMAT or set(data) != {"share", "scenario", "mix"}:
            raise ScenarioError("error.share_link")
        scenario = validate_scenario(data["scenario"])
        if not isinstance(data["mix"], dict):
            raise ScenarioError("error.share_link")
        return Shared(scenario, with_policy(scenario, data["mix"]).policy)
    scenario = validate_scenario(data)
    return Shared(scenario, scenario.policy)


def unpack(token: str) -> Scenario:
    """The scenario (today's policy) inside a share token; every failure is a ScenarioError."""
    return unpack_shared(token).scenario
