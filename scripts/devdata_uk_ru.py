"""Rebuild the Ukrainian/Russian development corpus in `.devdata/uk_ru/` (issue 15).

    .venv/bin/python scripts/devdata_uk_ru.py                      # from the web (httpx + trafilatura)
    .venv/bin/python scripts/devdata_uk_ru.py --mirror DIR         # from DIR/<id>.txt, byte for byte
    .venv/bin/python scripts/devdata_uk_ru.py --git-mirror DIR     # GitHub-sourced excerpts from git mirrors
    .venv/bin/python scripts/devdata_uk_ru.py --check              # verify excerpts.jsonl against the gold

Third-party text never enters git: the gold file `bench/gold/uk_ru.json`
records, per excerpt, only its address, the number of characters used
(`chars`) and the SHA-256 of the excerpt, beside the hand-coded facts. An
address is either a page (`url`) or a GitHub file (`source`: `{"repo",
"commit", "path", "span": [start, end]}`, characters of the file decoded as
UTF-8, as in scripts/devdata_real_passages.py). This script writes

    .devdata/uk_ru/excerpts.jsonl   one {"id","text","published","url","outlet","lang"} per line
    .devdata/uk_ru/pages/<id>.txt   the text of each excerpt (the `--mirror` layout)

in the gold's order. From the web it fetches each page, extracts the main text
with trafilatura and keeps the leading `chars` characters; the coded excerpts
were cut from stored copies of the pages (date markers and page furniture
dropped), so a live page often differs: each text is checked against its
SHA-256 and a mismatch is reported and still written. `--mirror DIR` (e.g. a
colleague's copy of `pages/`, or the output's own `pages/`, whose unchanged files are
left alone) reproduces the corpus byte for byte; `--git-mirror
DIR` reads `DIR/<owner>+<name>/repo` bare git directories as the `fetch` tool
leaves them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "uk_ru.json"
OUT = ROOT / ".devdata" / "uk_ru"

Excerpt = dict[str, Any]
Fetch = Callable[[Excerpt], str | None]


def sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_excerpts(gold: Path) -> list[Excerpt]:
    """The excerpt records of the gold file."""
    data: dict[str, Any] = json.loads(gold.read_text(encoding="utf-8"))
    return list(data["excerpts"])


def from_mirror(mirror: Path) -> Fetch:
    """Read `<id>.txt` from a local copy of the excerpt texts."""

    def fetch(excerpt: Excerpt) -> str | None:
        path = mirror / f"{excerpt['id']}.txt"
        return path.read_text(encoding="utf-8") if path.exists() else None

    return fetch


def git_dir(mirror: Path, repo: str) -> Path:
    return mirror / repo.replace("/", "+") / "repo"


def from_git(mirror: Path) -> Fetch:
    """Cut the recorded character span from a file of a git mirror."""

    def fetch(excerpt: Excerpt) -> str | None:
        source = excerpt.get("source")
        if not source:
            return None
        spec = f"{source['commit']}:{source['path']}"
        done = subprocess.run(
            ["git", "-C", str(git_dir(mirror, source["repo"])), "show", spec], capture_output=True
        )
        if done.returncode != 0:
            print(f"{excerpt['id']}: cannot read {source['repo']} {spec}", file=sys.stderr)
            return None
        start, end = source["span"]
        return done.stdout.decode("utf-8")[start:end]

    return fetch


def leading(text: str, chars: int) -> str | None:
    """The leading `chars` characters of an extracted page, None when empty."""
    return text[:chars] or None


def from_web(timeout: float = 30.0) -> Fetch:
    """Fetch the page with httpx and extract its main text with trafilatura."""
    import httpx
    import trafilatura

    client = httpx.Client(
        timeout=timeout, follow_redirects=True, headers={"User-Agent": "sitrep-devdata/1"}
    )

    def fetch(excerpt: Excerpt) -> str | None:
        if not excerpt.get("url"):
            return None
        try:
            response = client.get(excerpt["url"])
            response.raise_for_status()
        except httpx.HTTPError as e:
            print(f"{excerpt['id']}: {e}", file=sys.stderr)
            return None
        return leading(
            trafilatura.extract(response.text, include_comments=False) or "", excerpt["chars"]
        )

    return fetch


def record(excerpt: Excerpt, text: str) -> dict[str, Any]:
    """One JSON Lines record; `sitrep extract --jsonl` reads id, text and published."""
    return {
        "id": excerpt["id"],
        "text": text,
        "published": excerpt["published"],
        "url": excerpt.get("url"),
        "outlet": excerpt.get("outlet"),
        "lang": excerpt["lang"],
    }


def write_page(path: Path, text: str) -> None:
    """Write an excerpt text unless the file already holds exactly it.

    Leaving an unchanged page alone lets `--mirror` point at the output's own
    `pages/` (the shared .devdata copy) without touching the existing files.
    """
    data = text.encode("utf-8")
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def rebuild(excerpts: list[Excerpt], fetch: Fetch, out: Path) -> tuple[int, int, int]:
    """Write the corpus; return (written, mismatched, missing)."""
    pages = out / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    lines, mismatched, missing = [], 0, 0
    for excerpt in excerpts:
        text = fetch(excerpt)
        if text is None:
            missing += 1
            print(f"{excerpt['id']}: missing", file=sys.stderr)
            continue
        if sha256(text) != excerpt["sha256"]:
            mismatched += 1
            print(f"{excerpt['id']}: text differs from the coded version", file=sys.stderr)
        write_page(pages / f"{excerpt['id']}.txt", text)
        lines.append(json.dumps(record(excerpt, text), ensure_ascii=False))
    (out / "excerpts.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines), mismatched, missing


def check(excerpts: list[Excerpt], out: Path) -> int:
    """Count gold excerpts that excerpts.jsonl lacks or holds with another text."""
    expected = {e["id"]: e["sha256"] for e in excerpts}
    path = out / "excerpts.jsonl"
    if not path.exists():
        return len(expected)
    bad = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        if expected.pop(rec["id"], None) != sha256(rec["text"]):
            bad += 1
    return bad + len(expected)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--out", type=Path, default=OUT)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--mirror", type=Path, help="directory of <id>.txt texts to rebuild from")
    source.add_argument(
        "--git-mirror", type=Path, help="folder holding <owner>+<name>/repo git directories"
    )
    source.add_argument(
        "--check", action="store_true", help="only verify excerpts.jsonl against the gold"
    )
    args = parser.parse_args(argv)
    excerpts = load_excerpts(args.gold)
    if args.check:
        bad = check(excerpts, args.out)
        print(f"{len(excerpts) - bad} of {len(excerpts)} excerpts match the gold")
        return 1 if bad else 0
    if args.mirror:
        fetch = from_mirror(args.mirror)
    elif args.git_mirror:
        fetch = from_git(args.git_mirror)
    else:
        fetch = from_web()
    written, mismatched, missing = rebuild(excerpts, fetch, args.out)
    print(
        f"wrote {written} excerpts to {args.out / 'excerpts.jsonl'}; {mismatched} differ, {missing} missing"
    )
    return 1 if mismatched or missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
