"""What the exercises share of Qt: widgets, theme, error dialog, undo helpers, chart area, model base.

Exercises import ``ui.kit`` and nothing else of ``ui`` (an import-linter contract in
pyproject.toml); ``ui.kit`` imports nothing of the shell above it.
"""
