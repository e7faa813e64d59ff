"""The README opens with the two set-up commands, and its Python example runs."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_starts_with_the_two_setup_commands() -> None:
    blocks = re.findall(r"```(?:sh|bash)?\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    commands = [line.split("#")[0].strip() for line in blocks[0].splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]


@pytest.mark.slow
def test_readme_python_example_runs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert code is not None
    monkeypatch.chdir(README.parent)
    exec(compile(code.group(1), "README.md", "exec"), {})
    assert re.search(r"^f\d+ \[", capsys.readouterr().out, re.M)
    assert os.getcwd() == str(README.parent)


def test_readme_images_exist() -> None:
    images = re.findall(r"(docs/img/[\w.-]+\.png)", README.read_text(encoding="utf-8"))
    assert images
    for image in images:
        assert (README.parent / image).is_file(), image
