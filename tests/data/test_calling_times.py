"""The boot camp's times in data/bootcamp.yml, which the calendar file is made from: a time that isn't HH:MM, a
stretch that ends before it starts, a start date on the wrong weekday and a text that writes another time are
each reported where the leader typed them. The calling block's times are read from the data, so a team that
has moved its block keeps these tests."""

from datetime import datetime, timedelta
from fractions import Fraction
from math import ceil

import pytest

from macros.handbook import Project
from macros.problems import quoted
from tests.helpers import data, position_in, problems_of, replace_once, with_value
from tests.site.test_rhythm_pages import _shown

FILE = "bootcamp.yml"
TIMES = data("bootcamp")["calling_times"]
STARTS, ENDS, MEETINGS_FROM = TIMES["block"]["starts"], TIMES["block"]["ends"], TIMES["meetings_from"]


def _set(project, key: str, value: str) -> None:
    """Sets the one `key` of the file's calling_times (indented as there: "  block"), whatever it held."""
    path = project / "data" / FILE
    path.write_text(with_value(path.read_text(encoding="utf-8"), key, value), encoding="utf-8")


def _block(starts: str, ends: str) -> str:
    return f"{{starts: {starts}, ends: {ends}}}"


def _later(hh_mm: str, minutes: int) -> str:
    return (datetime.strptime(hh_mm, "%H:%M") + timedelta(minutes=minutes)).strftime("%H:%M")


def _length(starts: str, ends: str) -> int:
    """Minutes from one "HH:MM" to a later one."""
    return (datetime.strptime(ends, "%H:%M") - datetime.strptime(starts, "%H:%M")).seconds // 60


def _as_written(hh_mm: str) -> str:
    """A time as the handbook's sentences write it: 08:30 is 8.30."""
    hours, minutes = hh_mm.split(":")
    return f"{int(hours)}.{minutes}"


@pytest.mark.parametrize("typed", ['"8.30"', '"25:00"', '"08:60"', '"8:30"', '"08:30 am"'])
def test_a_time_that_is_not_hh_mm_is_reported_where_it_is_typed(project, typed):
    _set(project, "  block", _block(typed, f'"{ENDS}"'))
    where = position_in(project, FILE, f"starts: {typed}")
    line, column = where.split(":")
    at = f"{line}:{int(column) + len('starts: ')}"
    assert problems_of(project, FILE) == [
        f"data/bootcamp.yml:{at}: 'calling_times' › 'block' › 'starts' '{typed.strip(chr(34))}' is not a time (expected \"HH:MM\" on the 24-hour clock, in quotes, like \"08:30\")"
    ]


def test_a_time_typed_as_a_number_is_asked_for_in_quotes(project):
    _set(project, "  make_up", f'{{starts: 15.30, ends: "{TIMES["make_up"]["ends"]}"}}')
    line, column = position_in(project, FILE, "starts: 15.30").split(":")
    assert problems_of(project, FILE) == [
        f"data/bootcamp.yml:{line}:{int(column) + len('starts: ')}: 'calling_times' › 'make_up' › 'starts' must be text, found the number 15.3; put the value in double quotes to keep it as typed"
    ]


def test_a_stretch_that_ends_before_it_starts_is_reported_at_its_end_with_the_start_line(project):
    replace_once(project, FILE, 'weekly_time: {day: Friday, starts: "13:30", ends: "14:30"}', 'weekly_time: {day: Friday, starts: "13:30", ends: "13:00"}')
    line, column = position_in(project, FILE, 'ends: "13:00"').split(":")
    assert problems_of(project, FILE) == [
        f"data/bootcamp.yml:{line}:{int(column) + len('ends: ')}: 'cadence' › 'weekly_time' › 'ends' is '13:00', not after 'starts' ('13:30', line {line}); a time in the calendar must end after it starts"
    ]


def test_a_team_meeting_that_would_run_into_the_make_up_block_is_reported_at_the_weekly_cadence(project):
    # A director's review: Friday's team meeting, 45 minutes straight after the weekly cadence (14.00 to 15.00),
    # ran into the make-up block from 15.30, so a rep making up the block missed it.
    replace_once(project, FILE, 'weekly_time: {day: Friday, starts: "13:30", ends: "14:30"}', 'weekly_time: {day: Friday, starts: "14:00", ends: "15:00"}')
    line, column = position_in(project, FILE, 'ends: "15:00"').split(":")
    make_up = position_in(project, FILE, "make_up:").split(":")[0]
    said = f"data/bootcamp.yml:{line}:{int(column) + len('ends: ')}: the team meeting (45 minutes: {{}}, line {{}}) follows the weekly cadence, so on Friday, a calling day, it would end at 15:45, after the make-up block starts at 15:30 (line {make_up}); end the weekly cadence by 14:45, or start the make-up block later"
    assert problems_of(project, FILE) == [said.format("data/rhythm.yml", _team_meeting_minutes(project / "data/rhythm.yml"))]
    # The cadence on a day without calling has no make-up block to run into.
    replace_once(project, FILE, "days: [Monday, Tuesday, Wednesday, Thursday, Friday]\n  first_block", "days: [Monday, Tuesday, Wednesday, Thursday]\n  first_block")
    assert not [problem for problem in problems_of(project, FILE) if "team meeting" in problem]


def test_moving_the_calling_block_in_data_flags_the_rules_that_still_say_the_old_times(project):
    starts, ends, meetings_from = _later(STARTS, 30), _later(ENDS, 15), _later(MEETINGS_FROM, 30)
    _set(project, "  block", _block(f'"{starts}"', f'"{ends}"'))
    _set(project, "  meetings_from", f'"{meetings_from}"')
    rule = int(position_in(project, FILE, "id: set-times").split(":")[0]) + 1  # where its text starts
    problems = problems_of(project, FILE)
    block_line = position_in(project, FILE, f'block: {{starts: "{starts}"').split(":")[0]
    old = f"'from {_as_written(STARTS)} to {_as_written(ENDS)}' is not a stretch of time data/bootcamp.yml has"
    assert problems[0].startswith(f"data/bootcamp.yml:{rule}:") and f"{old}: the calling block from {starts} to {ends} (line {block_line})" in problems[0], problems
    # "Book customer meetings from 11.00 on", where meetings now start half an hour later (the daily cadence
    # names the block, not its times)
    assert sum(f"meetings from {_as_written(MEETINGS_FROM)}' books meetings from another time than data/bootcamp.yml does: from {meetings_from}" in problem for problem in problems) == 1, problems
    assert len(problems) == 2, problems


def test_meetings_booked_inside_the_calling_block_are_reported(project):
    inside = _later(ENDS, -30)
    assert STARTS < inside < ENDS, "the example's calling block is at least half an hour long"
    _set(project, "  meetings_from", f'"{inside}"')
    line, column = position_in(project, FILE, f'meetings_from: "{inside}"').split(":")
    block_line = position_in(project, FILE, "  block: {").split(":")[0]
    problems = problems_of(project, FILE)
    assert f"data/bootcamp.yml:{line}:{int(column) + len('meetings_from: ')}: 'meetings_from' is '{inside}', before the calling block ends ('{ENDS}', line {block_line}); book customer meetings from the end of the block or later" in problems, problems


def test_a_text_booking_meetings_from_another_of_the_datas_times_is_reported(project):
    """Meetings moved to half an hour after the block, and a rule still books them from the block's end: a time
    the data has, but not the one meetings are booked from. A meeting mentioned beside another time is not
    taken for when meetings are booked."""
    meetings_from = _later(ENDS, 30)
    _set(project, "  meetings_from", f'"{meetings_from}"')
    sentences = [f"Book customer meetings from {_as_written(ENDS)}.", f"Customer meetings are booked after {_as_written(meetings_from)}.",
                 f"If a customer can only meet early, take the meeting and make up the block from {_as_written(TIMES['make_up']['starts'])}."]
    replace_once(project, FILE, "  - id: set-times\n    text: >-\n", "  - id: set-times\n    text: >-\n      " + " ".join(sentences) + "\n")
    rule = int(position_in(project, FILE, "id: set-times").split(":")[0]) + 1  # where its text starts
    problems = [problem for problem in problems_of(project, FILE) if problem.startswith(f"data/bootcamp.yml:{rule}:")]
    meetings_line = position_in(project, FILE, "  meetings_from").split(":")[0]
    assert problems == [f"data/bootcamp.yml:{rule}:11: 'meetings from {_as_written(ENDS)}' books meetings from another time than data/bootcamp.yml does: from {meetings_from} (line {meetings_line}); write that time, or change 'meetings_from' there"], problems


def test_a_boot_camp_that_starts_on_another_weekday_than_week_1_is_reported(project):
    replace_once(project, FILE, 'next_boot_camp_starts: "2027-01-04"', 'next_boot_camp_starts: "2027-01-06"')
    line, column = position_in(project, FILE, '"2027-01-06"').split(":")
    problems = problems_of(project, FILE)
    assert len(problems) == 1 and problems[0].startswith(f"data/bootcamp.yml:{line}:{column}: '2027-01-06' is a Wednesday, but week 1 starts on a Monday (line "), problems
    assert problems[0].endswith("); start the boot camp on a Monday")


def test_the_first_calling_block_must_be_a_calling_day_of_its_week(project):
    replace_once(project, FILE, "first_block: {week: week-2, day: Thursday}", "first_block: {week: week-9, day: Saturday}")
    problems = problems_of(project, FILE)
    assert any("'week-9'" in problem and "boot-camp week" in problem for problem in problems), problems
    assert any("'Saturday' is not one of the calling block's days" in problem for problem in problems), problems


def test_a_week_that_names_a_day_twice_is_reported_at_the_second(project):
    second = "      - day: Tuesday\n        plan: >-\n          Reps score their accounts"
    replace_once(project, FILE, second, second.replace("Tuesday", "Monday"))
    first = position_in(project, FILE, "plan: Reps finish account plans").split(":")[0]
    line = int(position_in(project, FILE, "Reps score their accounts").split(":")[0]) - 2
    column = len("      - day: ") + 1
    assert problems_of(project, FILE) == [
        f"data/bootcamp.yml:{line}:{column}: 'Monday' is already a day of week-2 (line {int(first) - 1}); a week names each day once, so the calendar file can place it"
    ]


def test_calling_and_boot_camp_days_fall_on_the_teams_working_days(project):
    """A team that works Monday to Thursday: the Friday calling block, the boot camp's Fridays, the weekly cadence
    on Friday and a planner counting five selling days a week are each reported where they are typed, naming the
    working days' line."""
    replace_once(project, "rhythm.yml", "working_days: [Monday, Tuesday, Wednesday, Thursday, Friday]", "working_days: [Monday, Tuesday, Wednesday, Thursday]")
    working = position_in(project, "rhythm.yml", "working_days:").split(":")[0]
    said = f"the team's working days (Monday, Tuesday, Wednesday, Thursday: 'working_days' in data/rhythm.yml, line {working})"
    problems = problems_of(project, FILE)
    calling = position_in(project, FILE, "days: [Monday, Tuesday, Wednesday, Thursday, Friday]").split(":")
    at = f"{calling[0]}:{int(calling[1]) + len('days: [Monday, Tuesday, Wednesday, Thursday, ')}"
    assert f"data/bootcamp.yml:{at}: 'Friday' is a calling day but not one of {said}; take it out, or add it there" in problems
    fridays = [problem for problem in problems if "'Friday' in week-" in problem]
    assert [problem.split(": ", 1)[1] for problem in fridays] == [f"'Friday' in week-{n} is not one of {said}; move the day's plan to a working day, or add the day there" for n in range(1, 5)]
    selling = position_in(project, FILE, "selling_days_per_week: 5").split(":")
    assert f"data/bootcamp.yml:{selling[0]}:{int(selling[1]) + len('selling_days_per_week: ')}: 'selling_days_per_week' is 5, more than {said}; a rep sells on no more days than the team works" in problems
    weekly = position_in(project, FILE, "weekly_time: {day: Friday").split(":")
    assert f"data/bootcamp.yml:{weekly[0]}:{int(weekly[1]) + len('weekly_time: {day: ')}: 'Friday', the weekly cadence's day, is not one of {said}; pick one of those" in problems
    assert len(problems) == 1 + 4 + 1 + 1, problems


def test_working_days_left_out_are_monday_to_friday(project):
    replace_once(project, "rhythm.yml", "working_days: [Monday, Tuesday, Wednesday, Thursday, Friday]\n", "")
    assert problems_of(project, FILE) == []
    replace_once(project, FILE, "days: [Monday, Tuesday, Wednesday, Thursday, Friday]", "days: [Monday, Tuesday, Wednesday, Thursday, Friday, Saturday]")
    assert any("'Saturday' is a calling day but not one of the team's working days (Monday, Tuesday, Wednesday, Thursday, Friday, as 'working_days' is left out of data/rhythm.yml)" in problem for problem in problems_of(project, FILE))


def test_targets_that_take_more_calling_than_the_blocks_hold_are_reported_at_the_revenue_target(project):
    """A sales leader's case: the quarterly target raised from 240,000 to 300,000 made the planner, at the handbook's
    own figures, ask every rep for 11 h 40 min of calls a week in 10 h of calling blocks, and tell them beside the
    targets that prospecting alone could not bring them in. The week's minutes are worked out here from the
    oracle's weekly figures and each stage's minutes_each."""
    from macros.wiring import check_handbook
    from tests import planner_oracle

    bootcamp = project / "data" / FILE
    planner = data("bootcamp")["activity_planner"]
    target = planner["revenue_target"] * 3
    bootcamp.write_text(with_value(bootcamp.read_text(encoding="utf-8"), "  revenue_target", target), encoding="utf-8")
    rows = planner_oracle.expected(planner | {"revenue_target": target}).rows
    taken = [(row[3], stage) for row, stage in zip(rows, planner["stages"]) if stage.get("minutes_each") and not row[3].startswith("1 every")]
    needed = sum(planner_oracle.exact(week) * stage["minutes_each"] for week, stage in taken)
    days = min(len(TIMES["days"]), planner["selling_days_per_week"])
    held = _length(STARTS, ENDS) * days
    assert needed > held
    line, column = position_in(project, FILE, f"revenue_target: {target}").split(":")
    block_line = position_in(project, FILE, "  block: {").split(":")[0]
    share_line = position_in(project, FILE, "share_not_from_prospecting: ").split(":")[0]
    each = ", ".join(f"{week} {stage['name'].lower()} a week at {_shown(Fraction(stage['minutes_each']))} each" for week, stage in taken)
    _, problems = check_handbook(Project(project), None)
    assert [problem.as_text() for problem in problems if not problem.warning] == [
        f"data/bootcamp.yml:{line}:{int(column) + len('revenue_target: ')}: at the planner's figures a rep's week of calling takes "
        f"{_shown(needed)} ({each}), more than the {_shown(Fraction(held))} its calling blocks hold ({days} of {_shown(Fraction(held, days))}, "
        f"'calling_times' › 'block', line {block_line}), so the activity targets could not be met in the block; lower the target, "
        f"raise what comes without prospecting where your renewals and inbound orders bring more ('share_not_from_prospecting', line {share_line}), "
        f"or make the block at least {_shown(Fraction(ceil(needed / days)))} long; change a conversion rate or 'minutes_each' only "
        "where your CRM or your reps' own timing shows other figures, never to make the target fit"
    ]


def test_a_make_up_block_shorter_than_the_calling_block_is_reported_at_its_end(project):
    """A leader lengthened the block to half an hour more than the make-up block and left that as it was: a rep
    making up a missed block would call for half an hour less."""
    make_up = TIMES["make_up"]
    short = _length(make_up["starts"], make_up["ends"])
    block = short + 30
    ends = _later(STARTS, block)
    _set(project, "  block", _block(f'"{STARTS}"', f'"{ends}"'))
    _set(project, "  meetings_from", f'"{max(MEETINGS_FROM, ends)}"')
    line, column = position_in(project, FILE, f'ends: "{make_up["ends"]}"').split(":")
    block_line = position_in(project, FILE, "  block: {").split(":")[0]
    assert f"data/bootcamp.yml:{line}:{int(column) + len('ends: ')}: the make-up block lasts {_shown(Fraction(short))}, less than the calling block's {_shown(Fraction(block))} (line {block_line}); a rep who makes up the block calls for as long as it lasts, so end the make-up block {_shown(Fraction(block))} after it starts" in problems_of(project, FILE)


def test_a_stretch_written_with_a_dash_between_or_am_and_pm_is_checked_too(project):
    """A leader moved the key-accounts team's block, and its first week still said "Tuesday and Thursday
    8.30–9.30": the checks read only "from … to …". A sentence stating the block's times the ways leaders write
    them passes, and each is reported once the block moves; a range of figures with a dash is not a time."""
    twelve = {time: f"{int(time[:2]) % 12 or 12}.{time[3:]}{'am' if int(time[:2]) < 12 else 'pm'}" for time in (STARTS, ENDS)}
    stretches = [f"{_as_written(STARTS)}–{_as_written(ENDS)}", f"between {_as_written(STARTS)} and {_as_written(ENDS)}", f"from {twelve[STARTS]} to {twelve[ENDS]}"]
    sentence = f"The team calls {stretches[0]} every day ({stretches[1]}, or {stretches[2]}); a deal is worth 1.25–1.50 million, a seat £2.10–2.40 a day."
    replace_once(project, FILE, "  - id: set-times\n    text: >-\n", f"  - id: set-times\n    text: >-\n      {sentence}\n")
    assert problems_of(project, FILE) == []
    _set(project, "  block", _block(f'"{_later(STARTS, 30)}"', f'"{_later(ENDS, 15)}"'))
    _set(project, "  meetings_from", f'"{_later(MEETINGS_FROM, 30)}"')
    problems = problems_of(project, FILE)
    for stretch in stretches:
        assert sum(f"'{stretch}' is not a stretch of time data/bootcamp.yml has" in problem for problem in problems) == 1, (stretch, problems)
    assert not any("1.25" in problem or "2.10" in problem for problem in problems), problems


def _team_meeting_minutes(path) -> int:
    """The line of the team meeting's minutes in a rhythm file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("team_meeting:")
    return next(number for number, text in enumerate(lines[start:], start + 1) if text.startswith("  minutes:"))


def test_fewer_calling_days_than_the_planners_selling_days_is_reported_while_targets_are_shown_a_day(project):
    """A leader's case: calling on four days, the planner still spread each week over five, so the targets read
    "22 a day, 110 a week" and a rep who made 22 on each calling day made 88; the boot camp still had a calling
    block on its Fridays, and two texts said the block runs every weekday. Each is reported where it is typed."""
    five = "days: [Monday, Tuesday, Wednesday, Thursday, Friday]"
    replace_once(project, FILE, five, "days: [Monday, Tuesday, Wednesday, Thursday]")
    at = position_in(project, FILE, "days: [Monday, Tuesday, Wednesday, Thursday]").split(":")
    selling = position_in(project, FILE, "selling_days_per_week: 5").split(":")[0]
    problems = problems_of(project, FILE)
    assert problems[1] == (
        f"data/bootcamp.yml:{at[0]}:{int(at[1]) + len('days: ')}: the calling block runs on 4 days a week, but the activity targets show calls a day, "
        f"a week's figure spread over the planner's 5 selling days ('selling_days_per_week', line {selling}): a rep who makes the day's figure "
        "on each calling day makes 4 of those 5 days' worth; make 'selling_days_per_week' 4, or call on 5 days"
    )
    fridays = [problem.split(": ", 1)[1] for problem in problems if "'s Friday has a calling block" in problem]
    assert fridays == [f"week-{n}'s Friday has a calling block, but Friday is not a calling day in data/bootcamp.yml (line {at[0]}); take the block out of this day's plan, or add the day there" for n in (2, 3, 4)]
    said = f"says the calling block runs every weekday, but data/bootcamp.yml has it on Monday, Tuesday, Wednesday, Thursday (line {at[0]}); name those days, or change them there"
    assert [problem.split(": ", 1)[1] for problem in problems if said in problem] == [f"'calls together from 8.30 to 10.30 every weekday' {said}"]
    assert [problem.split(": ", 1)[1] for problem in problems_of(project, "onboarding.yml")] == [f"'calling block every weekday' {said}"]
    assert len(problems) == 5, problems
    # With the planner's days made four, the figures are spread over the days the rep calls.
    replace_once(project, FILE, "selling_days_per_week: 5", "selling_days_per_week: 4")
    assert not [problem for problem in problems_of(project, FILE) if "activity targets show" in problem]


def test_a_team_meeting_on_another_day_than_the_weekly_cadence_it_follows_is_reported_at_its_when(project):
    """A leader's case: the weekly cadence moved to Thursday, and the rhythm page kept the team meeting "on Friday
    afternoon, straight after the reps' weekly cadence"."""
    replace_once(project, FILE, "weekly_time: {day: Friday,", "weekly_time: {day: Thursday,")
    cadence = position_in(project, FILE, "weekly_time:").split(":")[0]
    when = data("rhythm")["team_meeting"]["when"]
    assert problems_of(project, "rhythm.yml") == [
        f"data/rhythm.yml:{position_in(project, 'rhythm.yml', when)}: the team meeting is {quoted(when)}, but the weekly cadence it follows is on Thursday (data/bootcamp.yml, line {cadence}); name Thursday, or move the cadence there"
    ]


def test_a_team_meeting_given_a_clock_time_of_its_own_is_told_it_can_say_it_in_words(project):
    """A leader's case: the team meeting moved to "Monday at 11.30", a time clashing with nothing; the message
    listed only the boot camp's times, none of them the meeting's, a dead end."""
    when = data("rhythm")["team_meeting"]["when"]
    replace_once(project, "rhythm.yml", f"when: {when}", "when: on Friday at 15.00, after the reps' weekly cadence")
    (problem,) = problems_of(project, "rhythm.yml")
    assert "'at 15.00' is not a time data/bootcamp.yml has" in problem
    assert problem.endswith("a time of its own that no calendar entry holds, such as the team meeting's, can be said in words ('late morning', 'after lunch')")
    replace_once(project, "rhythm.yml", "on Friday at 15.00,", "on Friday mid-afternoon,")
    assert problems_of(project, "rhythm.yml") == []


def test_a_weekly_team_meeting_as_long_as_the_quarters_charter_review_is_reported_where_the_review_is_timed(project):
    """A leader's case: the weekly team meeting made an hour, and the rhythm page still said "once a quarter the
    meeting runs an hour" (and the review checklist "book it for an hour, not its usual length")."""
    minutes = _team_meeting_minutes(project / "data/rhythm.yml")
    lines = (project / "data/rhythm.yml").read_text(encoding="utf-8").splitlines()
    lines[minutes - 1] = "  minutes: 60"
    (project / "data/rhythm.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    said = f"gives the quarter's longer team meeting 60 minutes, but the weekly team meeting is already 60 (data/rhythm.yml, line {minutes}); give the charter review more time than that, or change the weekly meeting's length there"
    found = [problem for problem in problems_of(project) if said in problem]
    assert [problem.split(":")[0] for problem in found] == ["data/checklists.yml", "data/rhythm.yml"], found
    assert "'runs an hour'" in found[1] and "'book it for an hour'" in found[0]
