"""The shared Redis cache production uses (`EHCP_CACHE_URL`), against the local Redis server."""

from __future__ import annotations

import socket

import pytest

from ehcp.web.config.cache import SharedClientRedisCache

REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_is_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


pytestmark = pytest.mark.skipif(not redis_is_running(), reason="no Redis on 127.0.0.1:6379")


def test_one_client_serves_every_call_and_values_round_trip():
    cache = SharedClientRedisCache(REDIS_URL, {"KEY_PREFIX": "ehcp-test"})
    client = cache._cache.get_client()
    assert cache._cache.get_client() is client
    cache.set("member", {"name": "Caseworker User", "role": "caseworker"}, 30)
    assert cache.get("member") == {"name": "Caseworker User", "role": "caseworker"}
    cache.delete("member")
    assert cache.get("member") is None
    assert cache._cache.get_client() is client
