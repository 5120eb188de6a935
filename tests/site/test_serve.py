"""`make serve` (`python -m macros serve`): the engine's live server on the rendered handbook, rendered again when a
leader saves a data file; a save with a mistake keeps the last good page served and says where the mistake is."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bs4 import BeautifulSoup

from tests.helpers import data, replace_once

# Python as a terminal starts it: a test run in the background (nohup, `&`) ignores Ctrl-C and the server it
# starts would inherit that, so Ctrl-C is given back its default before `python -m macros serve` runs.
AS_FROM_A_TERMINAL = [sys.executable, "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL);"
                      " os.execv(sys.executable, [sys.executable, *sys.argv[1:]])"]
DEADLINE = 120  # seconds for any one change to show: generous for a loaded CI machine, never reached when it works


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _page(url: str) -> str:
    """The served page's text as a reader reads it, or "" when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return BeautifulSoup(response.read().decode("utf-8"), "html.parser").get_text()
    except (urllib.error.URLError, ConnectionError):
        return ""


def _wait_for(condition, what: str, server: subprocess.Popen):
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if condition():
            return
        assert server.poll() is None, f"the server stopped while waiting for {what}"
        time.sleep(0.2)
    raise AssertionError(f"not within {DEADLINE} s: {what}")


def test_a_saved_data_file_is_rendered_into_the_served_page_and_a_mistake_keeps_the_last_good_one(project: Path):
    team = data("charter")["team"]
    renamed = f"{team} and Key Accounts"
    port = _free_port()
    url = f"http://127.0.0.1:{port}/charter/"
    log = project / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen([*AS_FROM_A_TERMINAL, "-m", "macros", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_for(lambda: team in _page(url), "the charter page served", server)
        replace_once(project, "charter.yml", f"team: {team}\n", f"team: {renamed}\n")
        _wait_for(lambda: renamed in _page(url), "the renamed team on the served page", server)

        levels = project / "data" / "levels.yml"
        levels.write_text(levels.read_text(encoding="utf-8").replace("levels:", "levles:", 1), encoding="utf-8")
        _wait_for(lambda: "data/levels.yml:" in log.read_text(encoding="utf-8"), "the mistake reported with its file and line", server)
        assert renamed in _page(url)
        assert "Traceback" not in log.read_text(encoding="utf-8")
    finally:
        os.killpg(server.pid, signal.SIGINT)  # Ctrl-C: the whole group, as a terminal sends it
        stopped = server.wait(timeout=30)
    assert stopped == 0, "Ctrl-C did not stop the server cleanly (the engine's temporary site is left behind)"


def test_a_stop_sent_to_the_preview_alone_stops_the_engines_server_too(project: Path):
    """A leader who ended `make serve` with `kill` found the engine's server still holding the port, serving old
    pages. A stop (SIGTERM) to the preview's own process ends the server it started."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/charter/"
    server = subprocess.Popen([*AS_FROM_A_TERMINAL, "-m", "macros", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _wait_for(lambda: data("charter")["team"] in _page(url), "the charter page served", server)
        server.send_signal(signal.SIGTERM)  # to the preview's process only, not its group
        server.wait(timeout=30)
        deadline = time.monotonic() + DEADLINE
        while _page(url) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _page(url) == "", "the engine's server still answers after the preview was stopped"
    finally:
        with contextlib.suppress(ProcessLookupError):  # the whole group, should the server have outlived the stop
            os.killpg(server.pid, signal.SIGKILL)


def test_a_busy_address_is_said_in_plain_words_with_another_to_use(project: Path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "macros", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert f"cannot serve at 127.0.0.1:{port}" in done.stderr and "make serve HOST=127.0.0.1:8001" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
