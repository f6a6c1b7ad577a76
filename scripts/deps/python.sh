#!/usr/bin/env bash
# Installs the Python tools of the bindings' tests into target/venv (idempotent):
# maturin builds the wheel; pytest and mypy run the suite; python-stdnum is the
# reference of the differential identifier test; tree-sitter with its Swift
# grammar checks the syntax of the generated Swift.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=target/venv
PACKAGES=(maturin pytest mypy python-stdnum tree-sitter tree-sitter-swift)
if ! command -v python3 >/dev/null; then
    apt-get update -qq && apt-get install -y -qq python3 python3-venv >/dev/null
fi
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV" || {
        apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
        python3 -m venv "$VENV"
    }
fi
# A marker keyed by the package list keeps repeated runs offline and fast.
MARK="$VENV/.kabinet-deps-$(echo "${PACKAGES[*]}" | sha256sum | cut -c1-16)"
if [ ! -f "$MARK" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q "${PACKAGES[@]}"
    touch "$MARK"
fi
