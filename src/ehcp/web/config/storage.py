"""Static files, with each address worked out once per process: every page's layout asks for
the same few, and working one out (joining and quoting) costs more than the rest of its tag."""

from __future__ import annotations

from typing import Any

from django.contrib.staticfiles.storage import StaticFilesStorage


class StaticStorage(StaticFilesStorage):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._addresses: dict[str, str] = {}

    def url(self, name: str | None) -> str:
        if name is None:
            return super().url(name)
        if name not in self._addresses:
            self._addresses[name] = super().url(name)
        return self._addresses[name]
