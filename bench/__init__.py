"""Benchmarks: each ``bench_*.py`` module has a ``main()`` that measures and prints its
figures. ``python -m bench`` runs them all (``make bench``)."""
