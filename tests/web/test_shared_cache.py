"""The shared Redis cache production uses (`EHCP_CACHE_URL`), against the local Redis server."""

from __future__ import annotations

import os
import runpy
import socket

import pytest
from django.core.cache import caches

from ehcp.web.config import settings as settings_module

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


def test_the_production_cache_round_trips_a_member_record():
    from django_redis.cache import RedisCache

    from ehcp.web.caching import MemberRecord

    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": "ehcp-test"})
    record = MemberRecord(
        user_id=1,
        username="a@example.org",
        email="a@example.org",
        first_name="Casey",
        last_name="Worker",
        password="md5$x$y",
        is_active=True,
        membership_id=2,
        role="caseworker",
        organisation_id=3,
        organisation_name="Council A",
        organisation_kind="council",
        la_code="901",
    )
    cache.set("member", record, 30)
    assert cache.get("member") == record
    cache.delete("member")
    assert cache.get("member") is None


def test_production_settings_keep_the_cache_and_sessions_in_redis(settings, monkeypatch):
    monkeypatch.setenv("EHCP_CACHE_URL", REDIS_URL)
    production = runpy.run_path(settings_module.__file__)
    settings.CACHES = production["CACHES"]
    cache = caches["default"]
    from django_redis.cache import RedisCache

    assert isinstance(cache, RedisCache)
    key = f"ehcp-test-production-{os.getpid()}"
    cache.set(key, 1, 30)
    assert cache.incr(key) == 2
    cache.delete(key)
    assert production["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
