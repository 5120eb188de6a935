"""The source ideas the handbook carries in its own words reach their pages, and the boot camp shows what each
day asks of the manager: every item once, where it belongs, against the data read with plain PyYAML."""

from tests.helpers import content, data, normalise, page, plain


def _text(element) -> str:
    return normalise(element.get_text(" ", strip=True))


def _one(article, selector: str):
    found = article.select(selector)
    assert len(found) == 1, selector
    return found[0]


def test_the_charter_covers_setbacks_and_says_why_it_exists(built_site):
    charter = data("charter")
    article = content(page(built_site, "charter"))
    setbacks = _one(article, "h3#setbacks")
    assert setbacks.find_previous("h2")["id"] == "conflict"
    assert normalise(plain(charter["conflict"]["setbacks"]["principle"])) in _text(setbacks.find_next("div"))
    for setback in charter["conflict"]["setbacks"]["items"]:
        assert _text(_one(article, f'li[id="setback-{setback["id"]}"]')) == normalise(f'{plain(setback["name"])}. {plain(setback["text"])}')
    for reason in charter["why"]["reasons"]:
        item = _one(article, f'li[id="why-{reason["id"]}"]')
        assert item.find_previous("h2")["id"] == "why"
        assert _text(item) == normalise(f'{plain(reason["name"])}. {plain(reason["text"])}')


def test_the_charter_review_checklist_points_at_the_section_it_checks(built_site):
    article = content(page(built_site, "checklists"))
    links = [a["href"] for a in article.select('form[data-checklist="charter-review"] a')]
    assert "../charter/#conflict" in links


def test_the_coaching_page_says_what_coaching_is_and_who_to_promote(built_site):
    coaching = data("coaching")
    article = content(page(built_site, "coaching"))
    for part in coaching["what_coaching_is"]["parts"]:
        section = _one(article, f'section[id="coaching-{part["id"]}"]')
        assert section.find_previous("h2")["id"] == "what-coaching-is"
        assert normalise(plain(part["text"])) in _text(section)
    choosing = _one(article, "h2#choosing-managers").find_next("div")
    assert [_text(li) for li in choosing.select("li")] == [normalise(plain(sign)) for sign in coaching["choosing_managers"]["look_for"]]
    assert normalise(plain(coaching["choosing_managers"]["example"])) in _text(choosing)


def test_the_prospecting_week_shows_the_luck_behaviours_and_the_boot_camp_the_calling_block_rules(built_site):
    bootcamp = data("bootcamp")
    article = content(page(built_site, "prospecting"))
    for behaviour in bootcamp["provoked_luck"]["behaviours"]:
        card = _one(article, f'section[id="luck-{behaviour["id"]}"]')
        assert card.find_previous("h2")["id"] == "provoked-luck"
        assert normalise(plain(behaviour["text"])) in _text(card) and normalise(plain(behaviour["in_practice"])) in _text(card)
    assert normalise(plain(bootcamp["provoked_luck"]["belief"])) in _text(article)
    article = content(page(built_site, "bootcamp"))
    for rule in bootcamp["calling_blocks"]:
        assert _text(_one(article, f'li[id="calling-{rule["id"]}"]')) == normalise(plain(rule["text"]))


def _hours(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} minutes"
    hours, rest = divmod(minutes, 60)
    whole = "1 hour" if hours == 1 else f"{hours} hours"
    return whole if not rest else f"{hours}.5 hours" if rest == 30 else f"{whole} {rest} minutes"


def _minutes(manager: dict, team: int) -> int:
    """A day's manager time: its hours, and its minutes with each rep times the team the rhythm plans for."""
    return round(manager.get("hours", 0) * 60) + manager.get("minutes_with_each_rep", 0) * team


def test_each_boot_camp_day_shows_what_it_asks_of_the_manager_and_each_week_adds_it_up(built_site):
    """A task done with each rep in turn says its minutes with each and the team size they are counted for (a
    schedule written for eight reps kept its hours for six), and the week adds up what each day shows."""
    article = content(page(built_site, "bootcamp"))
    team = data("rhythm")["team_size"]
    per_rep = 0
    for week in data("bootcamp")["schedule"]:
        table = _one(article, f'h3[id="{week["id"]}"]').find_next("table")
        rows = table.select("tbody tr")
        assert [_text(row.th) for row in rows] == [day["day"] for day in week["days"]]
        for row, day in zip(rows, week["days"]):
            plan, manager = row.select("td")
            assert _text(plan) == normalise(plain(day["plan"]))
            expected = ""
            if "manager" in day:
                each = day["manager"].get("minutes_with_each_rep")
                total = _hours(_minutes(day["manager"], team))
                said = f"{_hours(each)} with each of {team} reps: {total}" if each and "hours" not in day["manager"] else total
                per_rep += bool(each)
                expected = f'{plain(day["manager"]["task"])} ({said})'
            assert _text(manager) == normalise(expected)
        total = sum(_minutes(day["manager"], team) for day in week["days"] if "manager" in day)
        assert _text(table.select_one("tfoot td")) == _hours(total)
    assert per_rep >= 3  # the example times its one-to-one tasks by the rep
