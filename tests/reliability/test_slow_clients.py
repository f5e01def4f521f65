"""`make serve` behind slow clients: a client that sends its request slowly holds one of
gunicorn's sync workers for as long as it likes; behind the shipped nginx config
(deploy/nginx/) it holds nothing, since nginx reads the whole request before passing it
on. Runs where nginx is installed (`apt-get install nginx-light`)."""

import os
import shutil
import socket
import subprocess
import time

import pytest

from tests.reliability.servers import ROOT, copy_sqlite, free_port, request, running

NGINX = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")
pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed")
PROXY = ROOT / "deploy" / "nginx" / "proxy.conf"
SITE = ROOT / "deploy" / "nginx" / "timeline.conf"


def nginx_conf(folder, body):
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / name).mkdir(exist_ok=True)
    conf = folder / "nginx.conf"
    conf.write_text(
        f"""daemon off; worker_processes 1; pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi; uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    {body}
}}
"""
    )
    return conf


def slow_client(port):
    """A request whose headers never end (a slowloris), left open."""
    client = socket.create_connection(("127.0.0.1", port))
    client.sendall(b"GET /api/topics/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1")
    return client


def answered_within(url, seconds) -> bool:
    try:
        return request(url, timeout=seconds)[0] == 200
    except OSError:  # timed out
        return False


def test_the_shipped_site_config_is_valid(tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("no openssl to make a certificate")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=timeline.example.org", "-keyout", str(tmp_path / "key.pem")]
        + ["-out", str(tmp_path / "cert.pem")],
        check=True,
        capture_output=True,
    )
    site = SITE.read_text().replace("/etc/nginx/timeline/proxy.conf", str(PROXY))
    site = site.replace("/var/log/nginx/", f"{tmp_path}/")
    site = site.replace(
        "/etc/letsencrypt/live/timeline.example.org/fullchain.pem", str(tmp_path / "cert.pem")
    )
    site = site.replace(
        "/etc/letsencrypt/live/timeline.example.org/privkey.pem", str(tmp_path / "key.pem")
    )
    # Listen on free ports instead of 80 and 443.
    site = site.replace("listen 80;", f"listen 127.0.0.1:{free_port()};")
    site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{free_port()} ssl http2;")
    site = "\n".join(line for line in site.splitlines() if "[::]" not in line)
    conf = nginx_conf(tmp_path, site)
    result = subprocess.run([NGINX, "-t", "-c", str(conf)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_slow_client_holds_a_worker_without_the_proxy_and_nothing_behind_it(
    seeded_sqlite, tmp_path
):
    url = copy_sqlite(seeded_sqlite[0], tmp_path / "db.sqlite3")
    with running("gunicorn", url, tmp_path / "gunicorn.log", workers=1) as app:
        app_port = int(app.rsplit(":", 1)[1])
        port = free_port()
        conf = nginx_conf(
            tmp_path,
            f"""upstream timeline_app {{ server 127.0.0.1:{app_port} fail_timeout=0; }}
    server {{
        listen 127.0.0.1:{port};
        client_header_timeout 15s;
        location / {{ include {PROXY}; proxy_pass http://timeline_app; }}
    }}""",
        )
        nginx = subprocess.Popen([NGINX, "-c", str(conf)], stderr=subprocess.PIPE)
        proxied = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 10
            while not answered_within(proxied + "/healthz", 2):
                assert time.monotonic() < deadline and nginx.poll() is None, "nginx down"
                time.sleep(0.1)

            # Straight to gunicorn: its one worker waits for the slow client's headers.
            slow = slow_client(app_port)
            time.sleep(0.3)
            assert not answered_within(app + "/api/topics/", 2)
            slow.close()
            assert answered_within(app + "/api/topics/", 10)

            # Through nginx: the slow clients wait in nginx; the worker serves others.
            slow = [slow_client(port) for _ in range(5)]
            time.sleep(0.3)
            started = time.monotonic()
            assert all(answered_within(proxied + "/api/topics/", 2) for _ in range(5))
            assert time.monotonic() - started < 5
            for client in slow:
                client.close()
        finally:
            nginx.terminate()
            nginx.wait(timeout=10)
