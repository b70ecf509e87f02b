"""The design card's import directions: `index` imports neither `qa` nor `cli`; `qa` does not import `cli`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FORBIDDEN = {"index": {"qa", "cli"}, "qa": {"cli"}}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_import_directions(package: str) -> None:
    files = sorted((REPO / package).rglob("*.py"))
    assert files, f"no modules in {package}/"
    offenders = {str(f.relative_to(REPO)): sorted(_imports(f) & FORBIDDEN[package]) for f in files}
    assert {f: bad for f, bad in offenders.items() if bad} == {}


def test_the_checker_sees_imports(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("import qa.engine\nfrom cli import main\n", encoding="utf-8")
    assert _imports(probe) == {"qa", "cli"}


def test_bundled_article_is_package_data() -> None:
    from qa import config

    text = config.bundled_article().read_text(encoding="utf-8")
    assert "Obama" in text and "Putin" in text
