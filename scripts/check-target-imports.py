#!/usr/bin/env python3
"""Checks that each target of Package.swift declares exactly the targets and products it imports.

For every Swift target, compares the modules its source folder imports (`import X` lines) with
its dependencies in the manifest (`swift package dump-package`). System modules (Foundation,
Glibc, Testing ...) are not declared and are left out; an executable target listed as a
dependency of a test target is allowed without an import (the tests run it).

Also checks that Sources holds no `public` declaration: the only product is an executable, so
targets share what they must with `package` access.

Usage: scripts/check-target-imports.py   (from anywhere; exits 1 and lists the differences)
"""
import json
import os
import re
import subprocess
import sys

SYSTEM = {"Foundation", "FoundationEssentials", "Dispatch", "Glibc", "Darwin", "Synchronization", "Testing", "XCTest",
          "PackagePlugin"}
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_implementationOnly\s+|(?:public|package|internal)\s+)?import\s+(\w+)", re.M)


def dependency_names(target):
    names = []
    for dependency in target.get("dependencies", []):
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                names.append(dependency[kind][0])
    return names


def imports(folder):
    found = set()
    for directory, _, files in os.walk(folder):
        for name in files:
            if name.endswith(".swift"):
                with open(os.path.join(directory, name), encoding="utf-8") as file:
                    found.update(IMPORT.findall(file.read()))
    return found - SYSTEM


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    manifest = json.loads(subprocess.run(
        ["swift", "package", "dump-package"], cwd=root, check=True, capture_output=True, text=True).stdout)
    targets = {target["name"]: target for target in manifest["targets"]}
    problems = []
    checked = 0
    for name, target in sorted(targets.items()):
        if target["type"] in ("system", "plugin"):
            continue
        checked += 1
        default = "Tests" if target["type"] == "test" else "Sources"
        folder = os.path.join(root, target.get("path") or os.path.join(default, name))
        declared = set(dependency_names(target))
        imported = imports(folder)
        executables = {d for d in declared if targets.get(d, {}).get("type") == "executable"}
        allowed_unimported = executables if target["type"] == "test" else set()
        for module in sorted(imported - declared):
            problems.append(f"{name} imports {module} without declaring it")
        for module in sorted(declared - imported - allowed_unimported):
            problems.append(f"{name} declares {module} without importing it")
    problems += public_declarations(os.path.join(root, "Sources"))
    for problem in problems:
        print(f"Package.swift: {problem}" if not problem.startswith("Sources/") else problem, file=sys.stderr)
    if problems:
        return 1
    print(f"check-target-imports: {checked} Swift targets declare exactly what they import; no public declarations")
    return 0


PUBLIC_DECLARATION = re.compile(r"^\s*(@\w+(\([^)]*\))?\s+)*public\s")


def public_declarations(sources):
    """The package's only product is an executable: targets share declarations with `package`
    access, and nothing is `public` (a `public` declaration would promise an API to no one)."""
    found = []
    for folder, _, files in os.walk(sources):
        for file in sorted(files):
            if not file.endswith(".swift"):
                continue
            path = os.path.join(folder, file)
            with open(path, encoding="utf-8") as text:
                for number, line in enumerate(text, 1):
                    if PUBLIC_DECLARATION.match(line):
                        relative = os.path.relpath(path, os.path.dirname(sources))
                        found.append(f"{relative}:{number}: a public declaration; use package (or less)")
    return found


if __name__ == "__main__":
    sys.exit(main())
