"""Summary packets in a file, for a USB stick when the branch PC has no network.

The desktop writes the packets still waiting (``branchdesk sync export FILE``); the server's
administrator reads them (``branchdesk-server import FILE``). Each packet is signed with the
branch's key over its exact bytes (core.signing.file_signature), so the server stores only
what the branch wrote. The packets stay waiting on the PC: when it next reaches the server,
each is answered as a repeat and marked sent — a packet is stored once however it travels.

    {"format": "branchdesk-summaries", "version": 1, "branch": "...", "key_id": "...",
     "exported_at": "2026-11-20T01:30:00Z", "packets": [{"body": "<packet JSON>", "signature": "<hex>"}]}
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from core.signing import file_signature

FORMAT = "branchdesk-summaries"
VERSION = 1
MAX_FILE_BYTES = 64 * 1024 * 1024


class SyncFileError(ValueError):
    pass


@dataclass(frozen=True)
class Entry:
    body: bytes
    signature: str


@dataclass(frozen=True)
class SyncFile:
    branch: str
    key_id: str
    exported_at: str
    entries: tuple[Entry, ...]


def dump(branch: str, key_id: str, secret: bytes, bodies: list[bytes], exported_at: str) -> bytes:
    packets = [{"body": b.decode("utf-8"), "signature": file_signature(secret, b)} for b in bodies]
    return json.dumps({"format": FORMAT, "version": VERSION, "branch": branch, "key_id": key_id,
                       "exported_at": exported_at, "packets": packets}, ensure_ascii=False, indent=1).encode("utf-8")


def load(data: bytes) -> SyncFile:
    if len(data) > MAX_FILE_BYTES:
        raise SyncFileError("文件太大，不是支部工作台导出的汇总文件")
    try:
        obj = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise SyncFileError("文件不是支部工作台导出的汇总文件（无法读取）") from None
    if not isinstance(obj, dict) or obj.get("format") != FORMAT:
        raise SyncFileError("文件不是支部工作台导出的汇总文件")
    if obj.get("version") != VERSION:
        raise SyncFileError(f"汇总文件的版本 {obj.get('version')!r} 不受支持，请升级服务器")
    packets = obj.get("packets")
    if not isinstance(packets, list) or not all(isinstance(p, dict) and isinstance(p.get("body"), str)
                                                and isinstance(p.get("signature"), str) for p in packets):
        raise SyncFileError("汇总文件已损坏（packets 无法读取）")
    for name in ("branch", "key_id", "exported_at"):
        if not isinstance(obj.get(name), str):
            raise SyncFileError(f"汇总文件已损坏（缺少 {name}）")
    return SyncFile(obj["branch"], obj["key_id"], obj["exported_at"],
                    tuple(Entry(p["body"].encode("utf-8"), p["signature"]) for p in packets))
