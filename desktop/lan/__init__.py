"""The LAN server for phones (sign-in; later votes) — Qt-free, the only part of the desktop
program that uses a web framework (Starlette on uvicorn)."""
