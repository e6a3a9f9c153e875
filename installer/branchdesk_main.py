"""The frozen program's entry point (PyInstaller analyses this file, installer/branchdesk.spec).

The same as the ``branchdesk`` console script of a checkout: ``desktop.cli.main``.
"""
import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
