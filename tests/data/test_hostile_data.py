"""Malformed and malicious data in every data file: each is reported once, at the file:line:col a leader
must edit, in plain words, without a traceback and with work held to the loader's limits (counted, not timed);
look-alikes that YAML 1.1 would have changed (`no`, `on`, dates) stay text and are shown as typed; a failed
build leaves an existing site untouched."""

import json
import re
import shutil
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.handbook import Project, load_handbook, read_documents, validate
from macros.project import copy_project
from macros.rendering import Renderer
from tests.conftest import ROOT, run, run_validate_and_build
from tests.data.test_broken_files import insert_after_line, replace_first
from tests.helpers import data, with_value
from tests.work import Work, counted

Edit = Callable[[str], str | bytes]
Where = tuple[int, int] | Callable[[str], tuple[int, int]]


# The 1:1's length in data/rhythm.yml, which a case replaces.
ONE_TO_ONE_MINUTES = next(meeting["minutes"] for meeting in data("rhythm")["meetings"] if meeting["id"] == data("rhythm")["one_to_one"]["meeting"])
# The line of the ride-along's how_often in data/rhythm.yml, which a message names.
RIDE_ALONG_HOW_OFTEN = next(number for number, line in enumerate((ROOT / "data/rhythm.yml").read_text(encoding="utf-8").splitlines(), 1) if line == "    how_often: monthly")


@dataclass(frozen=True)
class Hostile:
    file: str
    edit: Edit  # the file's text → the hostile text (or bytes)
    at: Where  # expected line and column, or found in the hostile text
    says: str  # part of the message the leader reads
    problems: int = 1  # how many problems in all
    heavy: bool = False  # also checked for work and memory in a process of its own


def at(needle: str, occurrence: int = 1, offset: int = 0) -> Callable[[str], tuple[int, int]]:
    """The line and column where the nth `needle` starts in the hostile text, `offset` characters further on."""
    def find(text: str) -> tuple[int, int]:
        start = -1
        for _ in range(occurrence):
            start = text.index(needle, start + 1)
        line_start = text.rfind("\n", 0, start) + 1
        return text.count("\n", 0, start) + 1, start - line_start + 1 + offset
    return find


def whole(content: str | bytes) -> Edit:
    return lambda text: content


def append(lines: str) -> Edit:
    return lambda text: text + lines


def encoded(edit: Callable[[bytes], bytes]) -> Edit:
    return lambda text: edit(text.encode("utf-8"))


def drop_line(line: str) -> Edit:
    return replace_first(line + "\n", "")


BILLION_LAUGHS = 'lol0: &lol0 "lol"\n' + "".join(f"lol{i}: &lol{i} [{', '.join([f'*lol{i - 1}'] * 10)}]\n" for i in range(1, 10))
DEEP = "levels: " + "[" * 100_000 + "]" * 100_000 + "\n"

QUESTION = data("coaching_questions")["questions"][0]["id"]  # any question of the bank

HOSTILE = {
    # charter.yml
    "charter-tab-indent": Hostile("charter.yml", replace_first("    name: Ownership\n", "\tname: Ownership\n"), at("\tname"), "found a tab"),
    "charter-duplicate-top-level-key": Hostile("charter.yml", append("team: Someone else's team\n"), at("team: Someone"), "duplicate key 'team' (it is already set on line 2"),
    "charter-impossible-date": Hostile("charter.yml", replace_first('"2026-11-06"', '"2026-13-05"'), at('"2026-13-05"'), "'2026-13-05' is not a date"),
    "charter-date-is-null": Hostile("charter.yml", replace_first('effective_date: "2026-11-06"', "effective_date: ~"), at("~"), "'effective_date' must be text, found nothing"),
    "charter-nul-byte": Hostile("charter.yml", replace_first("\nleader: ", "\nleader: \x00"), at("\x00"), "character code 0"),
    "charter-python-object-tag": Hostile("charter.yml", replace_first("leader: " + data("charter")["leader"], 'leader: !!python/object/apply:os.system ["echo pwned"]'), at("!!python"), "the tag !!python/object/apply:os.system is not supported"),
    "charter-unknown-field": Hostile("charter.yml", append("leaders: Someone\n"), at("leaders:"), "unknown field 'leaders' (did you mean 'leader'?"),
    # coaching_questions.yml
    "questions-whitespace-only-file": Hostile("coaching_questions.yml", whole("   \n\n      \n"), (1, 1), "the file is empty"),
    "questions-grow-lower-case": Hostile("coaching_questions.yml", replace_first("grow: Goal", "grow: goal"), at("goal"), "'grow' is 'goal' (expected one of: Goal, Reality, Options, Will)"),
    "questions-id-not-kebab-case": Hostile("coaching_questions.yml", replace_first("- id: best-outcome-for-customer", "- id: Best Outcome"), at("Best Outcome"), "'Best Outcome' is not a valid id"),
    "questions-dangling-situation": Hostile("coaching_questions.yml", replace_first("situations: [skill-gap, new-rep]", "situations: [skill-gap, new-hire]"), at("new-hire"), "unknown situation 'new-hire'"),
    "questions-unclosed-quote": Hostile("coaching_questions.yml", replace_first("for the customer?\"\n", "for the customer?\n"), at('"What would a great outcome'), "the quote that opens here is not closed on this line"),
    "questions-unclosed-bracket": Hostile("coaching_questions.yml", replace_first("    modes: [coach]\n", "    modes: [coach\n"), at("[coach"), "did not find expected ',' or ']' (a bracket opened here is not closed"),
    "charter-list-item-id-without-colon": Hostile("charter.yml", replace_first("  - id: ownership\n", "  - id ownership\n"), at("id ownership", offset=2), "'id' has no colon after it, so YAML reads this line as text running on into the next; write - id: ownership"),
    "planner-rate-as-percentage": Hostile("bootcamp.yml", replace_first("conversion_rate: 0.2\n", "conversion_rate: 16%\n"), at("16%"), "must be a number, found the text '16%'; a share is written as a decimal, so for 16% write 0.16"),
    "planner-rate-as-whole-number": Hostile("bootcamp.yml", replace_first("conversion_rate: 0.2\n", "conversion_rate: 16\n"), at("16\n"), "is 16 (expected more than 0 and at most 1); a share is written as a decimal, so for 16% write 0.16"),
    "questions-key-without-colon": Hostile("coaching_questions.yml", replace_first("    stage: prepare\n", "    stage prepare\n"), at("stage prepare"), "could not find expected ':' (a line is missing its `key: value` colon"),
    # dilemma.yml
    "dilemma-weight-out-of-range": Hostile("dilemma.yml", replace_first("weight: 3", "weight: 4"), at("4\n"), "'weight' is 4 (expected at least 1 and at most 3)"),
    "dilemma-weight-quoted": Hostile("dilemma.yml", replace_first("weight: 3", 'weight: "3"'), at('"3"'), "must be a whole number, found the text '3'"),
    "dilemma-weight-fraction": Hostile("dilemma.yml", replace_first("weight: 2", "weight: 2.5"), at("2.5"), "must be a whole number, found the number 2.5"),
    "dilemma-weight-forced-int-tag": Hostile("dilemma.yml", replace_first("weight: 3", "weight: !!int three"), at("!!int"), "'three' cannot be read as a whole number"),
    "dilemma-skill-no": Hostile("dilemma.yml", replace_first("skill: low", "skill: no"), at("skill: no", offset=7), "'skill' is 'no' (expected one of: low, high)"),
    "dilemma-dangling-mode": Hostile("dilemma.yml", replace_first("mode: push", "mode: shove"), at("shove"), "unknown mode 'shove'"),
    "dilemma-billion-laughs": Hostile("dilemma.yml", whole(BILLION_LAUGHS), at("&lol0"), "anchors (&name) are not supported", heavy=True),
    "dilemma-alias": Hostile("dilemma.yml", replace_first("situations: [high-performer]", "situations: *people"), at("*people"), "aliases (*name) are not supported"),
    # bootcamp.yml
    "bootcamp-rate-above-one": Hostile("bootcamp.yml", replace_first("conversion_rate: 0.2", "conversion_rate: 1.5"), at("conversion_rate: 1.5", offset=17), "'conversion_rate' is 1.5 (expected more than 0 and at most 1)"),
    "bootcamp-1e3-in-text": Hostile("bootcamp.yml", replace_first("target: 15 a week", "target: 1e3"), at("1e3"), "'target' must be text, found the number 1000.0; put the value in double quotes"),
    "bootcamp-weeks-quoted": Hostile("bootcamp.yml", replace_first("weeks_in_period: 11", 'weeks_in_period: "11"'), at('"11"'), "'weeks_in_period' must be a whole number, found the text '11'"),
    "bootcamp-period-on": Hostile("bootcamp.yml", replace_first("period: quarter", "period: on"), at("period: on", offset=8), "'period' is 'on' (expected one of: month, quarter, year)"),
    "bootcamp-first-stage-converts": Hostile("bootcamp.yml", replace_first("      name: Calls made\n", "      name: Calls made\n      conversion_rate: 0.5\n"), at("conversion_rate: 0.5"), "the first funnel stage has nothing before it to convert from"),
    "bootcamp-duplicate-cadence-id": Hostile("bootcamp.yml", replace_first("- id: targets-ready", "- id: plan-the-day"), at("plan-the-day", 2), "duplicate id 'plan-the-day' (already used on line"),
    "bootcamp-three-space-indent": Hostile("bootcamp.yml", replace_first("\n  weeks_in_period: 11", "\n   weeks_in_period: 11"), at("   weeks_in_period", offset=3), "this line starts in column 4, further right than the line above it (column 3)"),
    # a director dragged a key to column 1 in a web editor: the line moved is named, not the untouched one below
    "bootcamp-key-moved-left": Hostile("bootcamp.yml", replace_first("\n  weeks_in_period: 11", "\nweeks_in_period: 11"), at("weeks_in_period: 11"), "this line starts in column 1, left of the lines above and below it, which start in column 3; move it right"),
    "bootcamp-number-too-long": Hostile("bootcamp.yml", lambda text: with_value(text, "  revenue_target", "9" * 5000), at("999"), "cannot be read as a whole number"),
    "bootcamp-infinite-target": Hostile("bootcamp.yml", lambda text: with_value(text, "  revenue_target", ".inf"), at(".inf"), "'revenue_target' must be a whole number, found the text '.inf'"),
    "bootcamp-nan-rate": Hostile("bootcamp.yml", replace_first("conversion_rate: 0.25", "conversion_rate: .nan"), at(".nan"), "'conversion_rate' must be a number, found the text '.nan'"),
    # coaching.yml
    "coaching-missing-required-field": Hostile("coaching.yml", drop_line("    cost: >-"), at("- id: inspection", offset=2), "is missing the required field 'cost'"),
    "coaching-unknown-field": Hostile("coaching.yml", insert_after_line(1, "antipatterns: []"), at("antipatterns:"), "unknown field 'antipatterns' (did you mean 'anti_patterns'?"),
    "coaching-who-is-a-list": Hostile("coaching.yml", replace_first("who: CSO Insights", "who: [CSO, Insights]"), at("[CSO"), "'who' must be text, found a list"),
    "coaching-duplicate-anti-pattern": Hostile("coaching.yml", replace_first("- id: fire-fighting", "- id: inspection"), at("- id: inspection", 2, offset=6), "duplicate id 'inspection' (already used on line 8"),
    "coaching-colon-in-plain-text": Hostile("coaching.yml", replace_first("who: CSO Insights", "who: CSO: Insights"), at("CSO: Insights", offset=3), "mapping values are not allowed in this context (a colon followed by a space inside unquoted text, so put the whole text in double quotes"),
    # levels.yml
    "levels-top-level-has-next-level": Hostile("levels.yml", append("    next_level: There is nowhere higher.\n"), at("next_level: There is nowhere"), "the top level has no level above it"),
    "levels-contradicts-on-a-strength": Hostile("levels.yml", replace_first("        coaching_questions: [cost-of-doing-nothing, skill-to-practise]\n", "        coaching_questions: [cost-of-doing-nothing, skill-to-practise]\n        contradicts: [closed-questions]\n"), at("contradicts: [closed"), "behaviour 'asks-about-consequences' is a strength; 'contradicts' goes on a habit (counts_as: limit)"),
    "levels-may-not-come-up-on-a-habit": Hostile("levels.yml", replace_first("        contradicts: [called-across-account]\n", "        contradicts: [called-across-account]\n        may_not_come_up: true\n"), at("may_not_come_up: true\n    next_level"), "behaviour 'single-contact' is a habit, which must be answered in the self-assessment; 'may_not_come_up' goes on a strength only"),
    "levels-contradicts-a-habit": Hostile("levels.yml", replace_first("contradicts: [called-across-account]", "contradicts: [closed-questions]"), at("closed-questions]"), "'closed-questions' is a habit; a habit contradicts strengths"),
    "levels-contradicts-unknown-behaviour": Hostile("levels.yml", replace_first("contradicts: [called-across-account]", "contradicts: [calls-across-account]"), at("calls-across-account"), "unknown behaviour 'calls-across-account'"),
    "levels-duplicate-behaviour-id": Hostile("levels.yml", replace_first("- id: demos-early", "- id: single-contact"), at("single-contact", 2), "duplicate id 'single-contact'"),
    "levels-customer-view-empty": Hostile("levels.yml", replace_first('customer_view: "Someone I call when I already know what I want and just need a price and a delivery date."', "customer_view:"), at("customer_view:\n", offset=len("customer_view:")), "'customer_view' must be text, found nothing (the value is empty)"),
    "levels-latin-1-byte": Hostile("levels.yml", encoded(lambda raw: raw.replace(b"name: Order taker", b"name: Caf\xe9 order taker", 1)), at("\ufffd"), "not valid UTF-8 text (byte 0xe9)"),
    "levels-utf-16": Hostile("levels.yml", lambda text: text.encode("utf-16"), (1, 1), "not valid UTF-8 text (byte 0xff); save it as UTF-8"),
    "levels-deep-nesting": Hostile("levels.yml", whole(DEEP), (1, len("levels: ") + 40), "nested too deeply", heavy=True),
    # onboarding.yml
    "onboarding-duplicate-across-lists": Hostile("onboarding.yml", replace_first("- id: crm-stages", "- id: read-charter"), at("read-charter", 2), "duplicate id 'read-charter'"),
    "onboarding-link-to-missing-page": Hostile("onboarding.yml", replace_first("(charter.md)", "(charters.md)"), at("text: Read the [team charter](charters.md)", offset=6), "the link 'charters.md' points to a page that does not exist"),
    "onboarding-javascript-link": Hostile("onboarding.yml", replace_first("(charter.md)", "(javascript:alert(1))"), at("text: Read the [team charter](javascript", offset=6), "the link 'javascript:alert(1)' is not allowed"),
    "onboarding-colon-in-unquoted-name": Hostile("onboarding.yml", replace_first('name: "Day 1: Welcome and the charter"', "name: Day 1: Welcome and the charter"), at("Day 1:", offset=5), "put the whole text in double quotes"),
    "onboarding-terminal-escape": Hostile("onboarding.yml", replace_first("Welcome to the team.", "Welcome\x1b[31m to the team."), at("\x1b"), "character code 27"),
    "onboarding-second-document": Hostile("onboarding.yml", replace_first("\nfirst_30_days:", "\n---\nfirst_30_days:"), at("---\nfirst_30"), "a data file holds one document"),
    # checklists.yml
    "checklists-reserved-id": Hostile("checklists.yml", replace_first("- id: charter-review", "- id: bootcamp-daily"), at("bootcamp-daily"), "the checklist id 'bootcamp-daily' is taken by the boot-camp cadence"),
    "checklists-team-list-before-a-1-1": Hostile("checklists.yml", replace_first("    starts_afresh: before each 1:1\n", "    starts_afresh: before each 1:1\n    per_rep: false\n"), at("per_rep: false"), "a list that starts afresh before each 1:1 belongs to a rep's 1:1"),
    "checklists-empty-text": Hostile("checklists.yml", replace_first("text: Laptop, email, CRM and phone system working, and a test call made from the dialler.", 'text: ""'), at('""'), "'text' must not be empty"),
    "checklists-blank-text": Hostile("checklists.yml", replace_first("text: Laptop, email, CRM and phone system working, and a test call made from the dialler.", 'text: "   "'), at('"   "'), "'text' must not be empty"),
    "checklists-too-large": Hostile("checklists.yml", whole("# " + "x" * 1_000_000 + "\n"), (1, 1), "handbook data files must stay under 1,000,000 bytes", heavy=True),
    "checklists-too-many-values": Hostile("checklists.yml", whole("checklists: [" + "1, " * 60_000 + "1]\n"), (1, len("checklists: [") + 1 + 3 * 49_997), "the file holds more than 50,000 values", heavy=True),
    # Thousands of broken items, just under the value limit: the first 100 problems and a line saying there are more.
    # Two rules (minLength, pattern) fail on each empty title and word to one line: 120 distinct problems in all.
    "checklists-many-empty-titles": Hostile("checklists.yml", whole("checklists:\n" + "".join(f"  - id: list-{i}\n    title: \"\"\n" for i in range(60))), at("- id: list-50", offset=2), "…and more problems from here on", problems=101),
    "checklists-thousands-broken": Hostile("checklists.yml", whole("checklists: [" + "{}, " * 40_000 + "{}]\n"), at("{}", 34), "…and more problems from here on (only the first 100", problems=101, heavy=True),
    "checklists-hash-cuts-text": Hostile("checklists.yml", replace_first("text: Reviewed the week in your 1:1 and agreed your activity targets for week 2.", "text: Call your #1 account before Friday."), at("#1"),
                                         'this text is cut at "#": YAML reads everything after " #" as a comment, so the page would show only "Call your". '
                                         'Put the whole text in double quotes: "Call your #1 account before Friday."; or, if the comment is a note for editors, move it to a line of its own'),
    "checklists-hash-ends-text-over-two-lines": Hostile("checklists.yml", replace_first("text: Laptop, email, CRM and phone system working, and a test call made from the dialler.", "text: Shadowed a colleague's prospecting block,\n          then called your #1 account."), at("#1"),
                                                        'so the page would show only "Shadowed a colleague\'s prospecting block, then called your". Put the whole text in double quotes: "Shadowed a colleague\'s prospecting block, then called your…"'),
    "checklists-key-is-a-list": Hostile("checklists.yml", replace_first("    title: New rep's first week", "    [title]: New rep's first week"), at("[title]"), "a key must be a plain word", problems=2),
    "charter-hash-starts-the-next-line": Hostile("charter.yml", replace_first("team: " + data("charter")["team"] + "\n", "team: Field Sales,\n  #1 in the region\n"), at("#1"),
                                                 'so the page would show only "Field Sales,". Put the whole text in double quotes: "Field Sales, #1 in the region"'),
    "stalls-hash-in-a-list-item": Hostile("when_coaching_stalls.yml", replace_first("  - Every point rests on facts with dates, not on impressions.", "  - Every point rests on facts with dates (see #3), not on impressions."), at("#3"),
                                          'so the page would show only "Every point rests on facts with dates (see". Put the whole text in double quotes: "Every point rests on facts with dates (see #3), not on impr…"'),
    "stalls-list-item-all-comment": Hostile("when_coaching_stalls.yml", replace_first("  - Nothing at the end comes as a surprise.", "  - #1 rule: nothing at the end comes as a surprise."), at("#1"),
                                            'this text starts with "#", so YAML reads all of it as a comment and the value is empty. Put the whole text in double quotes: "#1 rule: nothing at the end comes as a surprise."', problems=2),
    # assessments.yml
    "assessments-stays-open-on-a-self-assessment": Hostile("assessments.yml", replace_first("    scale: like-me\n", "    scale: like-me\n    stays_open_days: 2\n"), at("stays_open_days"), "'stays_open_days' only applies to a form filled in each time (an observation, a rubric, or one with each_time: true); this self-assessment always opens its latest answers, so remove it"),
    # the same with the kind written out, as a leader copying an observation's lines might
    "assessments-stays-open-on-a-named-self-assessment": Hostile("assessments.yml", replace_first("    scale: like-me\n", "    scale: like-me\n    kind: self-assessment\n    stays_open_days: 2\n"), at("stays_open_days"), "'stays_open_days' only applies to a form filled in each time (an observation, a rubric, or one with each_time: true); this self-assessment always opens its latest answers, so remove it"),
    # the ride-along's CRM and recap, rated the next day, on a form that opens a new one each day
    "assessments-rated-next-day-but-never-reopened": Hostile("assessments.yml", replace_first("    stays_open_days: 3\n", ""), at("rated_the_next_day"), "a section rated the next day needs the form to open the same meeting again then: give the form 'stays_open_days' (1 or more), or remove 'rated_the_next_day'"),
    # a note's kind: the day field dates one meeting's answers, once per form, on a line of its own
    "assessments-date-note-on-a-self-assessment": Hostile("assessments.yml", replace_first("    scale: like-me\n", "    scale: like-me\n    notes:\n      - id: when\n        prompt: When\n        kind: date\n"), at("kind: date", offset=6), "kind 'date' dates the form's answers with the day of one meeting, so it needs a form filled in each time (an observation, a rubric, or one with each_time: true); remove 'kind'"),
    "assessments-two-date-notes": Hostile("assessments.yml", replace_first("        prompt: Account, and who we met (names and roles)\n", "        prompt: Account, and who we met (names and roles)\n        kind: date\n"), at("kind: date", 2, offset=6), "a second note of kind 'date': a form has at most one; remove 'kind' from one of them"),
    "assessments-rep-note-on-lines": Hostile("assessments.yml", replace_first("        kind: rep\n", "        kind: rep\n        lines: 2\n"), at("lines: 2", offset=7), "a note of kind 'rep' is one line (a name or a day); remove 'lines'"),
    # a band's sooner next ride-along: sooner than the rhythm's, on a form a meeting is rated with
    "assessments-again-within-not-sooner": Hostile("assessments.yml", replace_first("        again_within_days: 14\n", "        again_within_days: 31\n"), at("again_within_days: 31", offset=19), f"31 days is not sooner than the rhythm's monthly ride-along (every 31 days, data/rhythm.yml line {RIDE_ALONG_HOW_OFTEN}); give fewer days or remove 'again_within_days'"),
    "assessments-again-within-unrated-form": Hostile("assessments.yml", replace_first("        to: 40\n", "        to: 40\n        again_within_days: 7\n"), at("again_within_days: 7", offset=19), "form 'manager-or-coach' rates no meeting of the coaching rhythm (no 'rated_with: manager-or-coach' in data/rhythm.yml), so there is no next one to bring forward; remove 'again_within_days'"),
    # a statement's coaching questions, suggested at the 1:1 after a meeting rated with its form
    "assessments-questions-on-unrated-form": Hostile("assessments.yml", replace_first("      - id: find-the-root-cause\n", f"      - id: find-the-root-cause\n        coaching_questions: [{QUESTION}]\n"), at(f"coaching_questions: [{QUESTION}]"), "form 'manager-or-coach' rates no meeting of the coaching rhythm (no 'rated_with: manager-or-coach' in data/rhythm.yml), so the 1:1 planner never suggests these questions; remove 'coaching_questions'"),
    "assessments-band-gap": Hostile("assessments.yml", replace_first("      - from: 45", "      - from: 50"), at("from: 50", offset=6), "band 'Emerging' starts at 50 but should start at 45"),
    "assessments-band-overlap": Hostile("assessments.yml", replace_first("      - from: 70", "      - from: 60"), at("from: 60", offset=6), "that leaves an overlap between 60 and 70"),
    "assessments-score-out-of-range": Hostile("assessments.yml", replace_first("      - value: 4\n", "      - value: 101\n"), at("101"), "'value' is 101 (expected at least 0 and at most 100)"),
    "assessments-scale-falls": Hostile("assessments.yml", replace_first("      - value: 2\n        label: Sometimes", "      - value: 0\n        label: Sometimes"), at("value: 0", 2, offset=7), "each answer must score more than the one before it (0 follows 1)"),
    "assessments-reached-yes": Hostile("assessments.yml", replace_first("reached: true", "reached: yes"), at("reached: yes", offset=9), "'reached' must be true or false, found the text 'yes'"),
    "assessments-weight-zero": Hostile("assessments.yml", replace_first("        weight: 2\n", "        weight: 0\n"), at("weight: 0", offset=8), "'weight' is 0 (expected more than 0 and at most 10)"),
    "assessments-last-band-short": Hostile("assessments.yml", replace_first("        to: 100\n        name: Established", "        to: 90\n        name: Established"), at("to: 90", offset=4), "the last band must end at 100"),
    "assessments-questions-from-typo": Hostile("assessments.yml", replace_first("questions_from: levels", "questions_from: level"), at("questions_from: level", offset=16), "'questions_from' is 'level' (expected one of: levels)"),
    # debriefs.yml
    "debriefs-unknown-situation": Hostile("debriefs.yml", replace_first("situations: [lost-deal]", "situations: [lost-deals]"), at("lost-deals"), "unknown situation 'lost-deals' (did you mean 'lost-deal'? expected one of the ids in data/coaching_questions.yml"),
    "debriefs-lines-in-words": Hostile("debriefs.yml", replace_first("        lines: 2\n", "        lines: two\n"), at("two"), "'lines' must be a whole number, found the text 'two'"),
    # the after-a-call debrief ends no form a rhythm meeting is rated with: the 1:1 planner never reads its answers
    "debriefs-to-next-one-to-one-never-shown": Hostile("debriefs.yml", replace_first("      - id: learned\n", "      - id: learned\n        to_next_one_to_one: true\n"), at("to_next_one_to_one"), "debrief 'call' ends no form a meeting of the coaching rhythm is rated with (a form with 'debrief: call' and 'rated_with' in data/rhythm.yml), so the 1:1 planner never shows this answer; remove 'to_next_one_to_one'"),
    "debriefs-duplicate-prompt": Hostile("debriefs.yml", replace_first("      - id: learned", "      - id: buyer-words"), at("buyer-words", 2), "duplicate id 'buyer-words'"),
    # role_plays.yml
    "role-plays-unknown-week": Hostile("role_plays.yml", replace_first("week: week-2", "week: week-5"), at("week-5"), "unknown boot-camp week 'week-5' (expected one of the ids in data/bootcamp.yml: week-1, week-2, week-3, week-4)"),
    "role-plays-minutes-zero": Hostile("role_plays.yml", replace_first("minutes: 3", "minutes: 0"), at("minutes: 0", offset=9), "'minutes' is 0 (expected at least 1 and at most 60)"),
    "role-plays-missing-rubric": Hostile("role_plays.yml", replace_first("    rubric: role-play-price-objection\n", ""), at("- id: price-objection", offset=2), "is missing the required field 'rubric'"),
    # printing.yml
    "printing-missing-page": Hostile("printing.yml", replace_first("- page: levels.md", "- page: ladder.md"), at("ladder.md"), "the page 'ladder.md' does not exist"),
    "printing-page-outside-docs": Hostile("printing.yml", replace_first("- page: charter.md", "- page: ../mkdocs.yml"), at("../mkdocs.yml"), "'../mkdocs.yml' is not valid (expected the page's file under docs/"),
    "printing-paper-a5": Hostile("printing.yml", replace_first("paper: A4", "paper: A5"), at("A5"), "'paper' is 'A5' (expected one of: A4, Letter)"),
    "printing-unknown-question": Hostile("printing.yml", replace_first("- share-of-talking", "- share-of-talkin"), at("share-of-talkin"), "unknown coaching question 'share-of-talkin' (did you mean 'share-of-talking'? expected one of the " + str(len(data("coaching_questions")["questions"])) + " ids in data/coaching_questions.yml)"),
    "printing-collapsed-closed": Hostile("printing.yml", replace_first("collapsed: leave out", "collapsed: closed"), at("closed"), "'collapsed' is 'closed' (expected one of: open, leave out)"),
    "printing-card-with-pages": Hostile("printing.yml", replace_first("    pocket: true\n", "    pocket: true\n    pages: [{page: index.md}]\n"), at("pages: [{"), "document 'coaching-questions-card' has 'pages', but a pocket card lists the coaching questions it holds; write 'questions' instead"),
    "printing-cover-yes": Hostile("printing.yml", replace_first("cover: true", "cover: yes"), at("yes"), "'cover' must be true or false, found the text 'yes'"),
    "printing-version-unquoted": Hostile("printing.yml", replace_first('version: "2026.2"', "version: 2026.2"), at("2026.2"), "'version' must be text, found the number 2026.2; put the value in double quotes"),
    "printing-comment-only": Hostile("printing.yml", whole("# The PDFs come later.\n"), (1, 1), "the file is empty (expected a mapping with these fields: documents)"),
    # deal_review.yml
    "deal-review-elements-not-a-list": Hostile("deal_review.yml", replace_first("elements: [identify-pain]", "elements: identify-pain"), at("identify-pain"), "'elements' must be a list (lines starting with '- '), found the text 'identify-pain'"),
    "deal-review-crm-field-misspelt": Hostile("deal_review.yml", replace_first("        in_the_crm: The problem, quoted", "        in_crm: The problem, quoted"), at("in_crm"), "unknown field 'in_crm' (did you mean 'in_the_crm'?", problems=2),
    # ramp.yml
    "ramp-share-above-one": Hostile("ramp.yml", lambda text: re.sub(r"show: per day, share: [\d.]+\}", "show: per day, share: 1.5}", text, count=1), at("1.5"), "'share' is 1.5 (expected more than 0 and at most 1)"),
    "ramp-day-quoted": Hostile("ramp.yml", replace_first("day: 30", 'day: "30"'), at('"30"'), "'day' must be a whole number, found the text '30'"),
    # objections.yml
    "objections-empty-list-then-items": Hostile("objections.yml", replace_first("    prepare:\n      - What will the buyer compare our price with?\n", "    prepare: []\n      - What will the buyer compare our price with?\n"), at("- What will the buyer compare"), "did not find expected key (the indentation does not line up"),
    "objections-empty-list": Hostile("objections.yml", replace_first("practise_in: [week-2, week-3, week-4]", "practise_in: []"), at("[]"), "'practise_in' has 0 items (expected at least 1)"),
    "objections-unknown-role-play": Hostile("objections.yml", replace_first("role_play: price-objection", "role_play: price-objections"), at("price-objections"), "unknown role-play 'price-objections' (did you mean 'price-objection'? expected one of the ids in data/role_plays.yml: cold-call-opener, gatekeeper, send-me-something, qualifying-call, discovery-meeting, price-objection)"),
    # A rep sent to week 3 for a role-play the boot camp runs in week 4 (a rep's review)
    "objections-role-play-in-an-unlisted-week": Hostile("objections.yml", replace_first("practise_in: [week-2, week-3, week-4]", "practise_in: [week-2, week-3]"), at("price-objection"), "the role-play 'price-objection' runs in the boot camp's 'week-4', which 'practise_in' doesn't list; add week-4 to 'practise_in' (line 23)"),
    # when_coaching_stalls.yml
    "stalls-hr-yes": Hostile("when_coaching_stalls.yml", replace_first("hr: true", "hr: yes"), at("yes"), "'hr' must be true or false, found the text 'yes'"),
    "stalls-check-ins-zero": Hostile("when_coaching_stalls.yml", replace_first("check_ins: 4", "check_ins: 0"), at("check_ins: 0", offset=11), "'check_ins' is 0 (expected at least 1 and at most 6)"),
    # glossary.yml
    "glossary-duplicate-term-id": Hostile("glossary.yml", replace_first("- id: champion", "- id: calling-block"), at("- id: calling-block", 2, offset=6), "duplicate id 'calling-block' (already used on line"),
    "glossary-word-for-two-terms": Hostile("glossary.yml", replace_first("appears_as: [quota, quotas]", "appears_as: [quota, CRM]"), at("[quota, CRM]", offset=8), "'CRM' already explains the term 'crm'"),
    "glossary-forms-not-a-list": Hostile("glossary.yml", replace_first("appears_as: [champion, champions]", "appears_as: champion"), at("appears_as: champion", offset=12), "'appears_as' must be a list"),
    "glossary-javascript-link": Hostile("glossary.yml", replace_first("(levels.md)", "(javascript:alert(1))"), at("definition: >-\n      [The six levels", offset=12), "the link 'javascript:alert(1)' is not allowed"),
    # rhythm.yml
    "rhythm-minutes-as-words": Hostile("rhythm.yml", replace_first(f"    minutes: {ONE_TO_ONE_MINUTES}\n    around_it_minutes:", "    minutes: half an hour\n    around_it_minutes:"), at("half an hour"), "'minutes' must be a whole number, found the text 'half an hour'"),
    "rhythm-coaching-yes": Hostile("rhythm.yml", replace_first("counts_as_coaching: true", "counts_as_coaching: yes"), at("counts_as_coaching: yes", offset=20), "'counts_as_coaching' must be true or false, found the text 'yes'"),
    "rhythm-share-as-percent": Hostile("rhythm.yml", replace_first("at_most: 0.5", "at_most: 50"), at("at_most: 50", offset=9), "'at_most' is 50 (expected more than 0 and at most 1)"),
    "teams-default-yes": Hostile("teams.yml", replace_first("    default: true", "    default: yes"), at("default: yes", offset=9), "'default' must be true or false, found the text 'yes'"),
    "strings-number": Hostile("strings.yml", replace_first("  reset: Reset", "  reset: 12"), at("reset: 12", offset=7), "'reset' must be text or a mapping of fields (key: value lines), found the number 12"),
    "strings-plural-without-other": Hostile("strings.yml", replace_first("    other: \"{count} ticks", "    many: \"{count} ticks"), at("    one: \"{count} tick was", offset=4), "'gone' is missing the required field 'other'"),
    "languages-name-not-code": Hostile("languages.yml", replace_first(f"  - code: {data('languages')['languages'][0]['code']}", "  - code: English"), at("English"), "'code' 'English' is not valid (expected the language's code as browsers write it"),
}

# Words and marks a leader should never have to read: Python, libyaml and jsonschema internals.
INTERNALS = re.compile(r"Traceback|File \"|\b[A-Z]\w*(Error|Exception)\b| object at 0x|tag:yaml\.org|<class |"
                       r"is not of type|is a required property|does not match '|is not valid under|Additional properties")
MEMORY_LIMIT_MB = 200


@pytest.fixture(scope="module")
def handbook(tmp_path_factory) -> Path:
    """One copy of the example data and pages, shared by every case; each case restores what it broke."""
    root = tmp_path_factory.mktemp("hostile") / "handbook"
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, root / part)
    return root


@contextmanager
def broken(root: Path, case: Hostile) -> Iterator[str]:
    """The case's file made hostile for the length of the block; yields the expected `data/file:line:col: `."""
    path = root / "data" / case.file
    original = path.read_bytes()
    new = case.edit(original.decode("utf-8"))
    path.write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))
    line, column = _position(case, new)
    try:
        yield f"data/{case.file}:{line}:{column}: "
    finally:
        path.write_bytes(original)


def _position(case: Hostile, new: str | bytes) -> tuple[int, int]:
    if not callable(case.at):
        return case.at
    text = new.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace") if isinstance(new, bytes) else new
    return case.at(text)


def test_hostile_cases_cover_every_data_file():
    assert len(HOSTILE) >= 40
    assert {case.file for case in HOSTILE.values()} == {path.name for path in (ROOT / "data").glob("*.yml")}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_data_is_reported_once_at_its_line_in_plain_words(handbook: Path, name: str):
    case = HOSTILE[name]
    with broken(handbook, case) as location, counted() as work:
        _, problems = validate(Project(handbook))
    lines = [problem.as_text() for problem in problems]
    assert len(lines) == case.problems, "\n".join(lines)
    assert any(line.startswith(location) and case.says in line for line in lines), f"expected {location!r}… {case.says!r}, got:\n" + "\n".join(lines)
    for line in lines:
        assert not INTERNALS.search(line), line
    assert work.limits_broken() == []


# Runs the loader and validator in a process of its own: a crash (not an exception) fails one case, not the
# session, and the process's peak memory is its own.
_MEASURE = textwrap.dedent("""
    import json, resource, sys
    from pathlib import Path
    from macros.handbook import Project, validate
    from tests.work import counted
    with counted() as work:
        _, problems = validate(Project(Path(sys.argv[1])))
    print(json.dumps({
        "problems": [problem.as_text() for problem in problems],
        "work": work.as_dict(),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))
""")


@pytest.mark.parametrize("name", [name for name, case in HOSTILE.items() if case.heavy])
def test_bombs_and_huge_files_stay_within_the_loaders_limits_and_memory(handbook: Path, name: str):
    case = HOSTILE[name]
    with broken(handbook, case) as location:
        result = run([sys.executable, "-c", _MEASURE, str(handbook)], ROOT)
    assert result.returncode == 0, f"the validator crashed (exit {result.returncode}):\n{result.stderr[-2000:]}"
    measured = json.loads(result.stdout)
    assert any(line.startswith(location) for line in measured["problems"]), measured["problems"]
    assert Work(**measured["work"]).limits_broken() == []
    assert measured["peak_mb"] < MEMORY_LIMIT_MB


@dataclass(frozen=True)
class LookAlike:
    file: str
    edit: Edit
    template: str  # the template that shows the value
    shown: str  # text of the rendered template, with the value as typed
    assessment: str | None = None  # for self_assessment.html: which one


# YAML 1.1 would have turned these into booleans, dates or numbers; the loader keeps them as typed.
LOOK_ALIKES = {
    "unquoted-date": LookAlike("charter.yml", replace_first('effective_date: "2026-11-06"', "effective_date: 2026-11-06"), "charter.html", "· In effect from 6 November 2026"),
    "no-as-a-team-name": LookAlike("charter.yml", replace_first("team: " + data("charter")["team"], "team: no"), "charter.html", "no · Led by"),
    "on-as-a-value-name": LookAlike("charter.yml", replace_first("    name: Ownership\n", "    name: on\n"), "charter.html", "on Your territory, pipeline"),
    "sexagesimal-looking-leader": LookAlike("charter.yml", replace_first("leader: " + data("charter")["leader"], "leader: 12:30"), "charter.html", "Led by 12:30 ·"),
    "unquoted-no-answer": LookAlike("assessments.yml", replace_first('label: "No"', "label: No"), "self_assessment.html", "No 0, Partly 1, Yes 2", assessment="was-that-coaching"),
    "sexagesimal-looking-meeting": LookAlike("rhythm.yml", replace_first('name: "1:1"', "name: 1:1"), "rhythm.html", "1:1 Also called one-to-one"),
    "underscored-number-in-text": LookAlike("bootcamp.yml", replace_first("target: 15 a week", "target: 1_000"), "activity_targets.html", "New named contacts added to the CRM 1_000"),
}


@pytest.mark.parametrize("name", LOOK_ALIKES)
def test_yaml_1_1_look_alikes_stay_text_and_are_shown_as_typed(handbook: Path, name: str):
    case = LOOK_ALIKES[name]
    with broken(handbook, Hostile(case.file, case.edit, (1, 1), "")):
        _, problems = validate(Project(handbook))
        assert [problem.as_text() for problem in problems] == []
        model = load_handbook(Project(handbook))
    context = {"assessment": model.assessments[case.assessment]} if case.assessment else {}
    html = Renderer().render(case.template, "page/", handbook=model, **context)
    assert case.shown in " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def _declared_text(schema: dict, path: tuple) -> bool:
    """Whether a data file's schema, as written, declares free text at `path`: the common `text` or `markdown`."""
    for part in path:
        schema = schema.get("items", {}) if isinstance(part, int) else schema.get("properties", {}).get(part, {})
    refs = [wrapper.get("$ref", "") for wrapper in schema.get("allOf", [])]
    return any(ref.endswith(("/definitions/text", "/definitions/markdown")) for ref in refs)


def _unquoted_values(node, path: tuple = ()) -> Iterator[tuple[tuple, yaml.ScalarNode]]:
    """Every unquoted value in the block parts of a composed YAML document, with its path."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style:
        for key, value in node.value:
            yield from _unquoted_values(value, path + (key.value,))
    elif isinstance(node, yaml.SequenceNode) and not node.flow_style:
        for index, item in enumerate(node.value):
            yield from _unquoted_values(item, path + (index,))
    elif isinstance(node, yaml.ScalarNode) and not node.style:
        yield path, node


def test_a_comment_after_any_value_is_reported_only_where_the_schema_wants_text(tmp_path: Path):
    """` # a note` after every unquoted value of every data file: reported at each text, never after an id, a
    number, true or false, a date or one of a few words."""
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, tmp_path / part)
    expected, elsewhere = set(), 0
    for path in sorted((tmp_path / "data").glob("*.yml")):
        schema = json.loads((ROOT / "data" / "schemas" / f"{path.stem}.schema.json").read_text(encoding="utf-8"))
        lines = path.read_text(encoding="utf-8").split("\n")
        for where, node in sorted(_unquoted_values(yaml.compose("\n".join(lines))), key=lambda found: found[1].end_mark.index, reverse=True):
            line, column = node.end_mark.line, node.end_mark.column
            lines[line] = lines[line][:column] + " # a note" + lines[line][column:]
            if _declared_text(schema, where):
                expected.add((f"data/{path.name}", line + 1, column + 2))
            else:
                elsewhere += 1
        path.write_text("\n".join(lines), encoding="utf-8")
    _, problems = read_documents(Project(tmp_path))
    assert len(expected) > 1000 and elsewhere > 1000
    assert {(problem.file, problem.line, problem.column) for problem in problems} == expected


def test_a_file_saved_with_a_byte_order_mark_and_windows_line_ends_is_valid(handbook: Path):
    windows = Hostile("printing.yml", lambda text: "\ufeff" + text.replace("\n", "\r\n"), (1, 1), "")
    with broken(handbook, windows):
        _, problems = validate(Project(handbook))
    assert problems == []


# `validate` and the build, as a leader runs them, on a few of the cases above.
COMMAND_LINE_CASES = ["charter-tab-indent", "dilemma-billion-laughs", "levels-deep-nesting", "onboarding-javascript-link", "printing-version-unquoted"]


@pytest.fixture(scope="module")
def full_project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("hostile-cli") / "handbook")


@pytest.mark.parametrize("name", COMMAND_LINE_CASES)
def test_validate_and_build_fail_cleanly_and_leave_an_existing_site_alone(full_project: Path, tmp_path: Path, name: str):
    case = HOSTILE[name]
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the site that is deployed now", encoding="utf-8")
    with broken(full_project, case) as location:
        validated, built = run_validate_and_build(full_project, site)

    assert validated.returncode == 1
    assert any(line.startswith(location) and case.says in line for line in validated.stdout.splitlines()), validated.stdout
    assert "Traceback" not in validated.stdout + validated.stderr

    assert built.returncode != 0
    assert location in built.stdout + built.stderr
    assert "Traceback" not in built.stdout + built.stderr
    assert [path.name for path in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the site that is deployed now"
