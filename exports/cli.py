"""The headless ``workshop-app export`` command (core and exports only, no Qt)."""

from __future__ import annotations

from workshop_app.i18n import _
from workshop_app.content_check import first_problem
from workshop_app.schema import SCHEMA_VERSION
from workshop_app.store import StoreError, check_file, open_store


def stage_checks() -> list:
    """Every stage's content check (``Exercise.content_problem``), for ``check_file``."""
    from exercises import REGISTRY

    return [exercise.content_problem for exercise in REGISTRY]


def export_command(file: str, docx: str | None = None, json_out: str | None = None, short: bool = False,
                   template: str | None = None, owner: str | None = None) -> str:
    """Export ``file``; return the line to print. Errors carry a message for the user.

    The file is checked as ``workshop-app check`` does, then read without being changed
    (an older file is brought up to date in memory only). ``owner``: write only that person's
    part of the roadmap (what they own or sponsor).
    """
    checks = stage_checks()
    version = check_file(file, full=True, stage_checks=checks)
    store = open_store(file, read_only=True, upgrade_in_memory=True)
    try:
        if version < SCHEMA_VERSION:  # the stages check it as it is now, brought up to date
            problem = first_problem(store.conn, checks)
            if problem:
                raise StoreError(_("{name} cannot be used by the app: {problem}")
                                 .format(name=store.path.name, problem=problem))
        if json_out:
            from .json_io import export_json

            path = export_json(store, json_out)
        else:
            from .docx_renderer import render_docx
            from .report_builder import build_owner_report, build_report

            report = build_owner_report(store, owner) if owner is not None else build_report(store, short=short)
            path = render_docx(report, docx, template=template)
    finally:
        store.close()
    return _("Exported to {path}").format(path=path)
