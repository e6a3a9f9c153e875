"""Phones for bench/bench_signin.py, in their own process (so that they do not share the server's
interpreter lock): each opens the meeting's page (its cookie), then all post their confirmation
at once; prints each confirmation's round trip in milliseconds and its answer, as JSON.

    python -m bench.signin_phones PORT PATH < phones.json     # [[public_id, code], …]

127.0.0.1 only.
"""
from __future__ import annotations

import asyncio
import json
import sys
import time


async def _request(port: int, raw: bytes) -> tuple[int, dict, bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(raw)
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                k, v = line.split(":", 1)
                headers.setdefault(k.strip().lower(), []).append(v.strip())
        length = int(headers.get("content-length", ["0"])[0])
        body = await reader.readexactly(length)
        return status, headers, body
    finally:
        writer.close()


async def _open(port: int, path: str) -> str:
    """The phone opens the page: its cookie."""
    status, headers, _ = await _request(port, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    assert status == 200, status
    return headers["set-cookie"][0].split(";", 1)[0]


async def _confirm(port: int, path: str, public_id: str, code: str, cookie: str) -> tuple[float, dict]:
    body = json.dumps({"member": public_id, "code": code}).encode()
    raw = (f"POST {path}/sign HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: {cookie}\r\n"
           f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
    started = time.perf_counter()
    status, _, answer = await _request(port, raw)
    return (time.perf_counter() - started) * 1000, json.loads(answer) | {"http": status}


async def _main(port: int, path: str, phones: list[list[str]]) -> list:
    cookies = await asyncio.gather(*[_open(port, path) for _ in phones])
    await asyncio.sleep(0.3)
    # All at once: every confirmation is started in the same turn of the loop.
    return await asyncio.gather(*[_confirm(port, path, p, c, cookie) for (p, c), cookie in zip(phones, cookies)])


def main() -> int:
    port, path = int(sys.argv[1]), sys.argv[2]
    phones = json.load(sys.stdin)
    results = asyncio.run(_main(port, path, phones))
    json.dump([[ms, answer] for ms, answer in results], sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
