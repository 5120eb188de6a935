"""Serve a built site on a free loopback port: `make pdf` prints from it and the browser tests drive it."""

import contextlib
import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path, handler: type[SimpleHTTPRequestHandler] = _QuietHandler):
    """Yields the root URL of `directory` served on 127.0.0.1 by `handler` until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serve_navigable(site: Path):
    """`serve(site)`, its sitemap rewritten to the address it is served at: material's instant navigation only
    takes over links to pages its sitemap lists at the page's own origin, port included."""
    with serve(site) as url:
        sitemap = site / "sitemap.xml"
        text = sitemap.read_text(encoding="utf-8")
        built = re.search(r"<loc>(.*?)</loc>", text)[1]
        sitemap.write_text(text.replace(built[: built.index("/", len("http://")) + 1], url), encoding="utf-8")
        yield url
