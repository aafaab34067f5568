"""A headless Streamlit session: the browser's side of the websocket, without a browser.

The load benchmark uses it to measure what the *server* needs per session. In a
workshop every participant's browser runs on their own laptop; on this 2-core
machine ten Chromium instances would take most of the CPU the server needs, so
their settle times measure the browsers, not Serre. This client speaks the same
protocol (``/_stcore/stream``, protobuf ``BackMsg``/``ForwardMsg``) and counts a
step as settled when the server reports the script run finished successfully.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websockets
from streamlit.proto.AppPage_pb2 import AppPage
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

FINISHED = ForwardMsg.ScriptFinishedStatus
DONE = {FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


@dataclass
class StreamSession:
    """One user's session: open pages and flip toggles, as the browser would."""

    url: str
    pages: dict[str, str] = field(default_factory=dict)  # url path -> page script hash
    toggles: dict[str, tuple[str, bool]] = field(default_factory=dict)  # key -> (id, value)
    exceptions: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)  # of the last run, for checks
    metrics: dict[str, str] = field(default_factory=dict)  # label -> shown value, last run
    received_bytes: int = 0
    _ws: websockets.ClientConnection | None = None
    _page_hash: str = ""

    async def __aenter__(self) -> StreamSession:
        parts = urlsplit(self.url)
        self._ws = await websockets.connect(
            f"ws://{parts.netloc}/_stcore/stream",
            subprotocols=[websockets.Subprotocol("streamlit")],
            origin=websockets.Origin(f"http://{parts.netloc}"),
            max_size=None,
        )
        return self

    async def __aexit__(self, *_exc: object) -> None:
        if self._ws is not None:
            await self._ws.close()

    async def open(self, path: str = "", timeout: float = 120) -> float:
        """Open a page by its URL path ('' for Home); seconds until its run finished."""
        msg = BackMsg()
        state = msg.rerun_script
        state.page_name = path
        state.page_script_hash = self.pages.get(path, "")
        state.query_string = ""
        return await self._run(msg, timeout)

    async def flip(self, key: str, timeout: float = 120) -> float:
        """Change the toggle with this Streamlit key; seconds until the rerun finished."""
        widget_id, value = self.toggles[key]
        msg = BackMsg()
        state = msg.rerun_script
        state.page_script_hash = self._page_hash
        state.widget_states.CopyFrom(
            WidgetStates(widgets=[WidgetState(id=widget_id, bool_value=not value)])
        )
        return await self._run(msg, timeout)

    async def _run(self, msg: BackMsg, timeout: float) -> float:
        assert self._ws is not None
        start = time.monotonic()
        self.headings, self.metrics = [], {}
        await self._ws.send(msg.SerializeToString())
        async with asyncio.timeout(timeout):
            while True:
                data = await self._ws.recv()
                self.received_bytes += len(data)
                fwd = ForwardMsg()
                fwd.ParseFromString(data)
                kind = fwd.WhichOneof("type")
                if kind == "new_session":
                    self._page_hash = fwd.new_session.page_script_hash
                    self._learn_pages(fwd.new_session.app_pages)
                elif kind == "navigation":
                    self._page_hash = fwd.navigation.page_script_hash
                    self._learn_pages(fwd.navigation.app_pages)
                elif kind == "page_info_changed":
                    pass
                elif kind == "delta":
                    self._learn_element(fwd)
                elif kind == "script_finished":
                    if fwd.script_finished == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                        self.exceptions.append("compile error")
                        break
                    if fwd.script_finished in DONE:
                        break
        return time.monotonic() - start

    def _learn_pages(self, pages: Iterable[AppPage]) -> None:
        for page in pages:
            self.pages[page.url_pathname] = page.page_script_hash

    def _learn_element(self, fwd: ForwardMsg) -> None:
        delta = fwd.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.exceptions.append(element.exception.type or "exception")
        elif kind == "heading":
            self.headings.append(element.heading.body)
        elif kind == "metric":
            self.metrics[element.metric.label] = element.metric.body
        elif kind == "checkbox":
            box = element.checkbox
            key = box.id.rsplit("-", 1)[-1] if "-" in box.id else box.id
            self.toggles[key] = (box.id, box.value if box.set_value else box.default)
