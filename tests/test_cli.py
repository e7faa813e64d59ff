"""The command line: reports in every format, one-line errors with exit codes for bad input."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import slant.cli
from slant.cli import main

ARTICLE = (
    "The city council voted on Tuesday to approve the new harbor plan after a long and heated debate. "
    "Supporters said the plan would bring jobs to the waterfront, while critics said it would cost "
    "far more than the city had promised and that the people who live near the port were not asked.\n"
)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


BAD_INPUTS = [
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b"  \n\t \n", "the file is empty"),
    ("binary.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x00\x01\x02", "binary"),
    ("nul.txt", bytes(range(256)) * 20, "binary"),
    (
        "german.txt",
        (
            "Der Stadtrat hat am Dienstag nach einer langen und hitzigen Debatte den neuen Hafenplan "
            "beschlossen. Die Befürworter sagten, der Plan werde Arbeitsplätze schaffen, während die "
            "Kritiker meinten, er werde viel mehr kosten, als die Stadt versprochen habe.\n"
        ).encode("utf-8"),
        "does not look like English",
    ),
    ("big.txt", (ARTICLE * 6000).encode("utf-8"), "over the"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_cli_bad_input_one_line_error(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    code = main(["compare", str(good), str(bad), "--format", "json"])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert err.startswith(f"slant: error: {bad}")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_cli_non_utf8_is_decoded_and_named(tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(ARTICLE.replace("debate", "débat “crisis”").encode("cp1252"))
    code = main(["compare", str(good), str(legacy), "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0
    warnings = json.loads(out)["articles"][1]["warnings"]
    assert any("windows-1252" in w or "cp1252" in w for w in warnings)


@pytest.mark.parametrize(
    ("argv", "message", "code"),
    [
        (["compare", "/nonexistent/a.txt", "/nonexistent/b.txt"], "no such file", 2),
        (["compare", "GOOD"], "at least two articles", 2),
        (["compare", "GOOD", "GOOD", "--format", "pdf"], "pdf", 2),
    ],
)
def test_cli_usage_errors(
    good: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str, code: int
) -> None:
    argv = [str(good) if a == "GOOD" else a for a in argv]
    assert main(argv) == code
    assert message in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "md", "html", "terminal"])
def test_cli_compare_examples_every_format(
    examples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    out = tmp_path / f"report.{fmt}"
    argv = ["compare", str(examples / "harbor_left.txt"), str(examples / "harbor_right.txt"), "-f", fmt, "-o", str(out)]
    assert main(argv) == 0
    text = out.read_text(encoding="utf-8")
    assert "Calder Bay" in text
    if fmt == "json":
        data = json.loads(text)
        assert data["schema"] == "slant.compare/1"
        assert {f["status"] for f in data["facts"]} >= {"shared", "unique"}


@pytest.mark.slow
def test_cli_reads_stdin(examples: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    data = (examples / "harbor_right.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["compare", str(examples / "harbor_left.txt"), "-", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"][1]["source"] == "-"


def test_cli_help_imports_no_heavy_models() -> None:
    code = (
        "import sys; from slant.cli import main; "
        "rc = main(['--help']); "
        "heavy = [m for m in ('torch', 'spacy', 'transformers', 'sentence_transformers') if m in sys.modules]; "
        "print(heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_cli_commands_register_in_help_order() -> None:
    # slant.cli imports the command modules in this order; `slant --help` lists them as registered.
    from typer.core import TyperGroup
    from typer.main import get_command

    group = get_command(slant.cli.app)
    assert isinstance(group, TyperGroup)
    assert list(group.commands) == [
        "compare",
        "version",
        "ingest",
        "stories",
        "story",
        "serve",
        "eval",
        "train",
    ]
    evals, trains = group.commands["eval"], group.commands["train"]
    assert isinstance(evals, TyperGroup) and isinstance(trains, TyperGroup)
    assert list(evals.commands) == [
        "align",
        "quotes",
        "language",
        "terms",
        "wcl",
        "babe",
        "newsmtsc",
        "babe-words",
        "basil",
        "basil-stance",
        "basil-inf",
        "allsides",
        "neus",
        "stories",
    ]
    assert list(trains.commands) == [
        "allsides",
        "align",
        "referents",
        "wording",
        "embedder",
        "babe",
        "tagger",
        "newsmtsc",
        "outlets",
        "stories",
    ]


def test_cli_command_modules_import_only_the_shared_module() -> None:
    package = Path(slant.cli.__file__).parent
    for path in sorted(package.glob("*.py")):
        if path.name == "__init__.py":
            continue
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("slant.cli")):
                imported.add("." * node.level + (node.module or ""))
            elif isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names if alias.name.startswith("slant.cli")}
        assert imported == (set() if path.stem == "apps" else {"slant.cli.apps"}), path.name


def test_cli_process_exit_code_for_bad_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-m", "slant", "compare", str(empty), str(empty)], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stderr.strip() == f"slant: error: {empty}: the file is empty"


LEXICONS = Path(__file__).resolve().parents[2] / "shared" / "data" / "lexicons"


def test_cli_missing_lexicons_folder_is_one_line(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-folder"
    code = main(["compare", str(good), str(good), "--lexicons", str(missing), "-f", "json"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("slant: error:") and str(missing) in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.slow
def test_cli_external_lexicons_add_marks(examples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not LEXICONS.is_dir():
        pytest.skip("../shared/data/lexicons is not available")
    pair = [str(examples / "harbor_left.txt"), str(examples / "harbor_right.txt")]
    plain, extra = tmp_path / "plain.json", tmp_path / "extra.json"
    assert main(["compare", *pair, "-f", "json", "-o", str(plain)]) == 0
    assert main(["compare", *pair, "-f", "json", "-o", str(extra), "--lexicons", str(LEXICONS)]) == 0
    categories = {m["category"] for m in json.loads(extra.read_text(encoding="utf-8"))["language"]}
    assert categories & {"recasens", "mpqa"}
    assert not {m["category"] for m in json.loads(plain.read_text(encoding="utf-8"))["language"]} & {"recasens", "mpqa"}
    assert json.loads(extra.read_text(encoding="utf-8"))["provenance"]["settings"]["lexicons"] == str(LEXICONS)


def test_train_referents_keeps_metrics_in_the_given_cache_unless_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import slant.train.referents

    seen: list[object] = []

    def fake_train(data: Path, gold: object, extra: object, metric_cache: Path | None = None) -> dict[str, object]:
        seen.append(metric_cache)
        return {"threshold": 0.5}

    monkeypatch.setattr(slant.train.referents, "train", fake_train)
    assert main(["train", "referents", "--data", str(tmp_path), "--metric-cache", str(tmp_path / "c")]) == 0
    assert main(["train", "referents", "--data", str(tmp_path), "--no-metric-cache"]) == 0
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert main(["train", "referents", "--data", str(tmp_path)]) == 0
    assert seen == [tmp_path / "c", None, tmp_path / "xdg" / "slant" / "referent-metrics"]
    assert json.loads(capsys.readouterr().out.split("}")[0] + "}") == {"threshold": 0.5}
