"""The listening socket of `monitor serve`, bound before the server starts.

In: a host and a port. Out: a bound socket (uvicorn listens on it), or `InputError` naming why
not: a port in use, a host that is no address here. uvicorn printed its own `ERROR: …` line for
these and exited 3.
"""

from __future__ import annotations

import errno
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
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}", hint=_hint(exc, port)) from None
    return sock


def _hint(exc: OSError, port: int) -> str:
    """What to change, by what refused: the port (taken, or a privileged one) or the host."""
    if exc.errno == errno.EADDRINUSE:
        return f"another program listens on port {port} (another monitor serve?): choose another --port, e.g. {port % 65535 + 1}"
    if exc.errno == errno.EACCES and port < 1024:
        return "ports under 1024 need root: choose --port 8080 or another above 1023"
    return "--host 127.0.0.1 (this machine only) or 0.0.0.0 (every interface), or an address this machine has"
