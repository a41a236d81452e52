"""The listening socket of `monitor serve`, bound before the server starts.

In: a host and a port. Out: a bound socket (uvicorn listens on it), or `InputError` naming why
not: a port in use, a host that is no address here. uvicorn printed its own `ERROR: …` line for
these and exited 3.
"""

from __future__ import annotations

import socket

from ..errors import InputError


def listening(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, or InputError naming why not."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}",
                         hint="choose another --port, or --host 127.0.0.1") from None
    return sock
