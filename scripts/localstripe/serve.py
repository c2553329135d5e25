"""Run localstripe (a stateful fake Stripe API from PyPI) on loopback only.

localstripe's own command binds every interface (``::``) on a fixed port and
keeps its state in /tmp/localstripe.pickle, shared by every copy on the
machine. This launcher serves the same application on 127.0.0.1, on the port
given (0: a free one), with its state in memory only, and prints
``listening http://127.0.0.1:PORT`` once it accepts connections.

    python scripts/localstripe/serve.py [--port 0] [--exit-with-parent]

With ``--exit-with-parent`` it also stops when its standard input closes, so
a test run that is killed never leaves it behind.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import threading


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--exit-with-parent", action="store_true")
    args = parser.parse_args()

    if args.exit_with_parent:

        def watch_parent() -> None:
            sys.stdin.buffer.read()  # returns at EOF: the parent is gone
            os._exit(0)

        threading.Thread(target=watch_parent, daemon=True).start()

    from aiohttp import web
    from localstripe import resources
    from localstripe.server import app

    # In memory only: never read or write the machine-wide pickle.
    resources.Store.dump_to_disk = lambda self: None

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    port = sock.getsockname()[1]

    async def announce(_app):
        print(f"listening http://127.0.0.1:{port}", flush=True)

    app.on_startup.append(announce)
    web.run_app(app, sock=sock, print=None, access_log=None, handle_signals=True)


if __name__ == "__main__":
    sys.exit(main())
