"""`make build` leaves a site that can be deployed as it is: no link to a PDF the site does not hold, and the
PDFs of the last build kept when this one cannot print them."""

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

from tests.conftest import run
from tests.helpers import NEEDS_SECOND_LANGUAGE, NEEDS_SECOND_TEAM, data, needs

FAKE_PDF = b"%PDF-1.4\n% printed by an earlier make pdf\n"


def _build(project: Path, pdf: str, **env: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "macros", "build", "--root", str(project), "--site", "site", "--pdf", pdf]
    if not env:
        return run(command, project)
    return subprocess.run(command, cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, capture_output=True, text=True, timeout=300)


def _pdf_links(site: Path) -> dict[str, set[str]]:
    """Every PDF the site's pages link to (as a path in the site) → the pages linking to it."""
    links: dict[str, set[str]] = {}
    for page in site.rglob("*.html"):
        url = page.relative_to(site).as_posix()
        for link in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a[href]"):
            target = urlparse(urljoin(url, link["href"])).path
            if target.endswith(".pdf"):
                links.setdefault(target, set()).add(url)
    return links


@needs(NEEDS_SECOND_TEAM + NEEDS_SECOND_LANGUAGE)  # the header's menus name the other sites
def test_a_build_that_cannot_print_keeps_the_last_pdfs_and_links_only_to_them(project):
    documents = [document["id"] for document in data("printing")["documents"]]
    kept = next(document["id"] for document in data("printing")["documents"] if document.get("pocket"))
    dropped = [document_id for document_id in documents if document_id != kept]
    site = project / "site"
    site.mkdir()
    (site / f"{kept}.pdf").write_bytes(FAKE_PDF)

    result = _build(project, "skip")
    assert result.returncode == 0, result.stderr
    assert (site / f"{kept}.pdf").read_bytes() == FAKE_PDF
    links = _pdf_links(site)
    assert set(links) == {f"{kept}.pdf"}  # no dead link: only the PDF the site holds is linked
    assert all((site / target).is_file() for target in links)
    assert f"Kept from the last build, and linked: {kept}.pdf" in result.stderr
    for document_id in dropped:
        assert f"{document_id}.pdf" in result.stderr.split("Not in the site")[1]
    # nor offers the onboarding pack's contents as a printable document
    assert "onboarding-pack" in dropped
    assert "Prefer paper?" not in (site / "onboarding" / "index.html").read_text(encoding="utf-8")
    # The header's menus link to the other sites: a build of one site names those not built yet.
    assert "menus link to sites not built yet: site/de/, site/key-accounts/. Their links lead nowhere until they are: `make publish`" in result.stderr


@needs(NEEDS_SECOND_TEAM + NEEDS_SECOND_LANGUAGE)  # the header's menus name the other sites
def test_a_site_built_beside_another_names_only_the_menus_sites_still_missing(project):
    german = subprocess.run([sys.executable, "-m", "macros", "build", "--root", str(project), "--language", "de", "--pdf", "skip"],
                            cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=300)
    assert german.returncode == 0, german.stderr
    assert "menus link to sites not built yet: site/, site/key-accounts/de/." in german.stderr
    english = _build(project, "skip")
    assert "menus link to sites not built yet: site/key-accounts/." in english.stderr, "the German site, built, is not named"


def test_make_pdf_without_chromium_says_so_and_leaves_the_site_alone(project):
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good build", encoding="utf-8")

    result = _build(project, "require", PLAYBOOK_CHROMIUM=str(project / "no-such-chromium"))
    assert result.returncode == 1
    assert "Cannot print the PDFs: no Chromium found" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert [path.name for path in site.iterdir()] == ["index.html"]


def test_a_link_in_data_to_a_part_of_a_page_that_is_not_there_fails_the_build_at_its_line(project):
    """A leader typed #calling-block for #calling-blocks: validation knows pages, not the parts the build makes
    of them, and the engine checks only the Markdown it renders. The build refuses the site, at the data's line,
    though the build before it passed the check (which a build of the same pages does not repeat)."""
    assert _build(project, "skip").returncode == 0
    shutil.rmtree(project / "site")
    charter = project / "data" / "charter.yml"
    text = charter.read_text(encoding="utf-8")
    number = next(n for n, line in enumerate(text.splitlines(), 1) if "bootcamp.md#calling-blocks)" in line)
    charter.write_text(text.replace("bootcamp.md#calling-blocks)", "bootcamp.md#calling-block)", 1), encoding="utf-8")
    result = _build(project, "skip")
    assert result.returncode == 1
    assert (f"data/charter.yml:{number}: the link to #calling-block leads nowhere, as the page bootcamp/index.html has no part "
            "with that id; did you mean #calling-blocks?") in result.stderr
    assert not (project / "site").exists(), "a site with a dead link is not left to deploy"
    assert "Traceback" not in result.stderr


def test_the_site_folder_gets_the_mode_a_new_folder_gets_not_its_owners_alone(project):
    """A new hire's build left site/ at mode 700 (a temporary folder's), which a web server running as another
    user could not read."""
    result = _build(project, "skip")
    assert result.returncode == 0, result.stderr
    umask = os.umask(0)
    os.umask(umask)
    assert (project / "site").stat().st_mode & 0o777 == 0o777 & ~umask


def test_a_dead_anchor_is_said_where_it_links_to_that_page_not_where_the_same_anchor_works(project):
    """'#stages' is right on the deal review (data/checklists.yml links there) and wrong on the boot camp page:
    the line named is the wrong link's, in data/glossary.yml, though checklists.yml comes first."""
    glossary = project / "data" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    number = next(n for n, line in enumerate(text.splitlines(), 1) if "bootcamp.md#account-plan)" in line)
    glossary.write_text(text.replace("bootcamp.md#account-plan)", "bootcamp.md#stages)", 1), encoding="utf-8")
    assert "deal-review.md#stages)" in (project / "data" / "checklists.yml").read_text(encoding="utf-8")
    result = _build(project, "skip")
    assert result.returncode == 1
    assert f"data/glossary.yml:{number}: the link to #stages leads nowhere, as the page bootcamp/index.html has no part with that id" in result.stderr, result.stderr
