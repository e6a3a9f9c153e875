"""Use cases over ``db`` and ``core``. Qt-free (checked by import-linter) so that the
command line, the UI and the tests run exactly the same code."""
