"""Keep personal data out of logs: query strings (where search terms travel) are dropped
from request lines before any handler sees them."""

from __future__ import annotations

import logging
import re

QUERY_STRING = re.compile(r"\?[^\s\"']*")


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = QUERY_STRING.sub("?[redacted]", message)
        record.args = ()
        return True
