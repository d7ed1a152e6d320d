"""The shared Redis cache production uses (`EHCP_CACHE_URL`), against the local Redis server."""

from __future__ import annotations

import socket

import pytest

REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_is_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


pytestmark = pytest.mark.skipif(not redis_is_running(), reason="no Redis on 127.0.0.1:6379")


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
