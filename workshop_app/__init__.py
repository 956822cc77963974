"""Workshop: run a timed customer-experience leadership seminar offline, end with a roadmap."""

__version__ = "0.1.0"
APP_NAME = "Workshop"
ORGANISATION = "WorkshopApp"
