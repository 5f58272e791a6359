"""The long fuzz run: every target of tests/fuzz_targets.py for many cases (default 20,000 each).

    python benchmarks/fuzz_long.py                   # 20,000 cases per target
    python benchmarks/fuzz_long.py --cases 2000 --only numbers check_text --seed 7

The CI test (tests/test_hardening_fuzz.py) drives the targets with hypothesis;
here a seeded ``random.Random`` draws from the same vocabulary (budget words,
numbers in every published form, arbitrary characters including controls and
lone surrogates; DOCX/XLSX/PDF seeds with bytes flipped, inserted and cut),
which is about 50 times cheaper to generate, so the run measures the code
under test rather than the generator.  A crash does not stop the run: each
is recorded by exception type and innermost textcheck frame with one example
input.  Rules run strict (TEXTCHECK_STRICT=1): a rule that raises is a crash
here, although a normal run reports it as an info finding and goes on.
Exit status 1 when anything crashed.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("TEXTCHECK_STRICT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import fuzz_targets as T  # noqa: E402


def _targets():
    docx, xlsx, pdf = T.seed_docx(), T.seed_xlsx(), T.seed_pdf()
    html = lambda rng: ("<html><body><p>" + T.random_document(rng).replace("\n", "</p><p>")  # noqa: E731
                        + "</p></body></html>")
    return {
        "numbers": (lambda rng: T.random_number(rng) if rng.random() < 0.8 else T.random_text(rng, 8),
                    T.number_target),
        "check_text": (T.random_document, T.check_text_target),
        "text_reader": (lambda rng: (T.random_text_bytes(rng), rng.choice(["x.txt", "x.md"])),
                        lambda args: T.reader_target(*args)),
        "html_reader": (lambda rng: html(rng).encode("utf-8", "surrogatepass"),
                        lambda data: T.reader_target(data, "x.html")),
        "docx_reader": (lambda rng: T.random_mutation(rng, docx), lambda data: T.reader_target(data, "x.docx")),
        "xlsx_reader": (lambda rng: T.random_mutation(rng, xlsx), lambda data: T.reader_target(data, "x.xlsx")),
        "pdf_reader": (lambda rng: T.random_mutation(rng, pdf), lambda data: T.reader_target(data, "x.pdf")),
        "docx_xml": (lambda rng: T.random_member_mutation(rng, docx), lambda data: T.reader_target(data, "x.docx")),
        "xlsx_xml": (lambda rng: T.random_member_mutation(rng, xlsx), lambda data: T.reader_target(data, "x.xlsx")),
    }


def _where(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/textcheck/" in f.filename]
    f = frames[-1] if frames else traceback.extract_tb(exc.__traceback__)[-1]
    return f"{Path(f.filename).name}:{f.lineno} {f.name}"


def run_target(generate, target, cases: int, seed: int) -> tuple[int, dict]:
    crashes: dict[tuple[str, str], tuple[int, str]] = {}
    rng = random.Random(seed)
    for _ in range(cases):
        value = generate(rng)
        try:
            target(value)
        except Exception as exc:  # noqa: BLE001 — recorded, the run goes on
            key = (type(exc).__name__, _where(exc))
            seen, example = crashes.get(key, (0, repr(value)[:300]))
            crashes[key] = (seen + 1, example)
    return cases, crashes


def main() -> int:
    targets = _targets()
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=int, default=20_000, help="cases per target (default 20,000)")
    p.add_argument("--only", nargs="*", choices=sorted(targets), help="these targets only")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = p.parse_args()
    total, crashed = 0, 0
    for name in args.only or targets:
        generate, target = targets[name]
        start = time.perf_counter()
        count, crashes = run_target(generate, target, args.cases, args.seed)
        n = sum(c for c, _ in crashes.values())
        total, crashed = total + count, crashed + n
        print(f"{name:12} {count:7,} cases  {n:5} crashes  {time.perf_counter() - start:7.1f} s", flush=True)
        for (kind, where), (times, example) in sorted(crashes.items()):
            print(f"    {times:5}× {kind} at {where}; e.g. {example}", flush=True)
    print(f"total        {total:7,} cases  {crashed:5} crashes")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
