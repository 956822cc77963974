"""The room's phones: a small web server on the room's own network, no internet, no Qt.

The laptop serves server-rendered pages (Starlette + Jinja2, plain HTML forms that work
without scripts; a small static script adds live updates). The server reads what a phone
is asked from committed data through its own read-only connection (``reader``), hands every
submission to the one writer of the seminar file (``writer``) and answers only after the
commit. ``server.RoomServer`` runs it with uvicorn in a thread beside Qt or headless.
"""
