"""The indicator catalogue: what each published figure means and where it comes from.

Every indicator is data, not code. A `Source` says which file and column(s) of a release
layout ("era") hold it. A source either names the published column (`value`), or derives the
value from other columns of the same row: the sum of `numerator` columns when there is no
denominator, otherwise 100 x numerator / denominator rounded to one decimal place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Era = Literal["aggregate", "person-level", "tribunal"]
Unit = Literal["count", "percent", "weeks", "status"]
Timing = Literal["activity", "census"]

AGGREGATE: Era = "aggregate"
PERSON_LEVEL: Era = "person-level"
TRIBUNAL: Era = "tribunal"

ERA_DESCRIPTIONS: dict[Era, str] = {
    AGGREGATE: "aggregate SEN2 return, release layout up to reporting year 2022",
    PERSON_LEVEL: "person-level SEN2 return, release layout from reporting year 2023",
    TRIBUNAL: "supporting file 'SEND Tribunals and appeal rate' (HMCTS appeals, DfE decisions)",
}

SERIES_BREAK_NOTE = (
    "Series break: the SEN2 return became person-level in January 2023, so figures for "
    "calendar year 2022 onwards (activity) and January 2023 onwards (caseload) are not "
    "directly comparable with earlier years."
)


@dataclass(frozen=True)
class Source:
    era: Era
    file: str
    value: str | None = None
    numerator: tuple[str, ...] = ()
    denominator: tuple[str, ...] = ()
    optional: bool = False
    note: str = ""

    @property
    def derived(self) -> bool:
        return self.value is None

    @property
    def columns(self) -> tuple[str, ...]:
        published = (self.value,) if self.value else ()
        return published + self.numerator + self.denominator


@dataclass(frozen=True)
class Indicator:
    id: str
    title: str
    definition: str
    unit: Unit
    timing: Timing
    higher_is_better: bool | None
    sources: tuple[Source, ...] = ()
    numerator_id: str | None = None
    denominator_id: str | None = None
    caveats: tuple[str, ...] = ()
    break_year: int | None = None
    derivation: str = ""
    series_break_applies: bool = True

    @property
    def series_break_year(self) -> int | None:
        """First year published from the person-level return, where comparisons break."""
        if not self.series_break_applies:
            return None
        if self.break_year is not None:
            return self.break_year
        return 2022 if self.timing == "activity" else 2023


def _pl(
    file: str,
    value: str | None,
    *,
    num: tuple[str, ...] = (),
    den: tuple[str, ...] = (),
    optional: bool = False,
    note: str = "",
) -> Source:
    """A source in the person-level release layout."""
    return Source(PERSON_LEVEL, file, value, num, den, optional, note)


def _ag(
    file: str,
    value: str | None,
    *,
    num: tuple[str, ...] = (),
    den: tuple[str, ...] = (),
    note: str = "",
) -> Source:
    """A source in the aggregate (pre-2023) release layout."""
    return Source(AGGREGATE, file, value, num, den, False, note)


TIMELINESS = "timeliness_20_week.csv"
REQUESTS = "requests.csv"
ASSESSMENTS = "assessments.csv"
MI = "sen2_mi.csv"
TRIBUNAL_FILE = "SEND Tribunals and appeal rate 2014-2024.csv"

_TIMELINESS_CAVEAT = (
    "Plans where mediation or tribunal took place are left out of the timeliness base, so "
    "the base is smaller than the number of new plans."
)

INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "plans_within_20_weeks_pct",
        "EHC plans issued within 20 weeks (including exceptions)",
        "Percentage of EHC plans issued in the calendar year within the statutory 20 weeks "
        "of the request, counting plans where an exception to the time limit applied.",
        "percent",
        "activity",
        True,
        (
            _pl(
                TIMELINESS,
                "pc_plans_issued_within_20_weeks",
                num=("plans_issued_within_20_weeks",),
                den=("plans_issued_den",),
            ),
            _ag(MI, "IncExc20weekRate", num=("IncExc20weekEHC",), den=("TotIncExcEHC",)),
        ),
        "plans_within_20_weeks",
        "plans_within_20_weeks_den",
        (_TIMELINESS_CAVEAT, "2020: the legal time limit was relaxed for part of the year."),
    ),
    Indicator(
        "plans_within_20_weeks",
        "EHC plans issued within 20 weeks (including exceptions), number",
        "Number of EHC plans issued in the calendar year within 20 weeks, exceptions included.",
        "count",
        "activity",
        None,
        (_pl(TIMELINESS, "plans_issued_within_20_weeks"), _ag(MI, "IncExc20weekEHC")),
    ),
    Indicator(
        "plans_within_20_weeks_den",
        "EHC plans issued (20-week base, including exceptions)",
        "Number of EHC plans issued in the calendar year that count towards the 20-week "
        "measure, exceptions included: the denominator of plans_within_20_weeks_pct.",
        "count",
        "activity",
        None,
        (_pl(TIMELINESS, "plans_issued_den"), _ag(MI, "TotIncExcEHC")),
        caveats=(_TIMELINESS_CAVEAT,),
    ),
    Indicator(
        "plans_within_20_weeks_excl_exceptions_pct",
        "EHC plans issued within 20 weeks (excluding exceptions)",
        "Percentage of EHC plans issued within 20 weeks, among plans where no exception to "
        "the time limit applied.",
        "percent",
        "activity",
        True,
        (
            _pl(
                TIMELINESS,
                "PC_plans_issued_20_weeks_ex",
                num=("plans_issued_20_weeks_ex",),
                den=("plans_issued_den_ex",),
            ),
            _ag(MI, "NoExc20weekRate", num=("NoExc20weekEHC",), den=("TotNoExcEHC",)),
        ),
        "plans_within_20_weeks_excl_exceptions",
        "plans_within_20_weeks_excl_exceptions_den",
        (
            _TIMELINESS_CAVEAT,
            "Dorset (2021, 2024) and City of London (2024) classed all new plans as exceptions.",
        ),
    ),
    Indicator(
        "plans_within_20_weeks_excl_exceptions",
        "EHC plans issued within 20 weeks (excluding exceptions), number",
        "Number of EHC plans issued within 20 weeks where no exception applied.",
        "count",
        "activity",
        None,
        (_pl(TIMELINESS, "plans_issued_20_weeks_ex"), _ag(MI, "NoExc20weekEHC")),
    ),
    Indicator(
        "plans_within_20_weeks_excl_exceptions_den",
        "EHC plans issued (20-week base, excluding exceptions)",
        "Number of EHC plans issued in the calendar year where no exception applied: the "
        "denominator of plans_within_20_weeks_excl_exceptions_pct.",
        "count",
        "activity",
        None,
        (_pl(TIMELINESS, "plans_issued_den_ex"), _ag(MI, "TotNoExcEHC")),
    ),
    Indicator(
        "avg_weeks_to_issue",
        "Average weeks from request to plan",
        "Average number of weeks from the request for assessment to the issue of the EHC "
        "plan, including exceptions.",
        "weeks",
        "activity",
        False,
        (
            _pl(
                TIMELINESS,
                "avg_weeks_issue_plan",
                optional=True,
                note="first published in the reporting year 2026 release",
            ),
        ),
        caveats=(
            "Not published in the reporting year 2022 or 2025 releases: no figures until "
            "a 2026 or later release is imported.",
        ),
    ),
    Indicator(
        "requests_received",
        "Requests for an EHC needs assessment",
        "Number of initial requests for an EHC needs assessment received in the calendar year.",
        "count",
        "activity",
        None,
        (_pl(REQUESTS, "requests_received_in_year"), _ag(MI, "InreqEHC")),
    ),
    Indicator(
        "requests_refused",
        "Requests refused",
        "Number of requests where the council decided not to carry out an EHC needs assessment.",
        "count",
        "activity",
        None,
        (_pl(REQUESTS, "requests_decided_not_to_assess"), _ag(MI, "AssRefusedEHC")),
        caveats=("St Helens 2021: published as 0, later corrected by DfE to 107.",),
    ),
    Indicator(
        "requests_refused_pct",
        "Requests refused, % of requests received",
        "Requests the council decided not to assess, as a percentage of all requests "
        "received in the calendar year (including those still undecided or withdrawn).",
        "percent",
        "activity",
        None,
        (
            _pl(
                REQUESTS,
                "request_not_assess_pc",
                num=("requests_decided_not_to_assess",),
                den=("requests_received_in_year",),
            ),
            _ag(MI, "AssRefusedEHC_pc", num=("AssRefusedEHC",), den=("InreqEHC",)),
        ),
        "requests_refused",
        "requests_received",
    ),
    Indicator(
        "requests_refused_pct_of_decided",
        "Requests refused, % of requests decided",
        "Requests the council decided not to assess, as a percentage of requests where it "
        "decided either way (to assess or not).",
        "percent",
        "activity",
        None,
        (
            _pl(
                REQUESTS,
                None,
                num=("requests_decided_not_to_assess",),
                den=("requests_decided_to_assess", "requests_decided_not_to_assess"),
            ),
        ),
        "requests_refused",
        None,
        (
            "Derived by Open EHCP, rounded to 1 decimal place; DfE does not publish this rate.",
            "Not available before 2023: the aggregate return did not count decisions to assess.",
        ),
    ),
    Indicator(
        "request_decisions_within_6_weeks_pct",
        "Request decisions made within 6 weeks",
        "Percentage of decisions on whether to assess that were made within 6 weeks of the "
        "request.",
        "percent",
        "activity",
        True,
        (
            _pl(
                REQUESTS,
                "request_outcome_six_weeks_pc",
                num=("request_outcome_six_weeks",),
                den=("request_outcome_six_weeks", "request_outcome_over_6_weeks"),
            ),
        ),
        caveats=(
            "The base (decisions within plus after 6 weeks) is not the same as decisions "
            "to assess plus decisions not to assess.",
            "About 2% of published percentages (2023 and 2024) differ from within / "
            "(within + after) by more than rounding, e.g. England 2023: 84.8 published, "
            "84.9 by the formula; the published figure is kept.",
            "Not collected before the person-level return.",
        ),
    ),
    Indicator(
        "assessments_not_issued_pct",
        "Assessments not leading to a plan",
        "Percentage of EHC needs assessments where the council decided not to issue a plan.",
        "percent",
        "activity",
        None,
        (
            _pl(
                ASSESSMENTS,
                "assess_not_issued_pc",
                num=("assess_not_issued",),
                den=("assess_in_year",),
            ),
            _ag(MI, "AssnoneEHC_pc", num=("AssnoneEHC",), den=("NewallEHC_AssnoneEHC_sum",)),
        ),
        caveats=(
            "Base differs by era: before 2022, assessments with a decision (issued or "
            "not); from 2022, all assessments including undecided and withdrawn ones.",
            "Medway 2021: DfE later corrected 223 (42.4%) to 16 (5.0%).",
        ),
    ),
    Indicator(
        "new_plans",
        "New EHC plans",
        "Number of EHC plans that started in the calendar year.",
        "count",
        "activity",
        None,
        (_pl("newplans.csv", "new_ehc_plans"), _ag("sen2_age_new_plans.csv", "Total_new_ehc")),
        caveats=("Before 2014, and in part to 2018, new statements of SEN are not included.",),
    ),
    Indicator(
        "caseload",
        "EHC plans in place (January)",
        "Number of children and young people with an EHC plan at the January census.",
        "count",
        "census",
        None,
        (_pl("caseload.csv", "ehcplans"), _ag("sen2_age_caseload.csv", "Total_ehc")),
        caveats=(
            "Statements of SEN (converted to plans by 2018) are not included.",
            "Hackney and Peterborough, January 2024: totals only.",
        ),
    ),
    Indicator(
        "caseload_growth_pct",
        "Growth in EHC plans in place",
        "Change in the number of EHC plans at the January census since the previous January, "
        "as a percentage of the previous January.",
        "percent",
        "census",
        None,
        numerator_id=None,
        denominator_id="caseload",
        caveats=(
            "Derived by Open EHCP from consecutive caseload figures (possibly from "
            "different releases), rounded to 1 decimal place.",
        ),
        derivation="100 x (caseload in January Y - caseload in January Y-1) / caseload in "
        "January Y-1, for areas with both figures.",
    ),
    Indicator(
        "request_mediations",
        "Mediations about the decision whether to assess",
        "Number of requests for assessment subject to mediation.",
        "count",
        "activity",
        None,
        (_pl(REQUESTS, "mediation_related_request"),),
    ),
    Indicator(
        "assessment_mediations",
        "Mediations about the decision whether to issue a plan",
        "Number of mediations related to the decision after an EHC needs assessment.",
        "count",
        "activity",
        None,
        (_pl(ASSESSMENTS, "number_assess_mediation"),),
    ),
    Indicator(
        "other_mediations",
        "Mediations for other reasons",
        "Number of mediations related to an assessment for reasons other than the decision.",
        "count",
        "activity",
        None,
        (_pl(ASSESSMENTS, "number_other_mediation"),),
    ),
    Indicator(
        "mediations",
        "Mediations held",
        "Number of mediation cases held in the calendar year.",
        "count",
        "activity",
        None,
        (_ag(MI, "NewEHCMediation"),),
        caveats=(
            "From 2022: the sum of request_mediations, assessment_mediations and "
            "other_mediations, derived by Open EHCP where all three are published; the "
            "aggregate return counted mediation cases differently.",
        ),
        derivation="Person-level era: request_mediations + assessment_mediations + "
        "other_mediations (same area, year and breakdown).",
    ),
    Indicator(
        "tribunal_appeals",
        "SEND Tribunal appeals registered",
        "Number of appeals to the SEND Tribunal registered in the calendar year (HMCTS).",
        "count",
        "activity",
        None,
        (
            Source(
                TRIBUNAL,
                TRIBUNAL_FILE,
                "Appeals registered",
                note="'-' is published where the appeal rate is 0.00%: read as 0",
            ),
        ),
        caveats=(
            "Council and England figures only: no regional figures are published.",
            "Counted by HMCTS, so unaffected by the 2023 change in the SEN2 return.",
        ),
        series_break_applies=False,
    ),
    Indicator(
        "appealable_decisions",
        "Appealable decisions",
        "Requests refused, plus assessments not leading to a plan, plus plans in place in "
        "January, plus plans ceased because needs are met without one.",
        "count",
        "activity",
        None,
        (Source(TRIBUNAL, TRIBUNAL_FILE, "Total Appealable Decisions"),),
        caveats=("The 2024 'in development' appealable decisions are not imported.",),
        break_year=2023,
    ),
    Indicator(
        "appeal_rate_pct",
        "SEND Tribunal appeal rate",
        "Appeals registered as a percentage of appealable decisions.",
        "percent",
        "activity",
        False,
        (
            Source(
                TRIBUNAL,
                TRIBUNAL_FILE,
                "SEND Tribunal Appeal Rate",
                numerator=("Appeals registered",),
                denominator=("Total Appealable Decisions",),
            ),
        ),
        "tribunal_appeals",
        "appealable_decisions",
        (
            "Council and England figures only: no regional figures are published.",
            "DfE advises caution comparing 2023 with earlier years.",
        ),
        break_year=2023,
    ),
    Indicator(
        "annual_reviews_due",
        "Plans due an annual review",
        "EHC plans in place in January where an annual review was expected (plan held for at "
        "least a year).",
        "count",
        "activity",
        None,
        (_pl("annual_reviews.csv", "review_expected"),),
        caveats=(
            "Published for plans in place in January of the following year: 2024 "
            "relates to plans at January 2025.",
        ),
    ),
    Indicator(
        "annual_reviews_held_pct",
        "Annual review meeting recorded",
        "Percentage of plans due an annual review where an annual review meeting is recorded.",
        "percent",
        "activity",
        True,
        (
            _pl(
                "annual_reviews.csv", None, num=("total_review_meeting",), den=("review_expected",)
            ),
        ),
        None,
        "annual_reviews_due",
        (
            "Derived by Open EHCP, rounded to 1 decimal place; DfE does not publish this rate.",
            "A meeting recorded before 2024 counts, even if the review is now overdue.",
            "First published for 2024; some councils' figures suppressed for quality.",
        ),
    ),
    Indicator(
        "ceased_plans",
        "EHC plans ceased",
        "Number of EHC plans that ceased in the calendar year, for any reason.",
        "count",
        "activity",
        None,
        (
            _pl("ceased_plans.csv", "total_ceased"),
            _ag(
                MI,
                None,
                num=("DisleaEHC", "DismetEHC", "DisothEHC", "DisleftEHC"),
                note="sum of the four discontinued-plan counts",
            ),
        ),
        caveats=(
            "Before 2022 this is the sum of DfE's four 'discontinued' counts, derived by "
            "Open EHCP, and covered mainly compulsory school age: not comparable with "
            "later years.",
        ),
    ),
)

CASELOAD = "caseload.csv"
NEEDS = "sen_needs_all_plans.csv"
WBP_RESIDENTIAL_DMO = "sen2_wbp_residential_dmo.csv"
PERSON_LEVEL_ONLY = "Collected only since the person-level return: no earlier figures."

# Primary need: (code used in the column names, title), as in sen_needs_all_plans.csv.
NEED_TYPES: tuple[tuple[str, str], ...] = (
    ("asd", "Autistic spectrum disorder"),
    ("semh", "Social, emotional and mental health"),
    ("slcn", "Speech, language and communication needs"),
    ("mld", "Moderate learning difficulty"),
    ("sld", "Severe learning difficulty"),
    ("pmld", "Profound and multiple learning difficulty"),
    ("spld", "Specific learning difficulty"),
    ("pd", "Physical disability"),
    ("hi", "Hearing impairment"),
    ("vi", "Visual impairment"),
    ("msi", "Multi-sensory impairment"),
    ("oth", "Other difficulty or disability"),
)


_SURREY = (
    "Surrey, January 2025: DfE prints 7.8% for severe and 0.1% for specific learning "
    "difficulty, but the counts beside them (595 and 665 of 16,069) make 3.7% and 4.1%; the "
    "published percentages are kept."
)


def _need(code: str, title: str) -> Indicator:
    return Indicator(
        f"need_{code}_pct",
        f"Primary need: {title.lower()}",
        f"Percentage of children and young people with an EHC plan in January whose primary "
        f"type of need is {title.lower()}.",
        "percent", "census", None,
        (_pl(NEEDS, f"{code}_pc", num=(f"number_{code}",), den=("ehc_plans",)),),
        caveats=(PERSON_LEVEL_ONLY, "The base is all plans, including those whose need is "
                 "not known.") + ((_SURREY,) if code in ("sld", "spld") else ()),
        series_break_applies=False,
    )  # fmt: skip


_RESOURCED = tuple(
    f"mainstream_{kind}_{unit}"
    for kind in ("la_maintained", "academy", "free_school")
    for unit in ("resourced_provision", "senunit")
)
# Setting of the plan's main placement: (id, title, definition, source).
SETTINGS: tuple[tuple[str, str, str, Source], ...] = (
    ("mainstream", "mainstream school",
     "mainstream schools of every kind, including their resourced provision and SEN units",
     _pl(CASELOAD, "mainstream_total_pc", num=("mainstream_total",), den=("ehcplans",))),
    ("resourced_unit", "resourced provision or SEN unit in a mainstream school",
     "resourced provision or an SEN unit in a mainstream school (part of the mainstream "
     "figure)", _pl(CASELOAD, None, num=_RESOURCED, den=("ehcplans",))),
    ("state_special", "state-funded special school",
     "local authority maintained special schools and special academies and free schools",
     _pl(CASELOAD, None, num=("special_la_maintained", "special_academy_free"),
         den=("ehcplans",))),
    ("independent_special", "independent or non-maintained special school",
     "independent special schools and non-maintained special schools",
     _pl(CASELOAD, None, num=("special_independent", "special_non_maintained"),
         den=("ehcplans",))),
    ("alternative_provision", "alternative provision or pupil referral unit",
     "alternative provision and pupil referral units",
     _pl(CASELOAD, "AP_PRU_total_pc", num=("ap_pru_total",), den=("ehcplans",))),
    ("further_education", "further education",
     "general FE and tertiary colleges, specialist post-16 institutions and other "
     "providers of further education",
     _pl(CASELOAD, "fe_total_pc", num=("fe_total",), den=("ehcplans",))),
    ("educated_elsewhere", "educated elsewhere",
     "education otherwise than at a school or college: elective home education, other "
     "arrangements by the council or parents, and similar",
     _pl(CASELOAD, "ed_elsewhere_pc", num=("ed_elsewhere",), den=("ehcplans",))),
)  # fmt: skip


def _setting(ident: str, title: str, where: str, source: Source) -> Indicator:
    derived = source.value is None
    return Indicator(
        f"setting_{ident}_pct",
        f"Setting: {title}",
        f"Percentage of children and young people with an EHC plan in January who attend "
        f"{where}.",
        "percent", "census", None, (source,),
        caveats=(("Derived by Open EHCP as 100 x the sum of the published counts / all plans, "
                  "rounded to 1 decimal place.",) if derived else ())
        + ("From January 2019, in the reporting year 2025 release.",
           "January 2024: Hackney and Peterborough published totals only, so DfE's England, "
           "London and East of England percentages leave them out of the base; the base "
           "shown (n) is all plans.",),
    )  # fmt: skip


# fmt: off
PLACEMENTS: tuple[Indicator, ...] = (
    Indicator(
        "personal_budgets",
        "Personal budgets",
        "Number of EHC plans in January with a personal budget.",
        "count", "census", None,
        (_pl("personal_budgets.csv", "personal_budget"),),
    ),
    Indicator(
        "personal_budgets_organised",
        "Personal budgets through organised arrangements",
        "Number of personal budgets in January held as organised arrangements (the council "
        "arranges the provision) rather than as direct payments.",
        "count", "census", None,
        (_pl("personal_budgets.csv", "org_arrangments"),),
    ),
    Indicator(
        "residential_placements",
        "Residential placements",
        "Number of children and young people with an EHC plan in January placed in a "
        "residential setting (38 to 51 weeks or 52 weeks a year).",
        "count", "census", None,
        (_pl("residential_settings.csv", "Res_tot"),
         _ag(WBP_RESIDENTIAL_DMO, None, num=("TotMres38weekEHC", "TotMres52weekEHC"),
             note="sum of the 38-week and 52-week residential counts")),
        caveats=("Before 2019 this is the sum of DfE's 38-week and 52-week counts, derived by "
                 "Open EHCP.",),
    ),
    Indicator(
        "work_based_placements",
        "Work-based learning placements",
        "Number of young people with an EHC plan in January in a supported internship, "
        "apprenticeship or traineeship.",
        "count", "census", None,
        (_pl("work_based_placements.csv", "open_wbp"), _ag(WBP_RESIDENTIAL_DMO, "WorkbasedEHC")),
    ),
    Indicator(
        "designated_medical_officer",
        "Designated medical officer in post",
        "Whether the council area has a designated medical officer (DMO) for SEND: Yes, No "
        "or Recruiting.",
        "status", "activity", None,
        (_pl("sen2_dmo_dco.csv", "des_med_off"),),
        caveats=("A status, not a number: shown as published and not ranked.",),
        series_break_applies=False,
    ),
    Indicator(
        "designated_clinical_officer",
        "Designated clinical officer in post",
        "Whether the council area has a designated clinical officer (DCO) for SEND: Yes, No "
        "or Recruiting.",
        "status", "activity", None,
        (_pl("sen2_dmo_dco.csv", "des_clin_off"),),
        caveats=("A status, not a number: shown as published and not ranked.",),
        series_break_applies=False,
    ),
    Indicator(
        "designated_social_care_officer",
        "Designated social care officer in post",
        "Whether the council area has a designated social care officer (DSCO) for SEND.",
        "status", "activity", None,
        (_pl("sen2_dmo_dco.csv", "des_so_care_off"),),
        caveats=("First collected in 2025; earlier years are published as n/a.",),
        series_break_applies=False,
    ),
)
# fmt: on

INDICATORS = (
    INDICATORS
    + tuple(_setting(*setting) for setting in SETTINGS)
    + tuple(_need(code, title) for code, title in NEED_TYPES)
    + PLACEMENTS
)

BY_ID: dict[str, Indicator] = {indicator.id: indicator for indicator in INDICATORS}
POSITION: dict[str, int] = {indicator.id: place for place, indicator in enumerate(INDICATORS)}


def indicator(indicator_id: str) -> Indicator:
    """The catalogue entry for an id; KeyError if there is none."""
    return BY_ID[indicator_id]


def sources_for(era: Era, file: str) -> list[tuple[Indicator, Source]]:
    """Every catalogue source that reads the given file of the given release layout."""
    return [
        (entry, source)
        for entry in INDICATORS
        for source in entry.sources
        if source.era == era and source.file == file
    ]
