"""`make serve`: the engine's live-reloading server on the rendered handbook, rendered again whenever a file it is
made from changes. The render runs in a fresh Python each time, so an edit to macros/ counts as soon as it is
saved; a render that finds problems prints them and leaves the last good pages served."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from . import render_cache
from .engine import command as engine_command
from .mkdocs_yml import SETTINGS_FILE

# What the rendered handbook is made from, under the handbook's folder: what the render cache hashes, with the
# handbook's own code and settings (the cache reads those as the running code and mkdocs.yml as read).
SOURCES = (*render_cache.SOURCES, "macros", SETTINGS_FILE)
# How long the engine's server is given to stop on the reader's Ctrl-C before this process passes the stop on.
SHUTDOWN_SECONDS = 5
# Where `make serve` keeps the rendered handbook (a build renders into a folder of its own).
PREVIEW_DIR = ".playbook/preview"


def serve(root: Path, address: str, team: str | None = None, language: str | None = None) -> int:
    out = root / PREVIEW_DIR
    chosen = [*(["--team", team] if team else []), *(["--language", language] if language else [])]
    busy = _busy(address)
    if busy:
        print(busy, file=sys.stderr)
        return 1
    # A stop sent by `kill` or a closed terminal ends the preview as Ctrl-C does, the engine's server with it.
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, _interrupt)
    started_by = os.getppid()
    try:
        if _render(root, out, chosen) != 0:
            return 1
        server = subprocess.Popen(engine_command("serve", "--config-file", str(out / SETTINGS_FILE), "--dev-addr", address, "--livereload"), cwd=root)
    except KeyboardInterrupt:
        return 130
    seen = _stamps(root)
    try:
        while server.poll() is None:
            time.sleep(0.5)  # a person's save, noticed within half a second
            if os.getppid() != started_by:  # make, which started this, was stopped: stop too
                return _stop(server)
            now = _stamps(root)
            if now != seen:
                seen = now
                _render(root, out, chosen)
    except KeyboardInterrupt:
        return _stop(server)
    return server.wait()


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _busy(address: str) -> str:
    """Why the preview cannot serve at `address` ("" when it can): another program, often an earlier `make
    serve` still running, holds the port."""
    host, _, port = address.rpartition(":")
    try:
        with socket.socket(socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host.strip("[]"), int(port)))
    except (OSError, ValueError) as error:
        return (
            f"make serve: cannot serve at {address} ({getattr(error, 'strerror', None) or error}). Another program holds that "
            "address, often an earlier `make serve` still running: stop it with Ctrl-C in its terminal, or serve at "
            "another port, e.g. `make serve HOST=127.0.0.1:8001`."
        )
    return ""


def _stop(server: subprocess.Popen) -> int:
    """Ctrl-C in a terminal reaches the engine's server too: it shuts down and deletes the site it built in a
    temporary folder, given the time. A stop sent to this process alone is passed on; a server still running
    after that is ended."""
    for passed_on in (None, signal.SIGINT, signal.SIGTERM):
        if passed_on:
            server.send_signal(passed_on)
        try:
            return server.wait(timeout=SHUTDOWN_SECONDS)
        except subprocess.TimeoutExpired:
            continue
    server.kill()
    return server.wait()


def _render(root: Path, out: Path, chosen: list[str]) -> int:
    return subprocess.run([sys.executable, "-m", "macros", "render", "--root", str(root), "--out", str(out), *chosen], cwd=root).returncode


def _stamps(root: Path) -> dict[str, tuple[int, int]]:
    """Each source file's modification time and size, by path."""
    stamps = {}
    for source in SOURCES:
        path = root / source
        for file in [path] if path.is_file() else sorted(path.rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                stat = file.stat()
                stamps[file.as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return stamps
