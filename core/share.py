"""Share links: a scenario (with its seed) packed into a URL-safe string.

The packed text is compressed JSON in base64url; unpacking validates it like
any scenario file, so a broken or tampered link gives a clear message.
"""

from __future__ import annotations

import base64
import binascii
import zlib

from core.errors import ScenarioError
from core.scenario import Scenario, dump_scenario, parse_scenario

MAX_LINK_CHARS = 20_000
MAX_UNPACKED_BYTES = 200_000


def pack(scenario: Scenario) -> str:
    """The scenario as a compact URL-safe token."""
    raw = zlib.compress(dump_scenario(scenario).encode("utf-8"), level=9)
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def unpack(token: str) -> Scenario:
    """The scenario inside a share token; every failure is a ScenarioError."""
    token = token.strip()
    if not token or len(token) > MAX_LINK_CHARS:
        raise ScenarioError("error.share_link")
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        inflater = zlib.decompressobj()
        text = inflater.decompress(raw, MAX_UNPACKED_BYTES)
        if inflater.unconsumed_tail:
            raise ScenarioError("error.share_link")
    except (binascii.Error, zlib.error, ValueError) as exc:
        raise ScenarioError("error.share_link") from exc
    return parse_scenario(text)
