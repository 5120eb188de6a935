"""The coaching rhythm (data/rhythm.yml): validation refuses a rhythm a manager can't keep or an agenda that
doesn't fit the 1:1, at the line a leader edits, and keeps every other data text from disagreeing with it."""

import re
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from macros.diff import FileChanges
from tests.conftest import ROOT
from tests.helpers import data, problems_of, replace_once, strings, with_value
from tests.site.test_rhythm_pages import _a_month, _around_it, _manager, _month, _per_rep, _percent, _shown, _strict_by_hand, _times


def _line(text: str, needle: str, after: str = "") -> int:
    """The line of the first `needle` (after the first `after`)."""
    return text[: text.index(needle, text.index(after))].count("\n") + 1


def _rhythm_text(project: Path) -> str:
    return (project / "data" / "rhythm.yml").read_text(encoding="utf-8")


def _one_to_one(rhythm: dict) -> dict:
    return next(meeting for meeting in rhythm["meetings"] if meeting["id"] == rhythm["one_to_one"]["meeting"])


def _coaching_a_month(text: str) -> str:
    """What the coaching-hours message says of the rhythm in `text`, worked out here with fractions: the time
    spent coaching each rep face to face, part by part, as the rhythm page's figure counts it, a weekly meeting
    skipped in the manager's weeks away."""
    rhythm = yaml.safe_load(text)
    agenda = rhythm["one_to_one"]
    parts = []
    for meeting in (meeting for meeting in rhythm["meetings"] if meeting["counts_as_coaching"]):
        a_year = _times(meeting["how_often"], rhythm)
        if meeting["id"] == agenda["meeting"]:
            parts.append(f"{meeting['name']}'s coaching boxes {_shown(Fraction(sum(box['minutes'] for box in agenda['boxes'] if box.get('coaching')) * a_year, 12))}")
        elif "coaching_part" in meeting:
            parts.append(f"{meeting['name']}'s coaching part {_shown(Fraction(meeting['coaching_part']['minutes'] * a_year, 12))}")
        else:
            parts.append(f"{meeting['name']} {_shown(_a_month(meeting, rhythm))}")
    away = rhythm.get("weeks_away_a_year", 0)
    said = f"; with the 1:1s of the {away} weeks in weeks_away_a_year (line {_line(text, 'weeks_away_a_year:')}) skipped" if away else ""
    return f"each rep gets {_shown(_strict_by_hand(rhythm))} of coaching face to face a month ({', '.join(parts)}{said})"


def _manager_month(text: str) -> str:
    """What the manager's-share message says of the rhythm in `text`, worked out here with fractions."""
    rhythm = yaml.safe_load(text)
    reps, month = rhythm["team_size"], _month(rhythm)
    manager = _manager(rhythm, reps)
    return (
        f"with {reps} reps the rhythm takes {_shown(manager)} of the manager's month ({_shown(manager / reps)} per rep, "
        f"{_shown(_around_it(rhythm))} of it around the meetings), {_percent(manager / month, tenths=True)} of a working month of {_shown(month)}"
    )


RIDE_ALONG = "    minutes: 120\n    around_it_minutes: 120\n    how_often: monthly\n"


def _team_of(project, reps: int) -> str:
    """Sets the team's size, whatever the handbook's is: the file's new text."""
    path = project / "data" / "rhythm.yml"
    text = with_value(path.read_text(encoding="utf-8"), "team_size", reps)
    path.write_text(text, encoding="utf-8")
    return text


def test_too_much_coaching_per_rep_is_reported_at_the_meetings_with_the_figures(project):
    _team_of(project, 6)
    replace_once(project, "rhythm.yml", "    coaching_part: {minutes: 30, what: its same-day debrief}\n", "")
    text = replace_once(project, "rhythm.yml", RIDE_ALONG, "    minutes: 160\n    around_it_minutes: 120\n    how_often: monthly\n")
    # A 160-minute ride-along that is all coaching (no coaching part marked) takes each rep's coaching over the
    # most (in the example, with 5 weeks away, the 1:1's skill and deal boxes 35 min × 47 ÷ 12 = 137 1/12 min;
    # ride-along 160 min; deal debrief 30; development review 60 × 4 ÷ 12 = 20 min: 347 1/12 min), while the
    # manager's whole month with six reps, with the time around the meetings, stays under its share (in the
    # example, meetings 50 × 47 ÷ 12 + 45 × 26 ÷ 12 + 160 + 30 + 20 = 503⅓ min; around them 25 × 47 ÷ 12 + 10 × 26
    # ÷ 12 + 120 + 10 + 30 × 4 ÷ 12 = 259 7/12 min: × 6 = 4,577.5 of 9,400 min, under 50%).
    rhythm = yaml.safe_load(text)
    at_most = rhythm["coaching_hours_per_rep"]["at_most"]
    assert (_strict_by_hand(rhythm), _shown(_strict_by_hand(rhythm))) == (Fraction(4165, 12), "5 h 47 min")
    assert problems_of(project) == [
        (
            f"data/rhythm.yml:{_line(text, 'meetings:')}:1: {_coaching_a_month(text)}, more than the {at_most} hours set in coaching_hours_per_rep › at_most "
            f"(line {_line(text, f'  at_most: {at_most}')}); shorten a coaching meeting or hold it less often, or change the range"
        )
    ]


def test_too_little_coaching_face_to_face_is_reported_though_the_meetings_whole_reach_the_range(project):
    """A coach: a rhythm "within" 3 to 5 hours only by counting the customer meetings a manager watches and the
    rest of the 1:1 gave each rep under two hours of coaching. The range holds the strict count: a 1:1 whose
    coaching boxes are the old 17 minutes (10 on a skill, 7 on a deal) falls short, though its meetings whole
    come to 6 h 6 min."""
    replace_once(project, "rhythm.yml", "      name: One skill\n      minutes: 20\n", "      name: One skill\n      minutes: 10\n")
    # the push's minutes adding up to the 1:1 as well
    replace_once(project, "rhythm.yml", "box_minutes: {last-commitments: 11, one-skill: 15, one-deal: 11, commitments: 6}", "box_minutes: {last-commitments: 6, one-skill: 8, one-deal: 7, commitments: 4}")
    text = replace_once(project, "rhythm.yml", "      name: One deal\n      minutes: 15\n", "      name: One deal\n      minutes: 7\n")
    text = replace_once(project, "rhythm.yml", "      name: The rep's topic\n      minutes: 7\n", "      name: The rep's topic\n      minutes: 25\n")
    rhythm = yaml.safe_load(text)
    # By hand, with 5 weeks away: 17 × 47 ÷ 12 = 66 7/12 min, the ride-along's debrief 30, the deal debrief 30, the
    # development review 20: 146 7/12 min; the meetings whole, 50 × 47 ÷ 12 + 120 + 30 + 20 = 365⅚ min.
    assert [_shown(minutes) for minutes in (_strict_by_hand(rhythm), _per_rep(rhythm, coaching_only=True))] == ["2 h 27 min", "6 h 6 min"]
    at_least = rhythm["coaching_hours_per_rep"]["at_least"]
    assert problems_of(project) == [
        f"data/rhythm.yml:{_line(text, 'meetings:')}:1: {_coaching_a_month(text)}, less than the {at_least} hours set in coaching_hours_per_rep › at_least "
        f"(line {_line(text, f'  at_least: {at_least}')}); give the 1:1's coaching boxes more minutes, add a coaching meeting, or hold one longer or "
        "more often, or change the range"
    ]


DEAL_DEBRIEF_COUNTS = "    week_of_month: 1\n    counts_as_coaching: true\n    also_called: [lost-deal debrief, won-deal debrief]\n"


def test_the_weeks_a_manager_is_away_are_counted_against_the_coaching_a_rep_gets(project):
    """A VP: the old example's 3 h 3 min a month counted 52 weeks of 1:1s, and the page's own advice skips them in
    the weeks a manager is away. That rhythm (a 45-minute 1:1 with 33 minutes on a skill and a deal, the ride-
    along's debrief 20 minutes, no deal debrief) passes counted over 52 weeks and is refused over 47: 33 × 47 ÷ 12
    = 129¼ min, + 20 + 20 = 169¼ min, 2 h 49 min."""
    replace_once(project, "rhythm.yml", "    minutes: 50\n    around_it_minutes: 25\n", "    minutes: 45\n    around_it_minutes: 25\n")
    replace_once(project, "rhythm.yml", "      name: The rep's topic\n      minutes: 7\n", "      name: The rep's topic\n      minutes: 4\n")
    replace_once(project, "rhythm.yml", "      name: One deal\n      minutes: 15\n", "      name: One deal\n      minutes: 13\n")
    # that rhythm's 45 minutes had no room for a push's: its boxes keep their minutes
    replace_once(project, "rhythm.yml", "box_minutes: {last-commitments: 11, one-skill: 15, one-deal: 11, commitments: 6}", "box_minutes: {last-commitments: 4}")
    replace_once(project, "rhythm.yml", "    coaching_part: {minutes: 30,", "    coaching_part: {minutes: 20,")
    text = replace_once(project, "rhythm.yml", DEAL_DEBRIEF_COUNTS, DEAL_DEBRIEF_COUNTS.replace("true", "false"))
    rhythm = yaml.safe_load(text)
    assert _shown(_strict_by_hand(rhythm)) == "2 h 49 min"
    at_least = rhythm["coaching_hours_per_rep"]["at_least"]
    assert problems_of(project) == [
        f"data/rhythm.yml:{_line(text, 'meetings:')}:1: {_coaching_a_month(text)}, less than the {at_least} hours set in coaching_hours_per_rep › at_least "
        f"(line {_line(text, f'  at_least: {at_least}')}); give the 1:1's coaching boxes more minutes, add a coaching meeting, or hold one longer or "
        "more often, or change the range"
    ]
    assert f"; with the 1:1s of the 5 weeks in weeks_away_a_year (line {_line(text, 'weeks_away_a_year: 5')}) skipped)" in problems_of(project)[0]
    replace_once(project, "rhythm.yml", "weeks_away_a_year: 5\n", "weeks_away_a_year: 0\n")
    assert problems_of(project) == []  # 33 × 52 ÷ 12 + 20 + 20 = 183 min, 3 h 3 min


def test_too_little_coaching_per_rep_is_reported(project):
    replace_once(project, "rhythm.yml", DEAL_DEBRIEF_COUNTS, DEAL_DEBRIEF_COUNTS.replace("true", "false"))
    text = replace_once(project, "rhythm.yml", RIDE_ALONG + "    counts_as_coaching: true\n", RIDE_ALONG + "    counts_as_coaching: false\n")
    at_least = yaml.safe_load(text)["coaching_hours_per_rep"]["at_least"]
    problems = problems_of(project)
    assert len(problems) == 1
    assert problems[0].startswith(f"data/rhythm.yml:{_line(text, 'meetings:')}:1: {_coaching_a_month(text)}, less than the {at_least} hours set in coaching_hours_per_rep › at_least")


def test_a_rhythm_marking_no_coaching_boxes_is_held_to_the_range_by_its_meetings_whole(project):
    """Without the 1:1's coaching boxes there is no strict count: every meeting counted as coaching, whole."""
    _team_of(project, 5)
    (project / "data" / "rhythm.yml").write_text(_rhythm_text(project).replace("      coaching: true\n", ""), encoding="utf-8")
    replace_once(project, "rhythm.yml", RIDE_ALONG + "    counts_as_coaching: true\n", RIDE_ALONG + "    counts_as_coaching: false\n")
    # By hand, with 5 weeks away: the 1:1 50 × 47 ÷ 12 = 195⅚ min, the deal debrief 30 and the development review
    # 60 × 4 ÷ 12 = 20: 4 h 6 min, inside 3 to 5 hours. Held monthly, the development review makes it 195⅚ + 30 + 60
    # + a ride-along counted whole, 120: 6 h 46 min.
    assert problems_of(project) == []
    replace_once(project, "rhythm.yml", RIDE_ALONG + "    counts_as_coaching: false\n", RIDE_ALONG + "    counts_as_coaching: true\n")
    text = replace_once(project, "rhythm.yml", "    how_often: quarterly\n", "    how_often: monthly\n")
    rhythm = yaml.safe_load(text)
    parts = ", ".join(f"{meeting['name']} {_shown(_a_month(meeting, rhythm))}" for meeting in rhythm["meetings"] if meeting["counts_as_coaching"])
    assert parts == "1:1 3 h 16 min, Ride-along 2 h, Deal debrief 30 min, Development review 1 h"
    parts += f"; with the 1:1s of the 5 weeks in weeks_away_a_year (line {_line(text, 'weeks_away_a_year:')}) skipped"
    assert problems_of(project) == [
        f"data/rhythm.yml:{_line(text, 'meetings:')}:1: each rep gets 6 h 46 min of coaching a month ({parts}), more than the "
        f"{rhythm['coaching_hours_per_rep']['at_most']} hours set in coaching_hours_per_rep › at_most (line {_line(text, '  at_most: 5')}); shorten a "
        "coaching meeting or hold it less often, or change the range"
    ]


def test_a_range_upside_down_is_reported_at_its_lower_end(project):
    text = replace_once(project, "rhythm.yml", "  at_least: 3\n", "  at_least: 6\n")
    assert problems_of(project) == [f"data/rhythm.yml:{_line(text, '  at_least: 6')}:13: 'at_least' (6 hours) is more than 'at_most' (5 hours); the fewest hours must not be more than the most"]


def test_a_weekly_pipeline_review_takes_the_manager_over_the_share_of_the_month(project):
    """The change docs/editing-tools.md shows, which the checks refuse for a team of eight."""
    _team_of(project, 8)
    text = replace_once(project, "rhythm.yml", "    around_it_minutes: 10\n    how_often: fortnightly\n", "    around_it_minutes: 10\n    how_often: weekly\n")
    assert _manager_month(text).startswith("with 8 reps the rhythm takes 109 h 13 min of the manager's month (13 h 39 min per rep, 4 h 37 min of it around the meetings), 69.7%")
    # Each rep's meetings and the manager's time around them, times the team, of the working month (the week's hours
    # × the 47 weeks there ÷ 12). In the example, meetings 50 × 47 ÷ 12 (195⅚) + 45 × 47 ÷ 12 (176¼) + 120 + 30 +
    # 20 = 542 1/12 min; around them 25 × 47 ÷ 12 (97 11/12) + 10 × 47 ÷ 12 (39 1/6) + 120 + 10 + 30 × 4 ÷ 12 (10) =
    # 277 1/12 min; 819 1/6 min a rep, × 8 reps = 6,553⅓ min (109 h 13 min) of a 40 × 47 ÷ 12 h month (9,400
    # min): 69.7%.
    at_most = yaml.safe_load(text)["manager_share"]["at_most"]
    assert problems_of(project) == [
        (
            f"data/rhythm.yml:{_line(text, 'team_size:')}:12: {_manager_month(text)}, more than "
            f"the {_percent(Fraction(str(at_most)))} set in manager_share › at_most (line {_line(text, f'  at_most: {at_most}')}); plan fewer or shorter meetings, or "
            "a smaller team per manager"
        )
    ]


def test_a_bigger_team_alone_can_take_the_manager_over(project):
    text = _team_of(project, 10)
    # In the example, (463⅓ min of meetings + 259 7/12 min around them) × 10 = 7,229 1/6 min of 9,400: 76.9%.
    (problem,) = problems_of(project)
    assert _manager_month(text) in problem


def test_time_boxes_that_do_not_add_up_to_the_one_to_one_are_reported_at_the_boxes(project):
    text = replace_once(project, "rhythm.yml", "      name: The rep's topic\n      minutes: 7\n", "      name: The rep's topic\n      minutes: 2\n")
    rhythm = yaml.safe_load(text)
    boxes, meeting = rhythm["one_to_one"]["boxes"], _one_to_one(rhythm)
    listed = ", ".join(f"{box['id']} {box['minutes']}" for box in boxes)
    assert problems_of(project) == [
        (
            f"data/rhythm.yml:{_line(text, '  boxes:')}:3: the 1:1's time boxes add up to {sum(box['minutes'] for box in boxes)} minutes "
            f"({listed}), but the 1:1 lasts {meeting['minutes']} minutes in the rhythm "
            f"(line {_line(text, '    minutes:', after='- id: ' + meeting['id'])}); make the boxes add up to {meeting['minutes']}, or change the meeting's minutes"
        )
    ]


def test_a_longer_one_to_one_needs_its_boxes_changed_too(project):
    rhythm = yaml.safe_load(_rhythm_text(project))
    minutes = _one_to_one(rhythm)["minutes"]
    around = _one_to_one(rhythm)["around_it_minutes"]
    replace_once(project, "rhythm.yml", f"    minutes: {minutes}\n    around_it_minutes: {around}\n", f"    minutes: {minutes + 15}\n    around_it_minutes: {around}\n")
    problems = problems_of(project)
    boxes = sum(box["minutes"] for box in rhythm["one_to_one"]["boxes"])
    assert any(f"the 1:1's time boxes add up to {boxes} minutes" in problem and f"but the 1:1 lasts {minutes + 15} minutes" in problem for problem in problems)


def test_the_agenda_names_a_meeting_and_stages_that_exist(project):
    text = replace_once(project, "rhythm.yml", "  meeting: one-to-one\n", "  meeting: weekly-one-to-one\n")
    text = replace_once(project, "rhythm.yml", "      question_stages: [commit]\n", "      question_stages: [close]\n")
    problems = problems_of(project)
    assert f"data/rhythm.yml:{_line(text, 'weekly-one-to-one')}:12: unknown meeting 'weekly-one-to-one' (did you mean 'one-to-one'? expected one of the ids in data/rhythm.yml: one-to-one, pipeline-review, ride-along, deal-debrief, development-review)" in problems
    assert any(problem.startswith(f"data/rhythm.yml:{_line(text, '[close]')}:25: unknown stage 'close'") for problem in problems)
    assert len(problems) == 2


def test_how_often_is_one_of_four_rhythms(project):
    text = replace_once(project, "rhythm.yml", "    how_often: quarterly\n", "    how_often: biweekly\n")
    assert problems_of(project) == [f"data/rhythm.yml:{_line(text, 'biweekly')}:16: 'meetings' › item 5 › 'how_often' is 'biweekly' (expected one of: weekly, fortnightly, monthly, quarterly)"]



def test_a_week_of_the_month_places_only_a_monthly_meeting(project):
    """A leader moves the deal debrief to fortnightly and keeps its week of the month: a fortnightly meeting has
    no such week, and the boot camp would count it as if it had none, so the mistake is said at the week."""
    text = replace_once(project, "rhythm.yml", "    how_often: monthly\n    # the first week", "    how_often: fortnightly\n    # the first week")
    assert problems_of(project) == [f"data/rhythm.yml:{_line(text, 'week_of_month: 1')}:20: 'week_of_month' places a monthly meeting in its week of the month, but this one is fortnightly; remove 'week_of_month' or make 'how_often' monthly"]


def test_a_week_of_the_month_is_one_of_four(project):
    text = replace_once(project, "rhythm.yml", "    week_of_month: 1\n", "    week_of_month: 5\n")
    assert problems_of(project) == [f"data/rhythm.yml:{_line(text, 'week_of_month: 5')}:20: 'meetings' › item 4 › 'week_of_month' is 5 (expected at least 1 and at most 4)"]


# ---------------------------------------------------------------- the rhythm stated once

# (file, text as shipped, the same text restating a meeting, what the message says)
DISAGREEING = {
    "charter-fortnightly-one-to-one": ("charter.yml", "I will hold your [1:1](coaching/one-to-one.md) and", "I will hold your fortnightly 1:1 and", "'fortnightly 1:1' says the 1:1 is fortnightly, but the coaching rhythm has it weekly"),
    "levels-two-ride-alongs": ("levels.yml", "Plan the calls for each [ride-along](coaching/rhythm.md#ride-along) together,", "Plan two ride-alongs a month together,", "'two ride-alongs a month' says the ride-along is twice a month, but the coaching rhythm has it monthly"),
    "assessments-monthly-development": ("assessments.yml", "Open each [development review](coaching/rhythm.md#development-review) with", "Open the monthly development 1:1 with", "'monthly development 1:1' says the development review is monthly, but the coaching rhythm has it quarterly"),
    "checklists-45-minute": ("checklists.yml", "Held a first 1:1,", "Held a first 60-minute 1:1,", f"'60-minute 1:1' says the 1:1 is 60 minutes long, but the coaching rhythm has it {_one_to_one(data('rhythm'))['minutes']} minutes long"),
    "bootcamp-weekly-pipeline": ("bootcamp.yml", "ready for your next [pipeline review](coaching/rhythm.md#pipeline-review).", "ready for the weekly pipeline review.", "'weekly pipeline review' says the pipeline review is weekly, but the coaching rhythm has it fortnightly"),
    "dilemma-joint-calls": ("dilemma.yml", "Keep the [1:1s](coaching/one-to-one.md), but", "Join them on joint calls every two weeks, but", "'joint calls every two weeks' says the ride-along is fortnightly, but the coaching rhythm has it monthly"),
    "rhythm-intro-itself": ("rhythm.yml", "Wherever this handbook mentions a 1:1,", "Wherever this handbook mentions a 1:1 once a quarter,", "'1:1 once a quarter' says the 1:1 is quarterly, but the coaching rhythm has it weekly"),
}


@pytest.mark.parametrize("case", DISAGREEING)
def test_a_text_disagreeing_with_the_rhythm_is_reported_on_its_line(project, case):
    file, old, new, says = DISAGREEING[case]
    text = replace_once(project, file, old, new)
    problems = problems_of(project)
    assert len(problems) == 1, problems
    value_line = _value_start(text, new)
    assert problems[0].startswith(f"data/{file}:{value_line}:"), problems[0]
    assert says in problems[0]
    assert "instead of saying how often or how long it is, or change the rhythm" in problems[0]


def _value_start(text: str, needle: str) -> int:
    """The line where the YAML value holding `needle` starts (a folded text starts on its key's line)."""
    line = _line(text, needle)
    lines = text.splitlines()
    while not re.match(r"\s*(- )?(\w+: |- )", lines[line - 1]):
        line -= 1
    return line


def test_a_text_that_agrees_is_accepted_until_the_rhythm_changes(project):
    text = replace_once(project, "onboarding.yml", "and book the meetings of [your coaching rhythm](coaching/rhythm.md) in both calendars.", "and book your weekly 1:1.")
    assert problems_of(project) == []
    replace_once(project, "rhythm.yml", "    around_it_minutes: 25\n    how_often: weekly\n", "    around_it_minutes: 25\n    how_often: fortnightly\n")
    problems = problems_of(project)
    assert [problem for problem in problems if problem.startswith("data/onboarding.yml")] == [
        (
            f"data/onboarding.yml:{_line(text, 'book your weekly 1:1')}:15: 'weekly 1:1' says the 1:1 is weekly, but the coaching rhythm has it fortnightly "
            f"(data/rhythm.yml, line {_line(_rhythm_text(project), '    how_often: fortnightly') }); link to [the coaching rhythm](coaching/rhythm.md#one-to-one) "
            "instead of saying how often or how long it is, or change the rhythm"
        )
    ]


@pytest.mark.parametrize("text", [
    "For the manager, in the fifteen minutes before each 1:1 with a rep.",
    "Within a month of joining, book your first ride-along.",
    "Set a weekly floor of new conversations, and review it in the 1:1.",
    "Every lost deal in commit gets a 20-minute debrief.",
])
def test_lead_times_and_other_frequencies_near_a_meeting_are_not_read_as_its_rhythm(project, text):
    replace_once(project, "checklists.yml", "Save status updates for the [pipeline review](coaching/rhythm.md#pipeline-review) and quick fixes for a message, so the 1:1 stays a coaching conversation.", text)
    assert problems_of(project) == []


def test_an_also_called_name_is_looked_for_too(project):
    replace_once(project, "rhythm.yml", "    also_called: [joint call, field visit]\n", "    also_called: [joint call, field visit, shadow day]\n")
    text = replace_once(project, "dilemma.yml", "Keep the [1:1s](coaching/one-to-one.md), but", "Book a shadow day every week, but")
    (problem,) = problems_of(project)
    assert problem.startswith(f"data/dilemma.yml:{_line(text, 'shadow day every week')}:")
    assert "'shadow day every week' says the ride-along is weekly" in problem


# Phrases that would state a meeting's frequency or length; read without the project's code, as an editor would grep.
RESTATING = re.compile(
    r"(weekly|fortnightly|monthly|quarterly|\d+-minute|(once|twice) a (week|month|quarter))\s+(\w+\s+)?(1:1|one-to-one|ride-along|pipeline review|development)"
    r"|(1:1s?|ride-alongs?|pipeline reviews?|development reviews?)\s+(\w+\s+){0,2}(every|each|once a|twice a|per) (week|fortnight|month|quarter)"
    r"|\b(two|three|\d+) (ride-alongs|1:1s)",
    re.IGNORECASE,
)


def test_the_example_states_each_meetings_rhythm_only_in_the_rhythm_file():
    """Agreeing or not, no other data file or page restates a meeting's frequency or length: they link to the
    rhythm. (The editing guide's pages quote such phrases on purpose, as examples of what the check refuses.)"""
    found = []
    for path in sorted((ROOT / "data").glob("*.yml")):
        if path.stem != "rhythm":
            found += [f"{path.name}: {match.group(0)}" for text in strings(yaml.safe_load(path.read_text(encoding="utf-8"))) for match in RESTATING.finditer(text)]
    for path in sorted((ROOT / "docs").rglob("*.md")):
        if not path.name.startswith("editing"):
            found += [f"{path.relative_to(ROOT)}: {match.group(0)}" for match in RESTATING.finditer(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_restating_pattern_finds_what_the_handbook_used_to_say():
    """The phrases issue 14 found restated across the handbook, so the test above can fail."""
    old = [
        "I will hold your weekly 1:1 and not move it for internal meetings",
        "Open the monthly development 1:1 with a question",
        "Book a recurring 30-minute development slot",
        "Plan two ride-alongs per rep per month",
        "Hold a pipeline review every week",
    ]
    assert [bool(RESTATING.search(text)) for text in old] == [True, True, True, True, True]


def test_the_pull_request_summary_names_a_changed_meeting():
    rhythm = yaml.safe_load((ROOT / "data" / "rhythm.yml").read_text(encoding="utf-8"))
    changed = yaml.safe_load((ROOT / "data" / "rhythm.yml").read_text(encoding="utf-8"))
    changed["meetings"][1]["how_often"] = "weekly"
    changed["one_to_one"]["boxes"].pop()
    assert FileChanges("rhythm", rhythm, changed).sentences() == [
        f"Changed the rhythm meeting 'Pipeline review': how often \"{rhythm['meetings'][1]['how_often']}\" → \"weekly\"",
        "Removed the 1:1 time box 'Commitments'",
    ]


# ---------------------------------------------------------------- days off


def _with_days_off(project: Path, days: list[tuple[str, str]]) -> str:
    """The rhythm file with `days` (date, name) as its days off, in place of any it lists. The new text."""
    path = project / "data" / "rhythm.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith("days_off:")), None)
    if start is not None:
        end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "#", "\n")), len(lines))
        del lines[start:end]
    else:
        start = len(lines)
    lines[start:start] = ["days_off:\n"] + [f'  - date: "{when}"\n    name: {name}\n' for when, name in days]
    text = "".join(lines)
    path.write_text(text, encoding="utf-8")
    return text


def test_a_day_off_must_be_a_real_working_day_listed_once(project):
    # A leader copying the year's public holidays: one mistyped, one that falls on a Saturday this year, one twice.
    working = data("rhythm").get("working_days", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    saturday_off = "Saturday" not in working
    text = _with_days_off(project, [("2027-02-30", "Family Day"), ("2026-12-26", "Boxing Day"), ("2027-03-26", "Good Friday"), ("2027-03-26", "Good Friday")])
    problems = problems_of(project, "rhythm.yml")
    first = _line(text, '"2027-03-26"')
    expected = [f"data/rhythm.yml:{_line(text, '2027-02-30')}:11: '2027-02-30' is not a day of the calendar; check the month's length"]
    if saturday_off:
        expected.append(
            f"data/rhythm.yml:{_line(text, '2026-12-26')}:11: '2026-12-26' (Boxing Day) is a Saturday, not one of the team's working days "
            f"({', '.join(working)}), so a day off there changes nothing; check the date, or take it out"
        )
    expected.append(f"data/rhythm.yml:{_line(text, '2027-03-26', after='Good Friday')}:11: '2027-03-26' is listed as a day off already, on line {first}; list each day once")
    assert problems == expected

