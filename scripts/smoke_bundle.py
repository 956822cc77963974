"""Smoke-test a built bundle from a clean environment: ``python scripts/smoke_bundle.py dist/workshop-app``.

No virtual environment or checkout on the path, no PYTHONPATH, a new temporary HOME and
working folder, Qt offscreen. Runs ``--version`` (it must be pyproject.toml's version),
``demo``, ``check``, ``export --docx``, ``export --json`` and ``--self-test``; prints one
line per step and exits 1 at the first failure, with the app's own words. Standard
library only: it runs with any Python 3.9+ on Linux, Windows and macOS (CI, release.yml).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def executable(bundle: Path) -> Path:
    """The command-line executable inside a bundle folder, a .app, or the executable itself."""
    if bundle.is_file():
        return bundle
    for candidate in (bundle / "workshop-app", bundle / "workshop-app.exe",
                      bundle / "Contents" / "MacOS" / "workshop-app"):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"smoke: no workshop-app executable in {bundle}")


def pyproject_version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    project = text.split("[project]", 1)[1].split("\n[", 1)[0]
    return re.search(r'^version\s*=\s*"([^"]+)"', project, re.M).group(1)


def clean_env(home: Path) -> dict:
    """The system's PATH without any virtual environment or Python folder; a private HOME."""
    env = {k: v for k, v in os.environ.items()
           if k in ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "COMSPEC", "TEMP", "TMP", "TMPDIR", "LANG", "TZ")}
    if sys.platform == "win32":
        path = [os.path.join(os.environ.get("SYSTEMROOT", r"C:\Windows"), sub) for sub in ("System32", "")]
    else:
        path = ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]
    env.update({"PATH": os.pathsep.join(path), "HOME": str(home), "USERPROFILE": str(home),
                "APPDATA": str(home / "AppData" / "Roaming"), "LOCALAPPDATA": str(home / "AppData" / "Local"),
                "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local" / "share"),
                "XDG_CACHE_HOME": str(home / ".cache"), "QT_QPA_PLATFORM": "offscreen"})
    return env


def serve_ok(exe: Path, work: Path, env: dict) -> None:
    """``serve`` answers the phones' join page on loopback (uvicorn and the templates travelled)."""
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.monotonic()
    server = subprocess.Popen([str(exe), "serve", "demo.workshop", "--host", "127.0.0.1", "--port", str(port)],
                              cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    problem = "no answer within 60 s"
    try:
        while time.monotonic() - started < 60 and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    page = answer.read().decode("utf-8", "replace")
                problem = None if answer.status == 200 and "<form" in page else f"status {answer.status}"
                break
            except OSError:
                time.sleep(0.5)
        if server.poll() is not None:
            problem = f"exited with {server.returncode}"
    finally:
        server.terminate()
        try:
            output, _ = server.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
    took = time.monotonic() - started
    if problem:
        print(f"smoke: serve: FAILED ({problem}) after {took:.1f} s\n--- output\n{output[-3000:]}", flush=True)
        raise SystemExit(1)
    print(f"smoke: serve: ok ({took:.1f} s) the join page answered on 127.0.0.1:{port}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", type=Path, help="dist/workshop-app, dist/Workshop.app or the executable")
    parser.add_argument("--version", dest="expected", help="the version --version must print "
                        "(default: pyproject.toml's)")
    args = parser.parse_args(argv)
    exe = executable(args.bundle.resolve())
    expected = args.expected or pyproject_version()
    scratch = Path(tempfile.mkdtemp(prefix="workshop-smoke-"))
    work, home = scratch / "work", scratch / "home"
    work.mkdir()
    home.mkdir()
    env = clean_env(home)

    def step(name: str, *arguments: str, check=None) -> None:
        started = time.monotonic()
        result = subprocess.run([str(exe), *arguments], cwd=work, env=env, capture_output=True, text=True,
                                encoding="utf-8", errors="replace", timeout=300)
        problem = f"exit code {result.returncode}" if result.returncode else (check(result) if check else None)
        took = time.monotonic() - started
        if problem:
            print(f"smoke: {name}: FAILED ({problem}) after {took:.1f} s\n--- stdout\n{result.stdout[-3000:]}"
                  f"\n--- stderr\n{result.stderr[-3000:]}", flush=True)
            raise SystemExit(1)
        print(f"smoke: {name}: ok ({took:.1f} s) {result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ''}",
              flush=True)

    def docx_ok(_result):
        with zipfile.ZipFile(work / "roadmap.docx") as document:
            return None if "word/document.xml" in document.namelist() else "no word/document.xml"

    def json_ok(_result):
        data = json.loads((work / "demo.json").read_text(encoding="utf-8"))
        return None if data.get("format") == "workshop-app/seminar" else f"format {data.get('format')!r}"

    try:
        print(f"smoke: {exe} in {scratch} (clean environment, Qt offscreen)", flush=True)
        step("--version", "--version", check=lambda r: None if r.stdout.strip() == f"workshop-app {expected}"
             else f"printed {r.stdout.strip()!r}, expected 'workshop-app {expected}'")
        step("demo", "demo", "demo.workshop", "--lang", "fr")
        step("check", "check", "demo.workshop", check=lambda r: None if "OK" in r.stdout else "no OK")
        step("export --docx", "export", "demo.workshop", "--docx", "roadmap.docx", check=docx_ok)
        step("export --json", "export", "demo.workshop", "--json", "demo.json", check=json_ok)
        step("--self-test", "--self-test", check=lambda r: None if "self-test passed" in r.stdout else "no pass line")
        serve_ok(exe, work, env)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("smoke: all steps passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
