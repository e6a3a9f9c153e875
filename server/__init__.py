"""The central server: receives branch summaries (DESIGN §7). Shares only ``core`` with the desktop."""
__version__ = "0.1.0"
