"""Rebuild the real-coverage development corpus in `.devdata/real_coverage/`.

    .venv/bin/python scripts/devdata_real_coverage.py                 # from the web (httpx + trafilatura)
    .venv/bin/python scripts/devdata_real_coverage.py --mirror DIR    # from a local copy of the page texts
    .venv/bin/python scripts/devdata_real_coverage.py --check         # verify articles.jsonl against the gold

Third-party text never enters git: the gold file `bench/gold/real_coverage.json`
records, per article, only its address (page URL), the number of characters
used and the SHA-256 of that text. This script fetches each page, extracts its
main text, keeps the first `chars` characters (the corpus holds the leading
excerpt of each page, as the library's stored copy gave it) and writes

    .devdata/real_coverage/articles.jsonl   one {"id","text","published","url","outlet"} per line
    .devdata/real_coverage/pages/<id>.txt   the text of each article (the `--mirror` layout)

Layout used by the scorer: JSON Lines, read with `sitrep extract --jsonl`.
Each text is verified against its recorded SHA-256; a live page that has
changed since it was stored (layout, corrections) is reported as a mismatch
and still written, so the scores on a rebuilt corpus may differ slightly.
`--mirror DIR` rebuilds from `DIR/<id>.txt` files (e.g. a colleague's copy of
`pages/`) and must reproduce the corpus byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "real_coverage.json"
OUT = ROOT / ".devdata" / "real_coverage"

Article = dict[str, Any]
Fetch = Callable[[Article], str | None]


def sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_articles(gold: Path) -> list[Article]:
    """The article records of the gold file."""
    data: dict[str, Any] = json.loads(gold.read_text(encoding="utf-8"))
    return list(data["articles"])


def from_mirror(mirror: Path) -> Fetch:
    """Read `<id>.txt` from a local copy of the page texts."""

    def fetch(article: Article) -> str | None:
        path = mirror / f"{article['id']}.txt"
        return path.read_text(encoding="utf-8") if path.exists() else None

    return fetch


def from_web(timeout: float = 30.0) -> Fetch:
    """Fetch the page with httpx and extract its main text with trafilatura."""
    import httpx
    import trafilatura

    client = httpx.Client(
        timeout=timeout, follow_redirects=True, headers={"User-Agent": "sitrep-devdata/1"}
    )

    def fetch(article: Article) -> str | None:
        try:
            response = client.get(article["address"]["url"])
            response.raise_for_status()
        except httpx.HTTPError as e:
            print(f"{article['id']}: {e}", file=sys.stderr)
            return None
        text = trafilatura.extract(response.text, include_comments=False) or ""
        return text[: article["address"]["chars"]] or None

    return fetch


def record(article: Article, text: str) -> dict[str, Any]:
    """One JSON Lines record for `sitrep extract --jsonl`."""
    return {
        "id": article["id"],
        "text": text,
        "published": article["published"],
        "url": article["address"]["url"],
        "outlet": article["outlet"],
    }


def rebuild(articles: list[Article], fetch: Fetch, out: Path) -> tuple[int, int, int]:
    """Write the corpus; return (written, mismatched, missing)."""
    pages = out / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    lines, mismatched, missing = [], 0, 0
    for article in articles:
        text = fetch(article)
        if text is None:
            missing += 1
            continue
        if sha256(text) != article["address"]["sha256"]:
            mismatched += 1
            print(f"{article['id']}: text differs from the coded version", file=sys.stderr)
        (pages / f"{article['id']}.txt").write_text(text, encoding="utf-8")
        lines.append(json.dumps(record(article, text), ensure_ascii=False))
    (out / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines), mismatched, missing


def check(articles: list[Article], out: Path) -> int:
    """Count records of articles.jsonl whose text does not match the gold hash."""
    expected = {a["id"]: a["address"]["sha256"] for a in articles}
    bad = 0
    for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines():
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
    parser.add_argument(
        "--mirror", type=Path, help="directory of <id>.txt page texts to rebuild from"
    )
    parser.add_argument(
        "--check", action="store_true", help="only verify articles.jsonl against the gold"
    )
    args = parser.parse_args(argv)
    articles = load_articles(args.gold)
    if args.check:
        bad = check(articles, args.out)
        print(f"{len(articles) - bad} of {len(articles)} articles match the gold")
        return 1 if bad else 0
    fetch = from_mirror(args.mirror) if args.mirror else from_web()
    written, mismatched, missing = rebuild(articles, fetch, args.out)
    print(
        f"wrote {written} articles to {args.out / 'articles.jsonl'}; {mismatched} differ, {missing} missing"
    )
    return 1 if mismatched or missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
