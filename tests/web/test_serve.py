"""`scrutiny serve`: the threaded server answers 20 clients at once, static files included,
on a database it creates itself."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

from tests.conftest import ROOT


def test_serve_answers_twenty_clients_at_once(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}"}
    env.pop("SCRUTINY_TEST_POSTGRES", None)
    proc = subprocess.Popen([sys.executable, "-c", "from scrutiny.cli import main; main()",
                             "serve", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=5).read()
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        urls = ["/", "/static/govuk/govuk-frontend.min.css", "/static/scrutiny/portal.css",
                "/accounts/login/"]
        results: list[int] = []
        lock = threading.Lock()

        def client(i: int) -> None:
            for k in range(4):
                with urllib.request.urlopen(base + urls[(i + k) % len(urls)], timeout=30) as r:
                    r.read()
                    with lock:
                        results.append(r.status)

        threads = [threading.Thread(target=client, args=(i,)) for i in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert results == [200] * 80
        css = urllib.request.urlopen(base + "/static/govuk/govuk-frontend.min.css", timeout=5)
        assert css.headers["Content-Type"].startswith("text/css")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
