"""Claim by Claim: the content pipeline (load, validate, render, generate).

Every function here is plain Python with no dependency on the site engine, so the same
logic runs from the CLI (`python -m scripts ...`), from the macros plugin, and from tests.
"""


def define_env(env):  # pragma: no cover - glue for the macros plugin (module_name: scripts)
    """Entry point for the macros plugin; the logic lives in scripts.macros.

    Imported absolutely: Zensical loads this file without its package, so a relative import fails.
    """
    import importlib
    import sys
    from pathlib import Path

    root = str(Path(__file__).resolve().parent.parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    importlib.import_module("scripts.macros").register(env)


def on_pre_page_macros(env):  # pragma: no cover - macros plugin hook, see scripts.macros
    import importlib

    importlib.import_module("scripts.macros").before_page(env)


def on_post_page_macros(env):  # pragma: no cover - macros plugin hook, see scripts.macros
    import importlib

    importlib.import_module("scripts.macros").after_page(env)
