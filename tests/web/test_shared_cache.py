"""The shared Redis cache production uses (`EHCP_CACHE_URL`), against the local Redis server."""

from __future__ import annotations

import os
import runpy
import socket

import pytest
from django.core.cache import caches

from ehcp.web.config import settings as settings_module
from ehcp.web.config.cache import SharedClientRedisCache

from ..required import skip_or_fail

REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_is_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.fixture(autouse=True)
def _redis() -> None:
    if not redis_is_running():
        skip_or_fail("no Redis on 127.0.0.1:6379")


def test_one_client_serves_every_call_and_values_round_trip():
    cache = SharedClientRedisCache(REDIS_URL, {"KEY_PREFIX": "ehcp-test"})
    client = cache._cache.get_client()
    assert cache._cache.get_client() is client
    cache.set("member", {"name": "Caseworker User", "role": "caseworker"}, 30)
    assert cache.get("member") == {"name": "Caseworker User", "role": "caseworker"}
    cache.delete("member")
    assert cache.get("member") is None
    assert cache._cache.get_client() is client


def test_production_settings_keep_the_cache_and_sessions_in_redis(settings, monkeypatch):
    monkeypatch.setenv("EHCP_CACHE_URL", REDIS_URL)
    production = runpy.run_path(settings_module.__file__)
    settings.CACHES = production["CACHES"]
    cache = caches["default"]
    assert isinstance(cache, SharedClientRedisCache)
    key = f"ehcp-test-production-{os.getpid()}"
    cache.set(key, 1, 30)
    assert cache.incr(key) == 2
    cache.delete(key)
    assert production["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
