"""Command line: `python -m macros validate [--format text|github]`."""

import argparse
import sys
from pathlib import Path

from .handbook import Project, validate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Check the handbook's data files.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every data file and list every problem")
    check.add_argument("--format", choices=["text", "github"], default="text", help="github prints Actions annotations")
    check.add_argument("--root", type=Path, default=Path.cwd(), help="the handbook's folder (default: here)")
    arguments = parser.parse_args(argv)

    _, problems = validate(Project(arguments.root))
    for problem in problems:
        print(problem.as_github() if arguments.format == "github" else problem.as_text())
    if problems:
        print(f"{len(problems)} problem(s) in the handbook data.", file=sys.stderr)
        return 1
    print("The handbook data is valid.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
