"""Where each team's and language's site sits in the organisation's published handbook, the one rule the build,
the site's address and the header's team and language menus share: the default team in the first language at the
top, another team in a folder named by its id, another language in a folder of its team's site named by its code.

    site/                    field sales (the default team), English (the first language)
    site/de/                 field sales, German
    site/key-accounts/       key accounts, English
    site/key-accounts/de/    key accounts, German

Every site has the same pages (a team changes data, not pages; a page not yet translated shows in the first
language), so a menu links each page to the same page in another team's or language's site."""

from pathlib import Path

from .languages import listed_languages
from .teams import default_team, listed_teams


def site_path(data_dir: Path, team: str | None, language: str | None) -> str:
    """The site's folder under the organisation's ("" for the default team in the first language), ending in "/"."""
    languages = [language.code for language in listed_languages(data_dir)]
    parts = [team if team and team != default_team(data_dir) else "", language if language and languages and language != languages[0] else ""]
    return "".join(f"{part}/" for part in parts if part)


def site_folders(data_dir: Path) -> set[str]:
    """The names of the folders other sites take inside a site (teams' ids, languages' codes): a build keeps them."""
    return {team.id for team in listed_teams(data_dir)} | {language.code for language in listed_languages(data_dir)}


def menus(data_dir: Path, team: str | None, language: str | None) -> dict:
    """The engine's `extra` entries for the header's menus, each link relative to this site's top: `languages`, the
    languages of this team, and `teams`, the teams in this language; and `alternate: true`, material's switch for
    the header to include partials/alternate.html, where both menus are. Not material's list of languages: for
    that list its script fetches each language's sitemap.xml on every page, and the menus need none of it. Empty
    when the handbook has one team and one language."""
    here = site_path(data_dir, team, language)
    up = "../" * here.count("/")
    languages = listed_languages(data_dir)
    teams = listed_teams(data_dir, language)
    if len(languages) < 2 and len(teams) < 2:
        return {}
    current_team = team or default_team(data_dir)
    current_language = language or (languages[0].code if languages else None)
    made = {
        "alternate": True,
        "languages": [{"name": each.name, "lang": each.code, "link": up + site_path(data_dir, current_team, each.code)} for each in languages],
    }
    if len(teams) > 1:
        made["teams"] = [{"name": each.name, "id": each.id, "link": up + site_path(data_dir, each.id, current_language), "current": each.id == current_team} for each in teams]
    return made
