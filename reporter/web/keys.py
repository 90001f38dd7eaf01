"""Secret keys in the addresses: the office's, and one per division and period.

A key is 160 bits, made with HMAC-SHA256 from the server's secret (a random
file of 32 bytes, readable by its owner only, beside the period folders) and a
random nonce per key. The log keeps only each key's sha256 and its nonce: a
copy of the log opens nothing. The office's page can still show every
division's link, because the link can be made again from the secret and the
nonce; "ny länk" draws a new nonce and revokes the old key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from .store import OFFICE, Store

SECRET_NAME = ".reporter-web.secret"
KEY_BYTES = 20  # 160 bits


def load_secret(inputs: Path) -> bytes:
    """The server's secret, made on first use (owner-only permissions)."""
    path = inputs / SECRET_NAME
    if not path.is_file():
        data = secrets.token_bytes(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    return path.read_bytes()


def digest(key: str) -> str:
    """How a key is stored: its sha256, hex."""
    return hashlib.sha256(key.encode()).hexdigest()


class Keys:
    """Makes, finds and revokes keys."""

    def __init__(self, secret: bytes, store: Store) -> None:
        self._secret = secret
        self._store = store

    def _make(self, *parts: str) -> str:
        mac = hmac.new(self._secret, "\n".join(parts).encode(), hashlib.sha256).digest()[:KEY_BYTES]
        return base64.urlsafe_b64encode(mac).decode().rstrip("=")

    def office(self) -> str:
        """The office's key, made on first use."""
        nonce = self._store.nonce(OFFICE)
        if nonce is None:
            nonce = secrets.token_hex(16)
            self._store.add_key(digest(self._make(OFFICE, nonce)), OFFICE, nonce)
        return self._make(OFFICE, nonce)

    def division(self, period: str, division: str, new: bool = False) -> str:
        """A division's key for a period, made on first use; ``new`` revokes the old one and makes another."""
        nonce = None if new else self._store.nonce("division", period, division)
        if nonce is None:
            nonce = secrets.token_hex(16)
            self._store.add_key(digest(self._make("division", period, division, nonce)), "division", nonce, period, division)
        return self._make("division", period, division, nonce)

    def divisions(self, period: str, names: list[str]) -> dict[str, str]:
        """The divisions' keys for a period, those not made yet made together (the office's page of 60 divisions: one write)."""
        nonces = self._store.nonces("division", period)
        made = {name: secrets.token_hex(16) for name in names if name not in nonces}
        if made:
            self._store.add_keys([(digest(self._make("division", period, name, nonce)), "division", nonce, period, name) for name, nonce in made.items()])
        nonces.update(made)
        return {name: self._make("division", period, name, nonces[name]) for name in names}

    def csrf(self, key: str) -> str:
        """The token every form of a key's pages carries: an HMAC of the key's hash, checked on each POST."""
        return hmac.new(self._secret, b"csrf\n" + digest(key).encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, key: str, token: str) -> bool:
        return hmac.compare_digest(self.csrf(key), token or "")
