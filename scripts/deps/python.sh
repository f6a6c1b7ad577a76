#!/usr/bin/env bash
# Installs the Python tools of the bindings' tests into target/venv (idempotent):
# maturin builds the wheel; pytest and mypy run the suite; python-stdnum is the
# reference of the differential identifier test; tree-sitter with its Swift
# grammar checks the syntax of the generated Swift.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=target/venv
# mypy is pinned: its stubtest judges the stub, and a new release may judge
# it by new rules (the marker below changes with the list, so it reinstalls).
PACKAGES=(maturin pytest "mypy==2.4.1" "typing_extensions>=4.15" python-stdnum tree-sitter tree-sitter-swift)
if ! command -v python3 >/dev/null; then
    scripts/deps/apt-packages.sh python3 python3-venv
fi
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV" 2>/dev/null || {
        rm -rf "$VENV"
        scripts/deps/apt-packages.sh python3-venv
        python3 -m venv "$VENV"
    }
fi
# A marker keyed by the package list keeps repeated runs offline and fast.
MARK="$VENV/.kabinet-deps-$(echo "${PACKAGES[*]}" | sha256sum | cut -c1-16)"
if [ ! -f "$MARK" ]; then
    echo "installing into $VENV (PyPI): ${PACKAGES[*]}" >&2
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q "${PACKAGES[@]}"
    touch "$MARK"
fi
