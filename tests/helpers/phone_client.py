"""A phone as the LAN server sees it, in the standard library: keeps its cookie, opens the page,
posts the member's choice and digits. Loopback only (127.0.0.1)."""
from __future__ import annotations

import http.client
import json
import re
from urllib.parse import urlsplit


class Phone:
    def __init__(self, url: str):
        parts = urlsplit(url)
        assert parts.hostname == "127.0.0.1", "tests talk to loopback only"
        self.host, self.port, self.path = parts.hostname, parts.port, parts.path
        self.cookie: str | None = None

    def _request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            h = dict(headers or {})
            if self.cookie:
                h["Cookie"] = self.cookie
            conn.request(method, path, body=body, headers=h)
            response = conn.getresponse()
            data = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    self.cookie = value.split(";", 1)[0]
            return response.status, dict((k.lower(), v) for k, v in response.getheaders()), data
        finally:
            conn.close()

    def open(self, path: str | None = None):
        status, headers, data = self._request("GET", path or self.path)
        return status, headers, data.decode("utf-8")

    def page_data(self) -> dict:
        status, _, text = self.open()
        assert status == 200
        m = re.search(r'<script type="application/json" id="data">(.*?)</script>', text, re.S)
        return json.loads(m.group(1))

    def sign(self, member: str, code: str, *, content_type: str = "application/json", path: str | None = None):
        body = json.dumps({"member": member, "code": code}).encode()
        status, _, data = self._request("POST", (path or self.path) + "/sign", body, {"Content-Type": content_type})
        return status, json.loads(data) if data.startswith(b"{") else data
