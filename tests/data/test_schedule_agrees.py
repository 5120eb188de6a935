"""Deadlines and lead times the handbook states in more than one place agree, and the boot camp asks only what a
field manager with eight reps and their team can do: no calling before a target list, a manager's boot-camp
week that leaves room for the rest of the job. The data is read with plain PyYAML."""

import re

from tests.helpers import data, position_in, problems_of, replace_once, strings, with_value

# The files these facts live in; the boot camp's schedule, the charter review and the onboarding path.
FILES = ["bootcamp", "charter", "checklists", "coaching", "onboarding"]
LEAD_TIME = re.compile(r"\b(a|one|two|three|four|five|ten|\d+) (working )?(days?|weeks?) (before|ahead)\b", re.IGNORECASE)
WEEK = re.compile(r"\bweek (\d+)\b", re.IGNORECASE)
CALLING = re.compile(r"\bcalling block\b|\bcall your starter list\b", re.IGNORECASE)
LIST_READY = re.compile(r"\bsave a ranked list\b|\bstarter list of\b|\bagree a starter list\b", re.IGNORECASE)
MOST_MANAGER_HOURS_A_WEEK = 15  # of about 40: the 1:1s, pipeline reviews, forecast and ride-alongs need the rest


def _charter_review_lead_times() -> dict[str, set[str]]:
    """Where the charter review's lead time is stated: the charter's review steps and the review checklist."""
    review_checklist = next(c for c in data("checklists")["checklists"] if c["id"] == "charter-review")
    places = {"charter.yml review": data("charter")["review"]["how"], "checklists.yml charter-review": [item["text"] for item in review_checklist["items"]]}
    return {place: {match.group(0).lower().replace("ahead", "before") for text in texts for match in LEAD_TIME.finditer(text)} for place, texts in places.items()}


def test_the_charter_review_lead_time_is_stated_in_each_place_and_the_same():
    found = _charter_review_lead_times()
    assert all(found.values()), found
    assert len(set.union(*found.values())) == 1, found


def test_the_contact_map_deadline_in_the_schedule_is_the_one_in_the_targets():
    bootcamp = data("bootcamp")
    target = next(t for d in bootcamp["activity_targets"]["dimensions"] for t in d["targets"] if t["id"] == "contact-maps")
    (deadline,) = WEEK.findall(target["target"])
    due = [week["id"] for week in bootcamp["schedule"] for day in week["days"] if re.search(r"every A account\b.*contact map|contact map of every A account", day["plan"])]
    assert due and set(due) == {f"week-{deadline}"}, (due, target["target"])
    for name in FILES:
        for text in strings(data(name)):
            if "contact map" in text and "every A account" in text:
                assert set(WEEK.findall(text)) <= {deadline}, text


def _days_in_order() -> list[str]:
    return [day["plan"] for week in data("bootcamp")["schedule"] for day in week["days"]]


def _first_week_items_in_order() -> list[str]:
    return [item["text"] for day in data("onboarding")["first_week"] for item in day["items"]]


def test_no_one_calls_before_their_target_list_exists():
    for texts in (_days_in_order(), _first_week_items_in_order()):
        first_call = next(index for index, text in enumerate(texts) if CALLING.search(text))
        first_list = next((index for index, text in enumerate(texts) if LIST_READY.search(text)), len(texts))
        assert first_list < first_call, texts[first_call]


def _manager_hours(manager: dict) -> float:
    """A day's manager hours with the team the rhythm plans for."""
    return manager.get("hours", 0) + manager.get("minutes_with_each_rep", 0) * data("rhythm")["team_size"] / 60


def test_the_managers_boot_camp_week_leaves_room_for_the_rest_of_the_job():
    for week in data("bootcamp")["schedule"]:
        hours = sum(_manager_hours(day["manager"]) for day in week["days"] if "manager" in day)
        assert 0 < hours <= MOST_MANAGER_HOURS_A_WEEK, (week["id"], hours)
        for day in week["days"]:
            assert _manager_hours(day.get("manager", {})) <= 5, (week["id"], day["day"])


def test_a_task_with_each_rep_that_no_longer_fits_a_day_with_a_bigger_team_is_reported_at_its_line(project):
    """A leader's case: the boot camp's hours were written for eight reps. With each rep's minutes kept instead,
    a team of 17 makes Tuesday's half hour with each rep 8 h 30 min, more than a working day: said at the line."""
    rhythm = project / "data" / "rhythm.yml"
    rhythm.write_text(with_value(rhythm.read_text(encoding="utf-8"), "team_size", 17), encoding="utf-8")
    line, column = position_in(project, "bootcamp.yml", "minutes_with_each_rep: 30").split(":")
    at = f"{line}:{int(column) + len('minutes_with_each_rep: ')}"  # the minutes to change
    assert problems_of(project, "bootcamp.yml") == [
        f"data/bootcamp.yml:{at}: with the team of 17 reps in rhythm.yml (team_size), this day's task takes the manager 8 h 30 min, "
        "more than a working day (8 h): spread it over two days, or give each rep less time"
    ]
    rhythm.write_text(with_value(rhythm.read_text(encoding="utf-8"), "team_size", 16), encoding="utf-8")
    assert problems_of(project, "bootcamp.yml") == []  # 16 × 30 min: a whole working day, no more


def test_a_managers_task_with_no_time_says_what_to_give(project):
    replace_once(project, "bootcamp.yml", "manager: {task: Runs the kick-off., hours: 1}", "manager: {task: Runs the kick-off.}")
    at = position_in(project, "bootcamp.yml", "manager: {task: Runs the kick-off.}")
    line, column = at.split(":")
    assert problems_of(project, "bootcamp.yml") == [
        f"data/bootcamp.yml:{line}:{int(column) + len('manager: ')}: the manager's time needs 'hours' (such as 1.5) or 'minutes_with_each_rep' "
        "(for a task done with each rep in turn, such as 15), or both"
    ]


def test_no_meeting_is_booked_into_the_calling_block():
    rules = " ".join(rule["text"] for rule in data("bootcamp")["calling_blocks"])
    (start, end), meetings_from = re.findall(r"from (\d+\.\d\d) to (\d+\.\d\d) every weekday", rules)[0], re.findall(r"meetings from (\d+\.\d\d)", rules)[0]
    assert float(start) < float(end) <= float(meetings_from)


def test_the_calendar_not_the_diary_and_no_bare_dollar_signs():
    for name in FILES:
        for text in strings(data(name)):
            assert not re.search(r"\bdiar(y|ies)\b", text, re.IGNORECASE), text
            assert "$" not in text, text
