"""mkdocs.yml, read by mkdocs' own function: as mkdocs reads it (`!ENV` looked up) for `validate`, or tolerantly
for the change summary, which reads old versions of the file, where an environment variable means nothing."""

from pathlib import Path

import yaml
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

from .loading import yaml_syntax_problem
from .problems import Problem

SETTINGS_FILE = "mkdocs.yml"


class TolerantLoader(yaml.SafeLoader):
    """PyYAML's safe loader, reading a value with a tag (`!ENV`, `!!python/name:`) as if it had none: nothing is
    looked up or imported, so any version of the file can be read safely."""


def _untagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node):
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


TolerantLoader.add_multi_constructor("", _untagged)


def load_settings(path: Path, loader: type[yaml.SafeLoader] | None = None) -> dict | None:
    """The file's settings (None when it holds something other than a mapping), read with mkdocs' own YAML loader
    unless `loader` is given. Raises OSError, UnicodeDecodeError, or mkdocs' ConfigurationError, which carries a
    YAML error, and where it is, as its `__context__`."""
    with open(path, encoding="utf-8") as file:
        settings = yaml_load(file, loader)
    return settings if isinstance(settings, dict) else None


def read_as_mkdocs(root: Path) -> tuple[dict | None, list[Problem]]:
    """The handbook's mkdocs.yml as mkdocs reads it, for `validate` ({} when it holds no mapping): a file mkdocs
    cannot read is a located problem, and no settings, rather than a traceback."""
    try:
        return load_settings(root / SETTINGS_FILE) or {}, []
    except FileNotFoundError:
        return None, [Problem(SETTINGS_FILE, 1, 1, "the file is missing (every handbook needs it; restore it from the example handbook)")]
    except ConfigurationError as error:
        cause = error.__context__
        if isinstance(cause, yaml.MarkedYAMLError):
            return None, [yaml_syntax_problem(SETTINGS_FILE, cause)]
        return None, [Problem(SETTINGS_FILE, 1, 1, str(error))]
