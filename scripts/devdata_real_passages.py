"""Rebuild `.devdata/real_passages/passages.jsonl` from the addresses in the gold.

    .venv/bin/python scripts/devdata_real_passages.py --mirror /work/.mirror

Third-party text never enters git: `bench/gold/real_passages.json` records, per
passage, a repository, commit, path, character span and decoding; this script
reads each span from a local mirror (`DIR/<owner>+<name>/repo`, a bare git
directory as the `fetch` tool leaves it, or any clone at that path) and writes
sitrep's `extract --jsonl` records `{"id", "text", "published"}`.

Decodings: `js_string` (a quoted JavaScript string literal, escapes resolved),
`markdown` (inline links and images reduced to their text, emphasis markers
dropped). Output is deterministic, so two runs give byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "real_passages.json"
OUT = ROOT / ".devdata" / "real_passages" / "passages.jsonl"

Address = dict[str, Any]

JS_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "'": "'", '"': '"', "\\": "\\", "`": "`"}
MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MD_EMPHASIS = re.compile(r"\*\*|__")


def git_dir(mirror: Path, repo: str) -> Path:
    return mirror / repo.replace("/", "+") / "repo"


def read_blob(mirror: Path, address: Address) -> str:
    """The file at the recorded commit, decoded as UTF-8."""
    spec = f"{address['commit']}:{address['path']}"
    done = subprocess.run(
        ["git", "-C", str(git_dir(mirror, address["repo"])), "show", spec], capture_output=True
    )
    if done.returncode != 0:
        raise SystemExit(
            f"Could not read {address['repo']} {spec}: {done.stderr.decode().strip()}. Fetch that repository into --mirror first."
        )
    return done.stdout.decode("utf-8")


def decode_js_string(literal: str) -> str:
    """Resolve a quoted JavaScript string literal (quotes included) to its value."""
    out: list[str] = []
    i = 1
    while i < len(literal) - 1:
        char = literal[i]
        if char == "\\":
            out.append(JS_ESCAPES.get(literal[i + 1], literal[i + 1]))
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def decode_markdown(span: str) -> str:
    return MD_EMPHASIS.sub("", MD_LINK.sub(r"\1", MD_IMAGE.sub(r"\1", span))).strip()


def check_key(blob: str, address: Address) -> None:
    """The span must sit in the record its key names (catches a stale span)."""
    key = address.get("key")
    if not key:
        return
    before = blob[: address["span"][0]]
    found = re.findall(r"Tokenid:\s*'?(\d+)'?", before)
    if not found or found[-1] != key["Tokenid"]:
        raise SystemExit(
            f"Span {address['span']} in {address['path']} is not in record Tokenid {key['Tokenid']}."
        )


def passage_text(mirror: Path, address: Address) -> str:
    blob = read_blob(mirror, address)
    check_key(blob, address)
    start, end = address["span"]
    raw = blob[start:end]
    return decode_js_string(raw) if address["decode"] == "js_string" else decode_markdown(raw)


def build(gold: Path, mirror: Path) -> list[dict[str, Any]]:
    passages = json.loads(gold.read_text())["passages"]
    return [
        {
            "id": p["id"],
            "text": passage_text(mirror, p["address"]),
            "published": p["address"]["published"],
        }
        for p in passages
    ]


def write(records: list[dict[str, Any]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--mirror",
        type=Path,
        required=True,
        help="folder holding <owner>+<name>/repo git directories",
    )
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    records = build(args.gold, args.mirror)
    write(records, args.out)
    print(f"wrote {len(records)} passages to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
