"""The headless ``workshop-app export`` command (core and exports only, no Qt)."""

from __future__ import annotations

from workshop_app.i18n import _
from workshop_app.store import open_store


def export_command(file: str, docx: str | None = None, json_out: str | None = None, short: bool = False,
                   template: str | None = None, owner: str | None = None) -> str:
    """Export ``file``; return the line to print. Errors carry a message for the user.

    ``owner``: write only that person's part of the roadmap (what they own or sponsor).
    """
    store = open_store(file)
    try:
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
