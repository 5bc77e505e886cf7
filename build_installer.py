"""Freeze Pantau with PyInstaller into dist/pantau, then build the Windows setup (Inno Setup)."""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
ENTRY = ROOT / "app" / "__main__.py"
ISS = ROOT / "installer" / "pantau.iss"
NAME = "pantau"
# Windows environment names are case-insensitive; os.environ upper-cases them.
INNO_DEFAULTS = tuple(
    Path(os.environ.get(variable, default)) / "Inno Setup 6" / "ISCC.exe"
    for variable, default in [
        ("PROGRAMFILES(X86)", r"C:\Program Files (x86)"),
        ("PROGRAMFILES", r"C:\Program Files"),
    ]
)


def pyinstaller_command() -> list[str]:
    """The PyInstaller call: one windowed folder build with resources/ beside the code."""
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--windowed",
        "--name", NAME,
        "--distpath", str(DIST), "--workpath", str(WORK), "--specpath", str(WORK),
        "--paths", str(ROOT),
        # Column kinds are found with pkgutil at run time, which PyInstaller cannot follow.
        "--collect-submodules", "columns", "--collect-submodules", "app",
    ]  # fmt: skip
    if RESOURCES.is_dir():
        # Translations (.qm), icons and themes, read from resources/ next to the code.
        command += ["--add-data", f"{RESOURCES}{os.pathsep}resources"]
    icon = RESOURCES / "icons" / ("pantau.ico" if sys.platform == "win32" else "pantau.png")
    if icon.is_file():
        command += ["--icon", str(icon)]
    return [*command, str(ENTRY)]


def find_iscc() -> Path | None:
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return Path(found)
    return next((path for path in INNO_DEFAULTS if path.is_file()), None)


def run(command: Sequence[str], *, dry_run: bool) -> None:
    print("+", shlex.join(command), flush=True)
    if not dry_run:
        subprocess.run(command, check=True, cwd=ROOT)


def build_installer(*, dry_run: bool) -> int:
    """Inno Setup step; 0 when built, or when there is honestly nothing to build here."""
    if platform.system() != "Windows":
        print(
            "The installer step needs Windows with Inno Setup 6 (ISCC.exe); skipped here. "
            f"The frozen app is in {DIST / NAME}."
        )
        return 0
    iscc = find_iscc()
    if iscc is None:
        print(
            "Inno Setup 6 was not found (ISCC.exe on PATH or in Program Files). Install it "
            "from https://jrsoftware.org/isinfo.php, or pass --freeze-only.",
            file=sys.stderr,
        )
        return 1
    if not ISS.is_file():
        print(
            f"{ISS.relative_to(ROOT)} does not exist yet, so there is no setup.exe to build; "
            "the frozen app is ready in dist/. Pass --freeze-only to skip this step.",
            file=sys.stderr,
        )
        return 1
    run([str(iscc), f"/DSourceDir={DIST / NAME}", f"/O{DIST}", str(ISS)], dry_run=dry_run)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dry-run", action="store_true", help="print the commands, run none")
    parser.add_argument("--freeze-only", action="store_true", help="skip the Inno Setup step")
    args = parser.parse_args(argv)

    if not args.dry_run and importlib.util.find_spec("PyInstaller") is None:
        print(
            "PyInstaller is not installed: .venv/bin/pip install -e '.[installer]' "
            "(on Windows: .venv\\Scripts\\pip install -e .[installer])",
            file=sys.stderr,
        )
        return 1
    if (ROOT / "app" / "i18n_build.py").is_file():
        # The .qm files are build output, so compile them fresh before they are bundled.
        run([sys.executable, "-m", "app.i18n_build"], dry_run=args.dry_run)
    run(pyinstaller_command(), dry_run=args.dry_run)
    if args.freeze_only:
        return 0
    return build_installer(dry_run=args.dry_run)


if __name__ == "__main__":
    sys.exit(main())
