"""Prints what our widgets add to a page: JS and CSS, gzipped, per source file and as the bundles the
site serves (budget: 10 KB for the widgets together)."""

import gzip
from pathlib import Path

from macros.theme_hook import BUNDLES

ASSETS = Path(__file__).resolve().parent.parent / "overrides" / "assets"
# Site-wide content and paper styles ride in the CSS bundle but are not widgets.
NOT_WIDGETS = {"playbook.css", "print.css"}
BUDGET = 10 * 1024


def gzipped(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9))


def widgets_gzipped() -> int:
    """What our widgets add: each bundle less the site-wide styles, gzipped."""
    return sum(
        gzipped("\n".join((ASSETS / part).read_text(encoding="utf-8") for part in parts if part not in NOT_WIDGETS))
        for parts in BUNDLES.values()
    )


def main() -> None:
    print(f"{'file':<28}{'bytes':>8}{'gzip':>8}")
    for parts in BUNDLES.values():
        for part in parts:
            text = (ASSETS / part).read_text(encoding="utf-8")
            print(f"{part:<28}{len(text.encode()):>8}{gzipped(text):>8}")
    for bundle, parts in BUNDLES.items():
        whole = "\n".join((ASSETS / part).read_text(encoding="utf-8") for part in parts)
        print(f"{bundle:<28}{len(whole.encode()):>8}{gzipped(whole):>8}")
    widgets = widgets_gzipped()
    verdict = "within" if widgets <= BUDGET else "OVER"
    print(f"widgets together (JS + CSS, gzip): {widgets} bytes, {verdict} the {BUDGET}-byte budget")


if __name__ == "__main__":
    main()
