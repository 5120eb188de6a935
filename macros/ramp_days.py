"""Days of the ramp plan that data text states ("your day-90 review", "your first 30 days").

Pages place the ramp's milestones from data/ramp.yml, but running text in the data names their days too; a leader
who moves a milestone is told which sentences still name the old day. A day past the last milestone is a horizon
of its own ("by day 180"), not a milestone, and is left alone."""

import re

from .loading import LocatedData
from .problems import Problem, quoted

# "day 90", "day-90 review", "a 30-day review", "your first 90 days"; not a link's "#day-90", which the link
# check follows to the milestone's id.
_SAYS_A_DAY = re.compile(r"(?<![#\w-])(?:day[- ](\d{2,3})\b|(\d{2,3})-day\b|first (\d{2,3}) days\b)", re.IGNORECASE)


def check_ramp_days(documents: dict[str, LocatedData]) -> list[Problem]:
    ramp = documents.get("ramp")
    milestones = ramp.value.get("milestones") if ramp is not None else None
    if not isinstance(milestones, list) or not milestones:
        return []
    days = [milestone["day"] for milestone in milestones]
    line = ramp.where_key(("milestones",)).line
    said = f"{', '.join(str(day) for day in days)}: {ramp.file_at(('milestones',))}, line {line}"
    problems = []
    for document in documents.values():
        for path, text in document.texts():
            for match in _SAYS_A_DAY.finditer(text):
                day = int(next(group for group in match.groups() if group))
                if day < max(days) and day not in days:
                    problems.append(document.problem(path, f"{quoted(match.group(0))} names a day of the ramp plan that none of its milestones is on ({said}); write one of those days, or move the milestone there"))
    return problems
