"""Benchmarks: each ``bench_*.py`` module has a ``main()`` that measures and prints its
figures. ``python -m bench`` runs them all (``make bench``)."""

import os as _os

# Benches open new branches with the real key derivation (Argon2id, ~0.3 s each, outside the
# timed parts): the password comes from the environment, as for any script (db/keyring.py).
_os.environ.setdefault("BRANCHDESK_PASSWORD", "bench-password-2026")
