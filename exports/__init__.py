"""Exporters that turn the neutral report model (workshop_app.report) into files."""
