"""Customer contacts stay in the CRM: a spreadsheet exported from it is where a team loses track of who asked not to
be contacted, and the usual way prospect data leaks. A compliance review found one step that still told reps to
export their territory after the first week's items had stopped saying so."""

import re

import pytest

from tests.helpers import handbook_texts

EXPORT = re.compile(r"(\w+\s+)?\bexport\w*", re.IGNORECASE)
ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def told_to_export(text: str) -> list[str]:
    """Each mention of exporting in `text` but "no export"; an id (a checklist item's `territory-exported`) says nothing."""
    if ID.fullmatch(text):
        return []
    return [m.group(0) for m in EXPORT.finditer(text) if (m.group(1) or "").strip().lower() != "no"]


def test_no_step_tells_a_rep_to_export_customer_data():
    told = []
    for file, text in handbook_texts():
        # the pages, and the workspace's buttons in strings.yml, export the manager's own notes, not customer data
        if file.startswith("data/") and not file.endswith("strings.yml"):
            told += [f"{file}: {found}" for found in told_to_export(text)]
    assert not told, "\n".join(told)


@pytest.mark.parametrize(("text", "told"), [
    ("Each rep notes their figures, then exports their territory and starts cleaning it.", ["then exports"]),
    ("Each rep exports their accounts from the CRM.", ["rep exports"]),
    ("List your territory in a CRM view, no export, and note who bought last year.", []),
    ("Open your accounts as a list in the CRM, with no export of customer contacts.", []),
    ("territory-exported", []),
])
def test_the_check_tells_an_export_from_no_export(text, told):
    assert told_to_export(text) == told
