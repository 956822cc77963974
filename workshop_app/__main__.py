"""Command line and composition root: the only core module allowed to reach ``ui``/``exports``.

``workshop-app [FILE]`` and ``workshop-app --demo`` open the GUI; the sub-commands
(demo, check, export, import, serve) run headless on the core (and the room's server).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .i18n import _, set_language, system_language

COMMANDS = ("demo", "check", "export", "import", "serve")


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop-app",
        description=_("Run a customer-experience leadership seminar offline. "
                      "Sub-commands: demo, check, export, import, serve (see 'workshop-app COMMAND --help')."),
    )
    parser.add_argument("file", nargs="?", help=_("a seminar file (.workshop) to open"))
    parser.add_argument("--demo", action="store_true", help=_("open a fresh copy of the demo seminar"))
    parser.add_argument("--lang", choices=("fr", "en"), help=_("language of the interface"))
    parser.add_argument("--version", action="version", version=f"workshop-app {__version__}")
    return parser


def _commands_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workshop-app")
    sub = parser.add_subparsers(dest="command", required=True)
    def add(name, text):
        return sub.add_parser(name, help=text, description=text)

    demo = add("demo", _("write the demo seminar to a file (no display needed)"))
    demo.add_argument("out", help=_("the .workshop file to create"))
    demo.add_argument("--lang", choices=("fr", "en"), default="fr", help=_("language of the demo"))
    check = add("check", _("check a seminar file's integrity and version, read-only; "
                           "exit 1 with a one-line reason on any problem"))
    check.add_argument("file", help=_("the .workshop file to check"))
    export = add("export", _("export a seminar to Word (.docx) or JSON"))
    export.add_argument("file", help=_("the .workshop file to export"))
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--docx", metavar="OUT.docx")
    target.add_argument("--json", metavar="OUT.json")
    export.add_argument("--short", action="store_true", help=_("the short version for management"))
    export.add_argument("--template", metavar="T.docx", help=_("the organisation's Word template"))
    imp = add("import", _("create a seminar file from a JSON export"))
    imp.add_argument("json_file", metavar="IN.json")
    imp.add_argument("out", metavar="OUT.workshop")
    serve = add("serve", _("serve the phones' pages for a seminar without the GUI; "
                           "prints the address and the join codes"))
    serve.add_argument("file", help=_("the .workshop file to serve"))
    serve.add_argument("--host", help=_("the laptop's address on the room's network (default: the first found)"))
    serve.add_argument("--port", type=int, default=8765, help=_("the port (default 8765)"))
    return parser


def _fail(message: str) -> int:
    print(f"workshop-app: {message}", file=sys.stderr)
    return 1


def run_command(argv: list[str]) -> int:
    args = _commands_parser().parse_args(argv)
    from .store import StoreError, check_file
    from .domain import ValidationError

    try:
        if args.command == "demo":
            from .demo import build_demo

            if Path(args.out).exists():
                return _fail(_("{name} already exists.").format(name=args.out))
            build_demo(args.out, args.lang).close()
            print(_("Demo seminar written to {path}").format(path=args.out))
        elif args.command == "check":
            version = check_file(args.file)
            print(_("{name}: OK (schema version {version})").format(name=args.file, version=version))
        elif args.command == "export":
            from exports.cli import export_command

            print(export_command(args.file, docx=args.docx, json_out=args.json,
                                 short=args.short, template=args.template))
        elif args.command == "import":
            from exports.json_io import import_json

            import_json(args.json_file, args.out).close()
            print(_("Seminar written to {path}").format(path=args.out))
        elif args.command == "serve":
            from room.headless import serve
            from room.server import RoomServerError

            try:
                check_file(args.file)
                return serve(args.file, args.host, args.port, out=lambda line: print(line, flush=True))
            except (RoomServerError, ValueError) as error:
                return _fail(str(error))
    except (StoreError, ValidationError) as error:
        return _fail(str(error))
    except Exception as error:  # the export's own errors carry a user message too
        if type(error).__name__ in ("ExportError", "ImportError_", "InterchangeError"):
            return _fail(str(error))
        raise
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(system_language())
    if argv and argv[0] in COMMANDS:
        return run_command(argv)
    args = _gui_parser().parse_args(argv)
    from ui.app import run_gui

    return run_gui(file=args.file, demo=args.demo, language=args.lang)


if __name__ == "__main__":
    sys.exit(main())
