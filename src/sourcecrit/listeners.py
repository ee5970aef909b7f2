"""Callbacks to tell when something changes, held so that a closed widget is not kept alive."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any


class Listeners:
    """A list of callbacks: bound methods are held weakly (their widget may be gone), other
    callables strongly. :meth:`call` calls every live one with the same arguments."""

    def __init__(self) -> None:
        self._refs: list[Callable[[], Any]] = []

    def add(self, callback: Callable[..., Any]) -> None:
        """Call ``callback`` on every :meth:`call` from now on."""
        if hasattr(callback, "__self__") and hasattr(callback, "__func__"):
            self._refs.append(weakref.WeakMethod(callback))  # type: ignore[arg-type]
        else:
            self._refs.append(lambda: callback)

    def call(self, *args: Any) -> None:
        """Call every live callback with ``args``; dead ones are dropped.

        Every callback is called even when one fails; the first failure is then raised.
        """
        failure: Exception | None = None
        for ref in list(self._refs):
            callback = ref()
            if callback is None:
                self._refs.remove(ref)
                continue
            try:
                callback(*args)
            except Exception as exc:
                failure = failure or exc
        if failure is not None:
            raise failure

    def __len__(self) -> int:
        return sum(ref() is not None for ref in self._refs)
