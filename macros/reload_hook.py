"""MkDocs hook: forget the imported `macros` package before each build, so `mkdocs serve` picks up
edits to macros code (mkdocs-macros imports it once and Python would keep the old modules)."""

import sys

from mkdocs.plugins import event_priority


@event_priority(100)  # before mkdocs-macros' own on_config imports the package
def on_config(config):
    for name in [name for name in sys.modules if name == "macros" or name.startswith("macros.")]:
        del sys.modules[name]
    return config
