"""Linking after articles are ingested over the API, in the background and coalesced.

``link`` rebuilds speakers and statements over the whole store, so running it inside each ``POST`` would make
every request as slow as the corpus is large. Instead an ingest asks for a re-link and returns; one
background thread runs ``link`` with its own store connection, and any number of requests made while it runs
are served by one more run after it. Searches see the new quotes at once, the new echoes and canonical
speakers when that run ends.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from quotetrace.store import Store

log = logging.getLogger(__name__)

LinkRun = Callable[[Store], object]


def _default_link(store: Store) -> object:
    from quotetrace.link import link  # the embedding model loads only when a server actually links

    return link(store)


class Relinker:
    """Runs ``link`` over the store at ``db_path`` after each request, one run at a time."""

    def __init__(self, db_path: str, run: LinkRun | None = None) -> None:
        self.db_path = db_path
        self._run = run or _default_link
        self._wanted = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.runs = 0
        self.last_error: str | None = None

    def request(self) -> None:
        """Ask for a re-link; returns at once."""
        with self._lock:
            self._idle.clear()
            self._wanted.set()
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="quotetrace-relink", daemon=True)
                self._thread.start()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no re-link is asked for or running; False on timeout."""
        return self._idle.wait(timeout)

    def _loop(self) -> None:
        store: Store | None = None
        while True:
            self._wanted.wait()
            self._wanted.clear()
            try:
                store = store or Store(self.db_path, create=False)
                self._run(store)
                self.last_error = None
            except Exception as error:  # a failed link must not stop later ones; the store keeps the last links
                self.last_error = f"{type(error).__name__}: {error}"
                log.exception("re-link after ingest failed")
            self.runs += 1
            with self._lock:
                if not self._wanted.is_set():
                    self._idle.set()
