"""The pre-commit hook as a documents repository uses it: `pre-commit try-repo` on a clean and a defective PDF.

try-repo installs this repository into a fresh hook environment exactly as a user's
pre-commit would (pip install of the repository plus the hook's
additional_dependencies, from PyPI), so the hook definition, its file filter and
its environment (the pdf readers) are all exercised.  The first run builds the
environment (about a minute and a half with a warm pip cache); the second reuses it.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PDF_DIR = ROOT / "corpus" / "pdf"
CLEAN = PDF_DIR / "jiangsu-npc-2019-budget-text.pdf"      # no error-level finding
DEFECTIVE = PDF_DIR / "jiangsu-court-2017-budget.pdf"     # a growth rate that does not follow (TC301)

pytestmark = pytest.mark.slow


def _pre_commit() -> list[str]:
    if shutil.which("pre-commit"):
        return ["pre-commit"]
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (it is in the test extra)")
    return [sys.executable, "-m", "pre_commit"]


@pytest.fixture(scope="module")
def documents_repo(tmp_path_factory):
    """A repository of disclosures (git only; commits are not needed for --files)."""
    repo = tmp_path_factory.mktemp("disclosures")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    shutil.copy(CLEAN, repo / "clean.pdf")
    shutil.copy(DEFECTIVE, repo / "defective.pdf")
    (repo / "README.md").write_text("# 部门预算公开\n\n本库存放公开文件。金额 100 万元，增长 50%。\n", "utf-8")
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True)
    return repo


@pytest.fixture(scope="module")
def try_repo(documents_repo, tmp_path_factory):
    home = tmp_path_factory.mktemp("pre-commit-home")  # one hook environment for the module
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")

    def run(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run([*_pre_commit(), "try-repo", str(ROOT), "textcheck", "--files", *files],
                              cwd=documents_repo, env=env, capture_output=True, text=True, timeout=1200)
    return run


def test_premise_the_clean_pdf_has_no_error_and_the_defective_one_has(capsys):
    from textcheck.cli import main

    assert main(["check", str(CLEAN)]) == 0
    assert main(["check", str(DEFECTIVE)]) == 1
    assert "TC301" in capsys.readouterr().out


def test_hook_passes_on_a_clean_pdf(try_repo):
    r = try_repo("clean.pdf")
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    assert "Passed" in r.stdout


def test_hook_fails_on_a_defective_pdf_and_names_the_finding(try_repo):
    r = try_repo("defective.pdf")
    assert r.returncode == 1, r.stdout[-3000:] + r.stderr[-3000:]
    assert "Failed" in r.stdout and "TC301" in r.stdout and "defective.pdf" in r.stdout
    assert "无法读取" not in r.stdout  # the hook environment reads PDFs


def test_documentation_markdown_is_not_checked(try_repo):
    r = try_repo("README.md")
    assert r.returncode == 0 and "(no files to check)" in r.stdout, r.stdout[-2000:]
