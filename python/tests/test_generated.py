"""The GraphQL layer is generated code: regenerating it from the server's SDL and the package's operations
must give exactly what is committed, so the Python side cannot drift from the server."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
REPO = PACKAGE.parent
GENERATED = PACKAGE / "src" / "linkage" / "_generated"


def regenerate(into: Path) -> Path:
    """Runs ariadne-codegen in a copy of the layout it expects (python/ beside server/graphql/)."""
    (into / "server" / "graphql").mkdir(parents=True)
    shutil.copy(REPO / "server" / "graphql" / "schema.graphql", into / "server" / "graphql")
    package = into / "python"
    (package / "src" / "linkage").mkdir(parents=True)
    shutil.copy(PACKAGE / "pyproject.toml", package)
    shutil.copytree(PACKAGE / "src" / "linkage" / "operations", package / "src" / "linkage" / "operations")
    codegen = Path(sys.executable).with_name("ariadne-codegen")
    result = subprocess.run([str(codegen)], cwd=package, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return package / "src" / "linkage" / "_generated"


def differences(a: Path, b: Path) -> list[str]:
    compared = filecmp.dircmp(a, b, ignore=["__pycache__"])
    found = [f"only committed: {n}" for n in compared.left_only] + [f"only generated: {n}" for n in compared.right_only]
    found += [f"differs: {n}" for n in compared.diff_files]
    return found


def test_generated_client_is_current(tmp_path):
    fresh = regenerate(tmp_path)
    assert differences(GENERATED, fresh) == [], (
        "python/src/linkage/_generated is stale: run `ariadne-codegen` in python/ (notebooks/.venv/bin/ariadne-codegen)"
    )


def test_the_check_sees_a_changed_operation(tmp_path):
    # The check can fail: an operation that asks for one more field generates different code.
    fresh = regenerate(tmp_path)
    operation = tmp_path / "python" / "src" / "linkage" / "operations" / "search.graphql"
    operation.write_text(operation.read_text().replace("snippet", "snippet\n    entity { version }"))
    shutil.rmtree(fresh)
    result = subprocess.run(
        [str(Path(sys.executable).with_name("ariadne-codegen"))], cwd=tmp_path / "python", capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "differs: search.py" in differences(GENERATED, fresh)
