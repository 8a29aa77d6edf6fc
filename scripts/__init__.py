"""Claim by Claim: the content pipeline (load, validate, render, generate).

Every function here is plain Python with no dependency on the site engine, so the same
logic runs from the CLI (`python -m scripts ...`), from the macros plugin, and from tests.
"""


def define_env(env):  # pragma: no cover - glue for the mkdocs-macros plugin (module_name: scripts)
    """Entry point for the macros plugin; the logic lives in scripts.macros."""
    from .macros import register

    register(env)
