"""``make dist``: build the one-folder app with PyInstaller, then its archive, and print their sizes.

    python packaging/build_bundle.py [--no-archive]

Linux and Windows: dist/workshop-app/ and dist/workshop-app-VERSION-SYSTEM-MACHINE.tar.gz
(.zip on Windows); macOS: dist/Workshop.app and a .zip of it (made with ditto, which keeps
the bundle's symbolic links and signatures). Run it with the Python that has the app and
PyInstaller installed (``pip install -e '.[bundle]'``).
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
NAME = "workshop-app"


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def system_tag() -> str:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower()}"


def archive(app: Path) -> Path:
    base = DIST / f"{NAME}-{version()}-{system_tag()}"
    if sys.platform == "darwin":
        target = base.with_suffix(".zip")
        subprocess.run(["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", str(app), str(target)], check=True)
    elif sys.platform == "win32":
        target = base.with_suffix(".zip")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for path in sorted(app.rglob("*")):
                out.write(path, Path(app.name) / path.relative_to(app))
    else:
        target = Path(f"{base}.tar.gz")
        with tarfile.open(target, "w:gz", compresslevel=6) as out:
            out.add(app, arcname=app.name)  # keeps the executable bits
    return target


def has_shared_python() -> bool:
    """PyInstaller needs Python's shared library; Debian and Ubuntu ship it apart (libpython3.X)."""
    import sysconfig

    if sys.platform != "linux":
        return True
    name = sysconfig.get_config_var("INSTSONAME") or sysconfig.get_config_var("LDLIBRARY") or ""
    folders = [sysconfig.get_config_var("LIBDIR") or "", sysconfig.get_config_var("LIBPL") or ""]
    folders += [str(Path(f) / (sysconfig.get_config_var("MULTIARCH") or "")) for f in folders if f]
    return bool(name) and any((Path(folder) / name).exists() for folder in folders if folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-archive", action="store_true", help="build the folder only")
    parser.add_argument("--check-python", action="store_true",
                        help="only say (exit code 0 or 1) whether this Python's shared library is there")
    args = parser.parse_args(argv)
    if args.check_python:
        return 0 if has_shared_python() else 1
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(ROOT / "packaging" / f"{NAME}.spec")], check=True, cwd=ROOT)
    app = DIST / ("Workshop.app" if sys.platform == "darwin" else NAME)
    print(f"{app}: {folder_size(app) / 1e6:.1f} MB unpacked, built in {time.monotonic() - started:.0f} s")
    if not args.no_archive:
        for old in DIST.glob(f"{NAME}-*-{system_tag()}.*"):
            old.unlink()
        target = archive(app)
        print(f"{target}: {target.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
