"""The README cannot drift from the CLI (after Datasette's test_docs.py): every command is documented."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from quotetrace.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_docs_every_command_is_in_the_readme(command: str) -> None:
    assert f"quotetrace {command}" in README, f"`quotetrace {command}` is not documented in README.md"


@pytest.mark.parametrize("command", COMMANDS)
def test_docs_every_option_is_in_the_readme(command: str) -> None:
    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    for param in click_command.params:
        for opt in param.opts:
            if opt.startswith("--") and opt not in ("--help",):
                assert opt in README, f"option {opt} of `quotetrace {command}` is not documented in README.md"


def test_docs_readme_gives_the_two_commands() -> None:
    assert "make demo" in README and "make test" in README
