"""The editing guide's self-assessment example, copied into data/assessments.yml as a leader following the guide
would paste it: the handbook still validates, and the example's essential statement works as the guide says."""

import re

import yaml

from macros import scoring
from macros.handbook import Project, load_handbook, validate
from tests.conftest import ROOT


def _example() -> str:
    guide = (ROOT / "docs" / "editing-tools.md").read_text(encoding="utf-8")
    section = guide.split("## Add a self-assessment", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)
    return block


def test_the_guides_self_assessment_pasted_at_the_end_validates_and_its_essential_holds_the_top_band(project):
    path = project / "data" / "assessments.yml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + _example(), encoding="utf-8")
    _, problems = validate(Project(project))
    assert problems == []
    (pasted,) = yaml.safe_load(_example())
    form = load_handbook(Project(project)).assessments[pasted["id"]]
    yes, partly = 2, 1
    # 4 weights (the signer counts twice): Yes on all but the CRM (Partly) is 7 of 8 points, 88%, Ready.
    ready = scoring.result(form, {"next-step-dated": yes, "decision-maker-met": yes, "crm-up-to-date": partly})
    assert (ready.score, ready.band.name) == (88, "Ready")
    # Partly on the essential next step instead is the same 88%, which the essential keeps at Nearly ready.
    held = scoring.result(form, {"next-step-dated": partly, "decision-maker-met": yes, "crm-up-to-date": yes})
    assert (held.score, held.band.name) == (88, "Nearly ready")
    # Every statement applies to every deal, so the guide asks for all three: leaving one blank is no result.
    assert not scoring.result(form, {"decision-maker-met": yes, "crm-up-to-date": yes}).complete


def test_the_guides_onboarding_pack_is_the_pack_the_handbook_prints():
    """A leader copying the guide's example of the onboarding pack keeps the pack as it is, not a made-up one that
    would drop pages from it."""
    guide = (ROOT / "docs" / "editing-content.md").read_text(encoding="utf-8")
    section = guide.split("## Change what goes in the onboarding pack", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)
    (shown,) = yaml.safe_load(block)
    printed = yaml.safe_load((ROOT / "data" / "printing.yml").read_text(encoding="utf-8"))["documents"]
    assert shown == next(document for document in printed if document["id"] == shown["id"])
