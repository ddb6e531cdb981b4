"""Generated parts of the README: `python -m claimgraph.docs` rewrites them; a test checks them."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from claimgraph.cli import reference_markdown
from claimgraph.settings import describe

_BLOCK = re.compile(r"(<!-- generated:(?P<name>[\w-]+) -->\n).*?(<!-- /generated -->)", re.DOTALL)


def settings_markdown() -> str:
    rows = ["| setting | default | meaning |", "|---|---|---|"]
    rows += [f"| `{name}` | `{default}` | {text} |" for name, default, text in describe()]
    return "\n".join(rows) + "\n"


_GENERATORS = {"cli": reference_markdown, "settings": settings_markdown}


def render(text: str) -> str:
    def fill(match: re.Match[str]) -> str:
        generator = _GENERATORS[match.group("name")]
        return match.group(1) + generator() + match.group(3)

    return _BLOCK.sub(fill, text)


def main() -> int:
    readme = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    readme.write_text(render(readme.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
