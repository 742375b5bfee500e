"""Save docs/screenshot.svg: the reader on the bundled corpus with a discrepancy selected.

    python scripts/screenshot.py [--size 160x50] [--press d] [OUTPUT]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


async def take(output: Path, size: tuple[int, int], keys: list[str]) -> None:
    from tui.app import CorpusApp

    app = CorpusApp([ROOT / "corpus"])
    async with app.run_test(size=size) as pilot:
        while app.analysis is None:
            if any(w.state.name == "ERROR" for w in app.workers):
                raise SystemExit(f"the engine failed: {app.status.said}")
            await pilot.pause(0.1)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause(0.3)
        output.parent.mkdir(parents=True, exist_ok=True)
        app.save_screenshot(filename=output.name, path=str(output.parent))
    print(output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=ROOT / "docs" / "screenshot.svg")
    parser.add_argument("--size", default="160x50", help="WIDTHxHEIGHT in cells")
    parser.add_argument("--press", nargs="*", default=["d"], help="keys to press first (default: d)")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    # A private engine cache, so the screenshot never depends on the user's.
    os.environ.setdefault("CORPUS_TUI_CACHE_DIR", tempfile.mkdtemp(prefix="corpus-tui-shot-"))
    asyncio.run(take(args.output, (width, height), args.press))


if __name__ == "__main__":
    main()
