"""The PySide6 shell: facilitator console, shared screen, dialogs, Qt models."""
