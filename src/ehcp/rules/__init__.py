"""The statutory clock for England's EHC process: pure, deterministic, cited.

Facts in (`CaseFacts`), schedule out (`compute_schedule`). Nothing here reads the clock,
settings or a database; `today` and the working-day calendar are always parameters.
"""

from ehcp.rules.calendar import EnglandCalendar, WorkingDayCalendar
from ehcp.rules.engine import compute_schedule
from ehcp.rules.events import (
    EVENT_TYPES,
    CaseFacts,
    Event,
    EventType,
    RecordedException,
    SettingClosure,
)
from ehcp.rules.schedule import Deadline, Status
from ehcp.rules.timescales import TIMESCALES, Timescale
from ehcp.rules.validation import FactsError, find_problems, validate_facts

RULES_VERSION = "2026.12.1"

__all__ = [
    "EVENT_TYPES",
    "RULES_VERSION",
    "TIMESCALES",
    "CaseFacts",
    "Deadline",
    "EnglandCalendar",
    "Event",
    "EventType",
    "FactsError",
    "RecordedException",
    "SettingClosure",
    "Status",
    "Timescale",
    "WorkingDayCalendar",
    "compute_schedule",
    "find_problems",
    "validate_facts",
]
