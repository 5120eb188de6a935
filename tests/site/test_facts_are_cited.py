"""Every research figure the handbook shows says what kind of finding it is, who found it and when, so a
survey answer is never read as a measured effect or a correlation as a cause. The data is read here with
plain PyYAML, and the built pages are checked against it."""

from bs4 import BeautifulSoup

from tests.conftest import ROOT
from tests.helpers import data, normalise, plain

# How each kind of finding is named on the page; the page explains it after a colon.
KIND_NAMES = {"reported": "Reported", "correlation": "Correlation", "case study": "Case study", "study": "Study", "estimate": "Estimate"}
NO_YEAR = "not given"


def _findings(value):
    """Every research finding anywhere in a data file: a mapping with a figure and what was found."""
    if isinstance(value, dict):
        if "figure" in value and "finding" in value:
            yield value
        for child in value.values():
            yield from _findings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _findings(child)


FINDINGS = [finding for path in sorted((ROOT / "data").glob("*.yml")) for finding in _findings(data(path.stem))]


def _text(element) -> str:
    return normalise(element.get_text(" ", strip=True))


def _figures_on_the_site(site) -> dict[str, list]:
    """Each figure element on any page of the built site, by its id."""
    shown: dict[str, list] = {}
    for path in site.rglob("*.html"):
        for figure in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("figure.pb-finding"):
            shown.setdefault(figure["id"], []).append(figure)
    return shown


def test_the_figures_the_issue_names_are_all_findings():
    ids = {finding["id"] for finding in FINDINGS}
    assert {"coaching-reported-gain", "quota-attainment", "belief-drives-activity", "luck-share-of-revenue", "luck-circumstances", "price-and-profit"} <= ids


def test_every_figure_in_the_data_names_its_kind_who_and_year():
    for finding in FINDINGS:
        assert finding.get("kind") in KIND_NAMES, finding["id"]
        assert str(finding.get("who", "")).strip(), finding["id"]
        year = finding.get("year")
        assert (isinstance(year, int) and 1900 <= year <= 2100) or year == NO_YEAR, finding["id"]


def test_the_self_reported_and_correlated_figures_keep_their_strength():
    by_id = {finding["id"]: finding for finding in FINDINGS}
    reported, correlated = by_id["coaching-reported-gain"], by_id["quota-attainment"]
    assert reported["kind"] == "reported" and "upwards of 19%" in reported["figure"]
    assert "up to" not in reported["finding"] and "lifted" not in reported["finding"]
    assert correlated["kind"] == "correlation"
    assert by_id["luck-share-of-revenue"]["kind"] == "case study" and "250" not in by_id["luck-share-of-revenue"]["who"]


def test_every_figure_on_the_site_shows_its_kind_who_and_when(built_site):
    shown = _figures_on_the_site(built_site)
    assert sorted(shown) == sorted(finding["id"] for finding in FINDINGS)
    for finding in FINDINGS:
        (figure,) = shown[finding["id"]]
        assert _text(figure.select_one(".pb-finding__figure")) == normalise(plain(finding["figure"]))
        kind = _text(figure.select_one(".pb-finding__kind"))
        assert kind.startswith(KIND_NAMES[finding["kind"]] + ":") and len(kind) > len(KIND_NAMES[finding["kind"]]) + 10, kind
        assert _text(figure.select_one(".pb-finding__who")) == normalise(finding["who"])
        when = _text(figure.select_one(".pb-finding__when"))
        assert when == (str(finding["year"]) if finding["year"] != NO_YEAR else "No year given in the source")
        assert normalise(plain(finding["source"])) in _text(figure.select_one(".pb-finding__source"))
