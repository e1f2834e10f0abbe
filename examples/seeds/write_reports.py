"""The documents a partnership sends out, written from the five seed audits.

Builds a new store from the seed examples (load_seeds.py), then writes the
quarterly review pack as of the review date (HTML and Markdown) and each
seed's 7 minute briefing (HTML and Markdown) into an output folder, and
prints where each file is::

    python write_reports.py OUT_DIR [--as-of 2025-03-31]

OUT_DIR is created if missing; the store is OUT_DIR/seeds.db, which must not
exist yet (the seeds go into a new store only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

import plansight as ps

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_seeds import REVIEW_DATE, SeedFileError, SeedStore, build_seed_store  # noqa: E402

FORMATS = (("html", "html"), ("md", "markdown"))
"""(file suffix, format name) of each copy written."""


def write(path: Path, text: str) -> Path:
    """Writes `text` to `path` as UTF-8 and returns the path."""
    path.write_text(text, encoding="utf-8")
    return path


def write_review_pack(seeded: SeedStore, out_dir: Path, as_of: dt.date) -> list[Path]:
    """The review pack of every partnership as of `as_of`, once per format."""
    plan = seeded.store.plan
    return [write(out_dir / f"review-pack-{as_of.isoformat()}.{suffix}", ps.render_review_pack(plan, as_of, name))
            for suffix, name in FORMATS]


def write_briefings(seeded: SeedStore, out_dir: Path, as_of: dt.date) -> list[Path]:
    """Each seed audit's briefing as of `as_of`, once per format, named by the seed's key."""
    plan = seeded.store.plan
    folder = out_dir / "briefings"
    folder.mkdir(exist_ok=True)
    written = []
    for seed_key, briefing_id in seeded.briefings.items():
        audit = plan.briefing(briefing_id).audit
        for suffix, name in FORMATS:
            written.append(write(folder / f"{seed_key}.{suffix}", ps.render_briefing(plan, audit, as_of, name)))
    return written


def main(argv: Sequence[str]) -> int:
    """`write_reports.py OUT_DIR [--as-of DATE]`: store, review pack and briefings; prints their paths."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=REVIEW_DATE,
                        help=f"the review date (default {REVIEW_DATE.isoformat()})")
    args = parser.parse_args(argv[1:])
    out_dir: Path = args.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        seeded = build_seed_store(out_dir / "seeds.db")
    except (FileExistsError, SeedFileError) as e:
        print(f"write_reports.py: {e}", file=sys.stderr)
        return 1
    print(f"store: {out_dir / 'seeds.db'}")
    for path in write_review_pack(seeded, out_dir, args.as_of):
        print(f"review pack: {path}")
    for path in write_briefings(seeded, out_dir, args.as_of):
        print(f"briefing: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
