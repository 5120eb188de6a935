"""Links from the site back to the repository files a page is made from, built from mkdocs.yml's
`repo_url` and `edit_uri` (whose first two parts name the action and the branch, e.g. edit/main/docs/)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceLinks:
    repo_url: str | None
    edit_uri: str | None

    @property
    def branch(self) -> str:
        parts = (self.edit_uri or "").strip("/").split("/")
        return parts[1] if len(parts) > 1 and parts[0] in ("edit", "blob") else "main"

    def line(self, path: str, line: int) -> str | None:
        """The file shown at one line, e.g. …/blob/main/data/levels.yml#L42; None without a repo_url."""
        if not self.repo_url:
            return None
        return f"{self.repo_url.rstrip('/')}/blob/{self.branch}/{path}#L{line}"

    def edit(self, path: str) -> str | None:
        """The file opened in the repository's web editor; None without a repo_url."""
        if not self.repo_url:
            return None
        return f"{self.repo_url.rstrip('/')}/edit/{self.branch}/{path}"
