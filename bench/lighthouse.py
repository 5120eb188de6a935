"""Prints Lighthouse's accessibility, best-practices and performance scores for every page of the built site, on
a phone (Lighthouse's default: a mid-range phone on a slow 4G line, its CPU slowed four times) and on a desktop,
with what keeps a score under 100 and the machine's load average. Performance is timed: on a busy machine it
reads low, so take it from a quiet one. Targets: accessibility and best practices 100 everywhere, performance on
a phone 95 or more.

Lighthouse 12.2.3 (bench/lighthouse/package.json; `make bench` installs it) drives the system Chromium. The site
is served as GitHub Pages serves it, gzipped with a 10-minute cache.

    python bench/lighthouse.py [PAGE ...]     PAGE as in the address, e.g. coaching/questions/ ('' is home)"""

import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from macros.engine import command as engine_command
from macros.pdf import CHROMIUM_FLAGS, chromium_path
from macros.static_server import serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["accessibility", "best-practices", "performance"]
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT", "cumulative-layout-shift": "CLS", "speed-index": "SI"}
COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class _PagesLikeHandler(SimpleHTTPRequestHandler):
    """Files as GitHub Pages sends them: text gzipped when the browser accepts it, cached for 10 minutes."""

    def log_message(self, format, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not path.is_file() or not kind.startswith(COMPRESSED) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def audit(url: str, desktop: bool, report: Path) -> dict:
    """One Lighthouse run: each category's score (0-100) and what keeps it under 100."""
    # Root cannot run Chromium in its sandbox (CI runs as root); Playwright passes the same flag.
    flags = ["--headless=new", *CHROMIUM_FLAGS, *(["--no-sandbox"] if os.geteuid() == 0 else [])]
    command = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(flags)}"]
    if desktop:
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chromium_path()})
    result = json.loads(report.read_text(encoding="utf-8"))
    audits = result["audits"]
    found = {}
    for name in CATEGORIES:
        category = result["categories"][name]
        short = [ref["id"] for ref in category["auditRefs"] if ref["weight"] and (audits[ref["id"]]["score"] or 0) < 1 and audits[ref["id"]]["scoreDisplayMode"] != "notApplicable"]
        found[name] = {"score": round((category["score"] or 0) * 100), "short": short}
    found["metrics"] = {label: audits[key]["displayValue"] for key, label in METRICS.items()}
    return found


def pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix().removesuffix("index.html") for path in site.rglob("index.html"))


def main() -> None:
    if chromium_path() is None:
        sys.exit("no Chromium found: install Debian's chromium package or set PLAYBOOK_CHROMIUM")
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `make bench` (it runs npm ci in bench/lighthouse)")
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        subprocess.run(engine_command("build", "--strict", "--quiet", "--site-dir", str(site)), cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        chosen = sys.argv[1:] or pages(site)
        print(f"Lighthouse 12.2.3, {len(chosen)} pages; load average {os.getloadavg()[0]:.1f} at the start on {os.cpu_count()} cores"
              " (performance is timed: re-measure it on a quiet machine)")
        print(f"{'page':<36}{'phone: a11y  bp  perf':>24}{'desktop: a11y  bp  perf':>26}")
        below: list[str] = []
        with serve(site, _PagesLikeHandler) as root:
            for page in chosen:
                scores = {}
                for device in ("phone", "desktop"):
                    scores[device] = audit(root + page, device == "desktop", Path(temp) / "report.json")
                    for name in CATEGORIES:
                        if scores[device][name]["short"]:
                            below.append(f"{page or '(home)'} {device} {name}: {', '.join(scores[device][name]['short'])}")
                    below.append(f"{page or '(home)'} {device} metrics: " + ", ".join(f"{k} {v}" for k, v in scores[device]["metrics"].items()))
                row = "".join(f"{'':>10}{scores[d]['accessibility']['score']:>5}{scores[d]['best-practices']['score']:>4}{scores[d]['performance']['score']:>6}" for d in ("phone", "desktop"))
                print(f"{page or '(home)':<36}{row}", flush=True)
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
        print("\n".join(below))


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"({time.perf_counter() - started:.0f} s)")
