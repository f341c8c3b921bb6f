"""Contracts: the public API, settings documented in the README, every CLI command documented."""

from __future__ import annotations

import re
from pathlib import Path

import whimbrel
from whimbrel.cli import main
from whimbrel.config import SETTINGS, Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


# The public API: a name added or dropped here is a deliberate change of the contract.
PUBLIC_API = [
    "ActorRef", "Article", "Attribution", "ConfigError", "DataFileError", "DateRef", "Event",
    "EventMention", "EventTypeInfo", "GoldError", "InputError", "ModelNotFound", "Pipeline",
    "PlaceRef", "Reject", "Settings", "Span", "StoreError", "StoryResult", "WhimbrelError",
    "__version__",
]  # fmt: skip


def test_public_api_is_exported() -> None:
    assert whimbrel.__all__ == PUBLIC_API
    for name in whimbrel.__all__:
        assert getattr(whimbrel, name) is not None, name


def test_every_setting_is_documented_and_defaults_agree() -> None:
    defaults = Settings()
    for setting in SETTINGS:
        assert f"| `{setting.name}` |" in README, setting.name
        assert getattr(defaults, setting.name) == setting.default, setting.name


def test_every_cli_command_is_documented() -> None:
    for name in main.commands:
        assert f"### `whimbrel {name}" in README, name


def test_every_code_option_is_documented() -> None:
    options = [o for p in main.commands["code"].params for o in p.opts if o.startswith("--")]
    for option in options:
        assert f"`{option}" in README or option in ("--progress",), option


def test_readme_names_exactly_two_setup_commands() -> None:
    block = re.search(r"## Set up and try it.*?```sh\n(.*?)```", README, re.S)
    assert block is not None
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines()]
    assert [c for c in commands if c] == ["make demo", "make test"]
