"""Command line and composition root: the only core module allowed to reach ``ui``/``exports``.

``workshop-app [FILE]`` and ``workshop-app --demo`` open the GUI; the sub-commands
(new, demo, check, export, import, serve) run headless on the core (and the room's server).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import version as app_version
from .i18n import _, set_language, system_language

COMMANDS = ("new", "demo", "check", "export", "import", "serve")


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop-app",
        description=_("Run a customer-experience leadership seminar offline. "
                      "Sub-commands: new, demo, check, export, import, serve (see 'workshop-app COMMAND --help')."),
    )
    parser.add_argument("file", nargs="?", help=_("a seminar file (.workshop) to open"))
    parser.add_argument("--demo", action="store_true", help=_("open a fresh copy of the demo seminar"))
    parser.add_argument("--lang", choices=("fr", "en"), help=_("language of the interface"))
    parser.add_argument("--self-test", action="store_true",
                        help=_("start on the demo seminar, exit 0 once its console has painted "
                               "(1 otherwise); for checking an installation"))
    parser.add_argument("--version", action=_Version, nargs=0, help=_("show the version and exit"))
    return parser


class _Version(argparse.Action):
    """``--version``, the number read only when asked (see ``workshop_app.version``)."""

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"workshop-app {app_version()}")
        parser.exit()


def _commands_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workshop-app")
    sub = parser.add_subparsers(dest="command", required=True)
    def add(name, text):
        return sub.add_parser(name, help=text, description=text)

    new = add("new", _("create a seminar file with its agenda and every stage's library (no display needed)"))
    new.add_argument("out", metavar="OUT.workshop", help=_("the .workshop file to create"))
    new.add_argument("--title", required=True, help=_("the seminar's title"))
    new.add_argument("--organisation", default="", help=_("the organisation's name"))
    new.add_argument("--lang", choices=("fr", "en"), default="fr", help=_("language of the seminar"))
    when = new.add_mutually_exclusive_group()
    when.add_argument("--days", type=int, metavar="N",
                      help=_("N consecutive days starting a week from today (default 2)"))
    when.add_argument("--dates", metavar="D1,D2,...", help=_("the days' dates, YYYY-MM-DD, comma-separated"))
    from .templates import TEMPLATES  # agenda templates only: no store is opened here

    new.add_argument("--template", choices=tuple(TEMPLATES),
                     help=_("the agenda template (default: the one for that many days)"))
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
    export.add_argument("--owner", metavar="NAME",
                        help=_("write only what this person owns or sponsors (Word only)"))
    imp = add("import", _("create a seminar file from a JSON export"))
    imp.add_argument("json_file", metavar="IN.json")
    imp.add_argument("out", metavar="OUT.workshop")
    serve = add("serve", _("serve the phones' pages for a seminar without the GUI; "
                           "prints the address and the join codes"))
    serve.add_argument("file", help=_("the .workshop file to serve"))
    serve.add_argument("--host", help=_("the laptop's address on the room's network (default: the first found)"))
    serve.add_argument("--port", type=int, default=8765, help=_("the port (default 8765)"))
    serve.add_argument("--open", action="append", default=[], metavar="STAGE", dest="stages",
                       help=_("open a stage's input to phones: ideation, trends or diagnosis (repeatable)"))
    return parser


def _fail(message: str) -> int:
    print(f"workshop-app: {message}", file=sys.stderr)
    return 1


def _new(args) -> None:
    """``workshop-app new``: the core's ``create_seminar`` with every registered stage."""
    from datetime import datetime

    from exercises import REGISTRY  # the composition root may name the stages

    from .creation import SeminarSpec, consecutive_dates, create_seminar

    if args.dates:
        dates = tuple(d.strip() for d in args.dates.split(",") if d.strip())
    else:
        dates = tuple(consecutive_dates(2 if args.days is None else args.days))
    spec = SeminarSpec(args.title, args.organisation, args.lang, dates, args.template)
    create_seminar(args.out, spec, REGISTRY, created_at=datetime.now().isoformat(timespec="seconds")).close()
    print(_("Seminar written to {path}").format(path=args.out))


def run_command(argv: list[str]) -> int:
    args = _commands_parser().parse_args(argv)
    from .store import StoreError, check_file
    from .domain import ValidationError

    try:
        if args.command == "new":
            _new(args)
        elif args.command == "demo":
            from exercises.demo import build_demo

            if Path(args.out).exists():
                return _fail(_("{name} already exists.").format(name=args.out))
            build_demo(args.out, args.lang).close()
            print(_("Demo seminar written to {path}").format(path=args.out))
        elif args.command == "check":
            from exports.cli import stage_checks

            version = check_file(args.file, stage_checks=stage_checks())
            print(_("{name}: OK (schema version {version})").format(name=args.file, version=version))
        elif args.command == "export":
            from exports.cli import export_command

            if args.owner is not None and not args.docx:
                return _fail(_("--owner goes with --docx: an owner's part is a Word document."))
            print(export_command(args.file, docx=args.docx, json_out=args.json,
                                 short=args.short, template=args.template, owner=args.owner))
        elif args.command == "import":
            from exports.json_io import import_json

            import_json(args.json_file, args.out).close()
            print(_("Seminar written to {path}").format(path=args.out))
        elif args.command == "serve":
            from room.headless import serve
            from room.server import RoomServerError

            try:
                check_file(args.file)
                return serve(args.file, args.host, args.port, out=lambda line: print(line, flush=True),
                             stages=args.stages)
            except (RoomServerError, ValueError) as error:
                return _fail(str(error))
    except (StoreError, ValidationError) as error:
        return _fail(str(error))
    except Exception as error:  # the export's own errors carry a user message too
        if type(error).__name__ in ("ExportError", "ImportError_", "InterchangeError"):
            return _fail(str(error))
        if args.command == "export":  # never a traceback: one line, with what went wrong
            return _fail(_("The export failed ({kind}: {reason}); run 'workshop-app check {file}' "
                           "to see whether the file is sound.").format(kind=type(error).__name__,
                                                                      reason=error, file=args.file))
        raise
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(system_language())
    if argv and argv[0] in COMMANDS:
        return run_command(argv)
    args = _gui_parser().parse_args(argv)
    from ui.app import run_gui

    if args.self_test:
        from ui.app import self_test

        return self_test(language=args.lang)
    return run_gui(file=args.file, demo=args.demo, language=args.lang)


if __name__ == "__main__":
    sys.exit(main())
