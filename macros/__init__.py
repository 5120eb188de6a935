"""The mkdocs-macros module. Its entry point imports the data layer only when mkdocs-macros calls it, so a
hook can use a small module of this package (theme_hook does) without loading all of it."""


def define_env(env):
    """Called once per build by mkdocs-macros: load and validate the data, then register the macros."""
    from .wiring import define_env as register

    register(env)
