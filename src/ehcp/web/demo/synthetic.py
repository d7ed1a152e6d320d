"""A synthetic caseload: plausible EHC journeys with obviously fake names.

Outcomes and delays are drawn to roughly match national figures for England: about a quarter
of requests refused, about half of new plans issued within 20 weeks, most advice on time but
health and educational psychology often late. Events after `today` are not generated. Every
story is checked by `ehcp.rules.find_problems` before use.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from ehcp.rules import CaseFacts, Event, find_problems

FIRST_NAMES: Final = (
    "Alex",
    "Sam",
    "Jordan",
    "Riley",
    "Casey",
    "Morgan",
    "Charlie",
    "Jamie",
    "Robin",
    "Taylor",
    "Ash",
    "Frankie",
    "Jesse",
    "Kit",
    "Noor",
    "Remi",
    "Sasha",
    "Toby",
    "Ivy",
    "Zain",
)
LAST_NAMES: Final = (
    "Testington",
    "Sampleford",
    "Fakeley",
    "Demoson",
    "Mockworth",
    "Placeholder",
    "Dummybrook",
    "Examplewood",
    "Fictionshaw",
    "Pretendall",
    "Madeupton",
    "Notrealby",
    "Specimen",
    "Trialsby",
)
SERVICES: Final = {
    "educational_psychology": ("Demo Educational Psychology Service", 0.55),
    "health": ("Demo ICB Community Paediatrics", 0.65),
    "social_care": ("Demo Children's Social Care", 0.7),
    "school": ("", 0.85),
}
REFUSAL_RATE: Final = 0.25
NOT_ISSUE_RATE: Final = 0.06
TWENTY_WEEK_RATE: Final = 0.48


@dataclass
class Story:
    first_name: str
    last_name: str
    date_of_birth: date
    upn: str
    postcode: str
    school: int
    events: list[tuple[Event, str]] = field(default_factory=list)

    def facts(self) -> CaseFacts:
        return CaseFacts(events=tuple(e for e, _ in self.events), date_of_birth=self.date_of_birth)


class Generator:
    def __init__(self, today: date, seed: int = 2026, schools: int = 40) -> None:
        self.today = today
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
        self.schools = schools

    def days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self.rng.randint(low, high))

    def add(self, story: Story, when: date, name: str, kind: str = "", party: str = "") -> bool:
        """Append the event if it has happened by today; say whether it did."""
        if when > self.today:
            return False
        story.events.append((Event(when, name, kind or None), party))
        return True

    def story(self, received: date) -> Story:
        rng = self.rng
        story = Story(
            first_name=rng.choice(FIRST_NAMES),
            last_name=rng.choice(LAST_NAMES),
            date_of_birth=received - self.days(2 * 365, 17 * 365),
            upn=f"Z{rng.randrange(10**11):011d}A",
            postcode=f"ZZ99 {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}Z",
            school=rng.randrange(self.schools),
        )
        self.add(story, received, "request_received")
        self.decide(story, received)
        return story

    def decide(self, story: Story, received: date) -> None:
        on_time = self.rng.random() < 0.85
        decided = received + (self.days(28, 42) if on_time else self.days(43, 75))
        refused = self.rng.random() < REFUSAL_RATE
        if not self.add(
            story, decided, "decision_to_assess_notified", "refuse" if refused else "assess"
        ):
            return
        if refused:
            self.maybe_appeal(story, decided)
            return
        self.ask_advice(story, decided)
        self.plan(story, received, decided)

    def maybe_appeal(self, story: Story, decided: date) -> None:
        if self.rng.random() < 0.08:
            self.add(story, decided + self.days(20, 60), "appeal_lodged")

    def ask_advice(self, story: Story, decided: date, school_name: str = "") -> None:
        for contributor, (service, on_time_rate) in SERVICES.items():
            asked = decided + self.days(0, 7)
            party = service or "The child's school"
            if not self.add(story, asked, "advice_requested", contributor, party):
                continue
            late = self.rng.random() > on_time_rate
            received = asked + (self.days(43, 100) if late else self.days(14, 42))
            self.add(story, received, "advice_received", contributor, party)

    def plan(self, story: Story, received: date, decided: date) -> None:
        rng = self.rng
        if rng.random() < NOT_ISSUE_RATE:
            self.add(story, received + self.days(95, 140), "decision_not_to_issue_notified")
            return
        quick = rng.random() < TWENTY_WEEK_RATE
        final = received + (self.days(105, 140) if quick else self.days(141, 330))
        draft = max(final - self.days(15, 40), decided + timedelta(days=7))
        if not self.add(story, draft, "draft_plan_served"):
            return
        if final <= draft:
            final = draft + self.days(15, 30)
        if self.add(story, final, "final_plan_issued"):
            self.interim_reviews(story, final)
            self.reviews(story, final)

    def interim_reviews(self, story: Story, issued: date) -> None:
        """Under-fives: an interim review about every six months until they turn five."""
        fifth = story.date_of_birth.replace(year=story.date_of_birth.year + 5, day=1)
        held = issued + self.days(150, 175)
        while held < fifth and self.add(story, held, "interim_review_held"):
            held += self.days(150, 175)

    def reviews(self, story: Story, issued: date) -> None:
        previous = issued
        while True:
            meeting = previous + self.days(320, 380)
            self.add(story, meeting - self.days(15, 30), "review_invitations_sent")
            self.add(story, meeting - self.days(14, 20), "review_advice_circulated")
            if not self.add(story, meeting, "review_meeting_held"):
                return
            report = self.days(3, 14) if self.rng.random() < 0.85 else self.days(15, 35)
            self.add(story, meeting + report, "review_report_sent")
            decision = meeting + (
                self.days(7, 28) if self.rng.random() < 0.8 else self.days(29, 70)
            )
            kind = self.rng.choices(("keep", "amend", "cease"), (70, 26, 4))[0]
            if not self.add(story, decision, "review_decision_notified", kind):
                return
            if kind == "cease":
                self.add(story, decision + self.days(30, 60), "plan_ceased")
                return
            if kind == "amend":
                self.amend(story, decision)
            previous = meeting

    def amend(self, story: Story, decided: date) -> None:
        if self.add(story, decided, "amendment_notice_served"):
            self.add(story, decided + self.days(30, 90), "amended_plan_issued")

    def caseload(self, count: int, years: int = 3) -> list[Story]:
        """`count` checked stories with requests spread over the last `years` years."""
        start = self.today - timedelta(days=365 * years)
        stories: list[Story] = []
        while len(stories) < count:
            received = start + self.days(0, (self.today - start).days)
            if received.weekday() >= 5:
                continue
            story = self.story(received)
            if not find_problems(story.facts(), self.today):
                stories.append(story)
        return stories
