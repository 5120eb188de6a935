"""The adopter trial: proves, each time it runs, that a team adopting the handbook keeps `make test` green
through its routine content edits, so README's figures for it can be measured again instead of trusted.

It clones this repository's HEAD into a temporary folder (this work tree is never touched), makes in the copy
fifteen edits a leader makes in a web editor (team and leader, a question added and two deleted, two level
behaviours, the revenue target, a checklist item, a charter value, a "Was that coaching?" statement, a glossary
term, an objection's answer, a longer 1:1, the calling block moved, a smaller team, a faster ramp, the site's
name with a colon in it, the leader in double quotes), each its own commit, then `make validate` and
`CI=true make test`; then README's step 3 (one team, one language: the second team and German deleted), and
both again. Each edit finds its line by its YAML key or id, so it follows the example's later rewording, and
stops the trial, naming itself, when it finds nothing to change: a trial that tested the example unedited
would prove nothing.

    PYTHONPATH=. .venv/bin/python bench/adopter.py [--stage edits] [--keep]

Prints each stage's passed, failed, errors, skipped and wall time (the first stage's includes installing the
copy's tools); exits 1 when a stage had a failure or an error, 2 when an edit or `make validate` stopped the
trial. A failed or stopped trial keeps its copy to look into."""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEADER = ["-c", "user.name=Adopting Leader", "-c", "user.email=leader@example.com"]
SUMMARY = re.compile(r"^=+ (.+) in [\d.]+s\b.*=+$", re.MULTILINE)
COUNT = re.compile(r"(\d+) (passed|failed|errors?|skipped)\b")
# What a leader's copy runs with: not this process's make (a `make bench ENGINE=…` passes its variables down
# through MAKEFLAGS) nor its PYTHONPATH, which would put this checkout's macros before the copy's.
CALLER_ONLY = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "PYTHONPATH")


class TrialError(Exception):
    """The trial cannot go on: an edit found nothing to change, or the copy does not validate."""


Lines = list[str]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _find(lines: Lines, anchor: str) -> int:
    """The index of the one line reading `anchor` (a list item's `- ` aside), e.g. `id: curiosity`."""
    found = [i for i, line in enumerate(lines) if line.strip().removeprefix("- ") == anchor]
    if len(found) != 1:
        raise TrialError(f"no line `{anchor}`" if not found else f"`{anchor}` is on {len(found)} lines")
    return found[0]


def _block_end(lines: Lines, start: int, indent: int) -> int:
    """The end of what is nested deeper than `indent` from line `start` on, trailing blank lines left out."""
    end = start
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > indent):
        end += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return end


def _region(lines: Lines, within: str | None) -> tuple[int, int, int]:
    """The lines of the mapping `within` names (a list item by `id: …`, or a `key:`): first, end, its keys' indent."""
    if within is None:
        return 0, len(lines), 0
    at = _find(lines, within)
    owner = _indent(lines[at])
    end = _block_end(lines, at + 1, owner)
    if lines[at].lstrip().startswith("- "):
        return at, end, owner + 2
    children = [line for line in lines[at + 1 : end] if line.strip() and not line.lstrip().startswith("#")]
    return at + 1, end, _indent(children[0]) if children else owner + 2


def _key(lines: Lines, key: str, within: str | None) -> tuple[int, int]:
    """The line of `key` directly in `within`, and its indent."""
    first, end, indent = _region(lines, within)
    for i in range(first, end):
        if _indent(lines[i]) == indent and lines[i].lstrip().removeprefix("- ").startswith(f"{key}:"):
            return i, indent
    raise TrialError(f"no `{key}:` in " + (f"`{within}`" if within else "the file"))


def scalar(text: str) -> str:
    """Writes text as a YAML value: plain where it reads back as itself, else double-quoted (JSON's quoting is YAML's)."""
    plain = re.fullmatch(r"[A-Za-z0-9][^\n]*", text) and ": " not in text and " #" not in text and not text.endswith(":")
    return text if plain else json.dumps(text, ensure_ascii=False)


def set_value(key: str, new: str | Callable[[str], str], within: str | None = None, quoted: bool = False) -> Callable[[Lines], Lines]:
    """Replaces the value of `key` (a folded one with its lines); `new` may work it out from the old value.
    `quoted` writes it in double quotes even where it needs none, as validate advises for text with a colon."""
    def apply(lines: Lines) -> Lines:
        at, indent = _key(lines, key, within)
        end = _block_end(lines, at + 1, indent)
        old = lines[at].split(":", 1)[1].strip()
        value = new(old) if callable(new) else new
        written = json.dumps(value, ensure_ascii=False) if quoted else scalar(value)
        line = f"{lines[at][: lines[at].index(key)]}{key}: {written}"
        if lines[at:end] == [line]:
            raise TrialError(f"`{key}` is {value} already")
        return lines[:at] + [line] + lines[end:]
    return apply


def set_last_item(key: str, new: str, within: str) -> Callable[[Lines], Lines]:
    """Replaces the last item of the list under `key`."""
    def apply(lines: Lines) -> Lines:
        at, indent = _key(lines, key, within)
        end = _block_end(lines, at + 1, indent)
        items = [i for i in range(at + 1, end) if lines[i].lstrip().startswith("- ")]
        if not items:
            raise TrialError(f"`{key}` in `{within}` has no list below it")
        items = [i for i in items if _indent(lines[i]) == _indent(lines[items[0]])]
        line = f"{lines[items[-1]][: _indent(lines[items[-1]])]}- {scalar(new)}"
        if lines[items[-1] : end] == [line]:
            raise TrialError(f"the last of `{key}` in `{within}` reads so already")
        return lines[: items[-1]] + [line] + lines[end:]
    return apply


def delete_item(anchor: str) -> Callable[[Lines], Lines]:
    """Deletes the list item holding the line `anchor` (`id: big-deals-slowing`)."""
    def apply(lines: Lines) -> Lines:
        at = _find(lines, anchor)
        return lines[:at] + lines[_block_end(lines, at + 1, _indent(lines[at])) :]
    return apply


def add_item_after(anchor: str, item: str) -> Callable[[Lines], Lines]:
    """Adds `item` (YAML starting `- `, unindented) to a list, after the item holding the line `anchor`."""
    def apply(lines: Lines) -> Lines:
        at = _find(lines, anchor)
        if item.splitlines()[0].lstrip() in (line.lstrip() for line in lines):
            raise TrialError(f"`{item.splitlines()[0]}` is there already")
        end = _block_end(lines, at + 1, _indent(lines[at]))
        return lines[:end] + [" " * _indent(lines[at]) + line for line in item.splitlines()] + lines[end:]
    return apply


def replace_within(within: str, old: str, new: str) -> Callable[[Lines], Lines]:
    """Replaces `old` with `new` on the one line of `within` (a list item by `id: …`) that has it."""
    def apply(lines: Lines) -> Lines:
        first, end, _ = _region(lines, within)
        found = [i for i in range(first, end) if old in lines[i]]
        if len(found) != 1:
            raise TrialError(f"`{old}` is on {len(found)} lines of `{within}`")
        return lines[: found[0]] + [lines[found[0]].replace(old, new)] + lines[found[0] + 1 :]
    return apply


def retime(moves: dict[str, str]) -> Callable[[Lines], Lines]:
    """Moves times, all at once, wherever the file has them: "08:30" in a time field, 8.30 in a sentence."""
    def written(time: str, prose: bool) -> str:
        hours, minutes = time.split(":")
        return f"{int(hours)}.{minutes}" if prose else f'"{time}"'

    def apply(lines: Lines) -> Lines:
        forms = {written(old, prose): written(new, prose) for old, new in moves.items() for prose in (False, True)}
        pattern = re.compile(r"(?<![\d.])(" + "|".join(map(re.escape, forms)) + r")(?![\d])")
        text = "\n".join(lines)
        if not pattern.search(text):
            raise TrialError(f"none of the times {', '.join(moves)} is there")
        return pattern.sub(lambda match: forms[match.group(1)], text).split("\n")
    return apply


@dataclass(frozen=True)
class Edit:
    """One routine edit, committed as a leader's web editor would: its message and what it changes in which file."""

    message: str
    changes: tuple[tuple[str, Callable[[Lines], Lines]], ...]


def five_more(minutes: str) -> str:
    return str(int(minutes) + 5)


QUESTION = """\
- id: trial-users-feedback
  text: "What have the people using the trial told you that their manager hasn't heard yet?"
  stage: diagnose
  situations: [deal-at-risk, skill-gap]
  modes: [coach]
  levels: [solution-seller, problem-solver]
  why: "Shows whether the rep is hearing from the day-to-day users, whose complaints tend to reach the buyer late and sink a renewal."
"""
CHECKLIST_ITEM = """\
- id: competitor-check
  text: Checked which competitor the account buys from today, and when their contract is up for renewal.
"""
TERM = """\
- id: incumbent
  term: Incumbent
  appears_as: [incumbent, incumbents, current supplier]
  definition: >-
    The supplier the account buys from today, for what we sell. Find out who it is and when their contract is
    up before a first meeting, and never criticise them: [objection handling](coaching/objections.md) shows
    how to compare without it.
"""

# The eleven edits of README's trial (5 December 2026), in its order, and four more that tests once read as the
# example has them (a director's review on 6 December found the leader in quotes, a site name with a colon and
# the question deleted last); German follows where a value is translated.
EDITS = (
    Edit("Charter: our team (Brightwave Inside Sales) and its leader (Priya Natarajan)", (
        ("data/charter.yml", set_value("team", "Brightwave Inside Sales")),
        ("data/charter.yml", set_value("leader", "Priya Natarajan, Head of Inside Sales", quoted=True)),
        ("data/languages/de/charter.yml", set_value("team", "Brightwave Inside Sales")),
        ("data/languages/de/charter.yml", set_value("leader", "Priya Natarajan, Head of Inside Sales", quoted=True)),
    )),
    Edit("Coaching questions: ask what trial users said; drop the question on the pace of big deals", (
        ("data/coaching_questions.yml", add_item_after("id: unknown-parts-of-account", QUESTION)),
        ("data/coaching_questions.yml", delete_item("id: big-deals-slowing")),
    )),
    Edit("Levels: logging includes emails, by end of day; the next step is agreed before the meeting ends", (
        ("data/levels.yml", set_value("text", "Logs each call, meeting, email and order query with the customer in the CRM before the end of the working day.", "id: logs-every-contact")),
        ("data/levels.yml", set_value("text", "Agrees the next step with the customer and puts it, with a date and time, in both calendars before the meeting ends.", "id: books-next-step")),
    )),
    Edit("Planner: quarterly revenue target 240000 -> 300000 (new territory)", (
        ("data/bootcamp.yml", set_value("revenue_target", "300000", "activity_planner:")),
    )),
    Edit("Checklists: check the incumbent competitor before a first meeting", (
        ("data/checklists.yml", add_item_after("id: account-in-the-crm", CHECKLIST_ITEM)),
    )),
    Edit("Charter: curiosity includes our partners", (
        ("data/charter.yml", set_value("meaning", "We ask before we tell, with customers, partners and each other.", "id: curiosity")),
        ("data/languages/de/charter.yml", set_value("meaning", "Wir fragen, bevor wir erklären, bei Kunden, Partnern und untereinander.", "id: curiosity")),
    )),
    Edit("Was that coaching?: the rep knows what to try on their next call", (
        ("data/assessments.yml", set_value("text", "The rep left knowing what to try on their next call, and why it should help.", "id: rep-left-clearer")),
    )),
    Edit("Glossary: incumbent", (
        ("data/glossary.yml", add_item_after("id: inbound", TERM)),
    )),
    Edit("Objections: price - let the silence sit, no discount or justification", (
        ("data/objections.yml", set_last_item("good_sounds_like", "The rep lets the silence after the price sit for a few seconds instead of filling it with a discount or a justification.", "id: price")),
    )),
    # The 1:1's time boxes add up to its length, so the five minutes go to the skill box, in German too.
    Edit("Rhythm: 1:1 35 minutes, the extra five for the skill box", tuple(
        (path, set_value("minutes", five_more, within))
        for path in ("data/rhythm.yml", "data/languages/de/rhythm.yml")
        for within in ("id: one-to-one", "id: one-skill")
    )),
    # The bigger target's calls take 11 h 40 min a week, more than five 2-hour blocks hold, which validation
    # reports; the editing guide's "Move or lengthen the calling block": its times, the meetings after it, and
    # the sentences that name them.
    Edit("Boot camp: the calling block 9.00-11.30 for the bigger target, its make-up as long, customer meetings from 12.00", tuple(
        (path, retime({"08:30": "09:00", "10:30": "11:30", "11:00": "12:00", "15:30": "15:00"}))
        for path in ("data/bootcamp.yml", "data/onboarding.yml")
    )),
    Edit("Rhythm: a team of six reps", tuple(
        (path, set_value("team_size", "6")) for path in ("data/rhythm.yml", "data/languages/de/rhythm.yml")
    )),
    Edit("Ramp: by day 30 a new rep makes 60% of the team's calls a day", (
        ("data/ramp.yml", replace_within("id: day-30", "{stage: calls, show: per day, share: 0.5}", "{stage: calls, show: per day, share: 0.6}")),
    )),
    Edit("Coaching questions: drop 'What will you do first?'; the levels that offered it ask how the rep makes room for it", (
        ("data/coaching_questions.yml", delete_item("id: first-action")),
        *((path, replace_within(f"id: {behaviour}", "first-action", "when-in-calendar"))
          for path in ("data/levels.yml", "data/languages/de/levels.yml")
          for behaviour in ("follows-order-to-delivery", "creates-own-pipeline")),
        ("data/printing.yml", delete_item("first-action")),
    )),
    Edit("Site name: Brightwave Playbook: Inside Sales", (
        ("mkdocs.yml", set_value("site_name", "Brightwave Playbook: Inside Sales")),
    )),
)


def run(args: list[str], copy: Path, log: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    """Runs a command in the copy, its output into `log` or captured."""
    environment = {name: value for name, value in os.environ.items() if name not in CALLER_ONLY} | env
    if log is None:
        return subprocess.run(args, cwd=copy, env=environment, capture_output=True, text=True)
    with log.open("w") as out:
        return subprocess.run(args, cwd=copy, env=environment, stdout=out, stderr=subprocess.STDOUT, text=True)


def commit(copy: Path, message: str) -> None:
    run(["git", "add", "-A"], copy)
    if run(["git", "diff", "--cached", "--quiet"], copy).returncode == 0:
        raise TrialError(f"{message!r} changed nothing")
    done = run(["git", *LEADER, "commit", "-q", "-m", message], copy)
    if done.returncode:
        raise TrialError(f"{message!r}: git commit failed: {done.stderr.strip()}")


def make_edits(copy: Path) -> None:
    """The routine edits, a commit each."""
    for edit in EDITS:
        for path, change in edit.changes:
            file = copy / path
            try:
                text = file.read_text(encoding="utf-8")
                file.write_text("\n".join(change(text.splitlines())) + "\n", encoding="utf-8")
            except (OSError, TrialError) as problem:
                raise TrialError(f"edit {edit.message!r}: {path}: {problem}") from None
        commit(copy, edit.message)


def one_team_one_language(copy: Path) -> None:
    """README's step 3: the second team and German deleted, with their entries in data/teams.yml and languages.yml."""
    message = "One team, English only (README step 3)"
    german_pages = sorted(str(page.relative_to(copy)) for page in (copy / "docs").rglob("*.de.md"))
    for paths in (["data/teams/key-accounts"], ["data/languages/de"], german_pages):
        if not paths or run(["git", "rm", "-r", "-q", *paths], copy).returncode:
            raise TrialError(f"step 3: nothing to delete at {paths or 'docs/*.de.md'}")
    for path, anchor in (("data/teams.yml", "id: key-accounts"), ("data/languages.yml", "code: de")):
        file = copy / path
        try:
            file.write_text("\n".join(delete_item(anchor)(file.read_text(encoding="utf-8").splitlines())) + "\n", encoding="utf-8")
        except TrialError as problem:
            raise TrialError(f"step 3: {path}: {problem}") from None
    commit(copy, message)


STAGES = {"edits": make_edits, "step-3": one_team_one_language}


def run_stage(name: str, change: Callable[[Path], None], copy: Path, logs: Path) -> dict:
    """Makes a stage's changes, checks them with `make validate`, runs `CI=true make test` and reads its counts."""
    started = time.monotonic()
    change(copy)
    print(f"{name}: changes committed; make validate", flush=True)
    validated = run(["make", "validate"], copy)
    if validated.returncode:
        raise TrialError(f"{name}: `make validate` fails on the copy:\n{validated.stdout}{validated.stderr}")
    log = logs / f"{name}.log"
    print(f"{name}: CI=true make test, output in {log}", flush=True)
    tested = run(["make", "test"], copy, log, CI="true")
    output = log.read_text(errors="replace")
    summaries = SUMMARY.findall(output)
    counts = {"passed": 0, "failed": 0, "errors": 0, "skipped": 0}
    for number, word in COUNT.findall(summaries[-1] if summaries else ""):
        counts["errors" if word.startswith("error") else word] += int(number)
    if tested.returncode and not (counts["failed"] or counts["errors"]):
        counts["errors"] += 1  # make failed outside pytest (an install, say): the stage must not read as green
    problems = [line for line in output.splitlines() if line.startswith(("FAILED ", "ERROR "))]
    if tested.returncode and not summaries:
        problems.append(f"`make test` exited {tested.returncode} without pytest's summary; its last lines:")
        problems += output.splitlines()[-15:]
    return {"stage": name, **counts, "seconds": time.monotonic() - started, "problems": problems}


def print_table(results: list[dict]) -> None:
    print(f"\n{'stage':<8} {'passed':>7} {'failed':>7} {'errors':>7} {'skipped':>8}  wall time")
    for result in results:
        minutes, seconds = divmod(round(result["seconds"]), 60)
        print(f"{result['stage']:<8} {result['passed']:>7} {result['failed']:>7} {result['errors']:>7} {result['skipped']:>8}  {minutes}m {seconds:02d}s")
    for result in results:
        for line in result["problems"]:
            print(f"{result['stage']}: {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stage", choices=list(STAGES), default=list(STAGES)[-1], help="the last stage to run (step-3, the default: both)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copy and print its path")
    args = parser.parse_args()
    temp = Path(tempfile.mkdtemp(prefix="playbook-adopter-"))
    copy = temp / "handbook"
    keep = args.keep
    results: list[dict] = []
    try:
        subprocess.run(["git", "clone", "-q", str(ROOT), str(copy)], check=True)
        head = run(["git", "rev-parse", "--short", "HEAD"], copy).stdout.strip()
        now = time.gmtime()
        print(f"adopter trial of {head}, {now.tm_mday} {time.strftime('%B %Y %H:%M', now)} UTC, in {copy}", flush=True)
        for name, change in STAGES.items():
            results.append(run_stage(name, change, copy, temp))
            if name == args.stage:
                break
    except TrialError as problem:
        keep = True
        print(f"\nthe trial stopped: {problem}", file=sys.stderr)
        return 2
    finally:
        if results:
            print_table(results)
        failed = any(result["failed"] or result["errors"] for result in results)
        if keep or failed:
            print(f"the copy is kept at {copy}")
        else:
            shutil.rmtree(temp)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
