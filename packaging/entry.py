"""The bundle's entry point (packaging/workshop-app.spec): the same ``main`` as ``workshop-app``."""

import sys

from workshop_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
