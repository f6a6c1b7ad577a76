#!/usr/bin/env bash
# Installs what the Kotlin tests need (idempotent): the Kotlin compiler from the
# npm registry into target/kotlin, JNA (>= 5.12, which the generated
# bindings load the library with) and Gson (the tests read the shared
# scenarios' JSON with it) from Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/../.."
KOTLIN_VERSION=2.4.20
DIR=target/kotlin
if [ ! -x "$DIR/node_modules/kotlin-compiler/bin/kotlinc" ] \
    || [ "$(cat "$DIR/.version" 2>/dev/null)" != "$KOTLIN_VERSION" ]; then
    mkdir -p "$DIR"
    echo "installing: kotlin-compiler@$KOTLIN_VERSION (npm, into $DIR)" >&2
    npm install --silent --no-audit --no-fund --prefix "$DIR" "kotlin-compiler@$KOTLIN_VERSION" >/dev/null
    echo "$KOTLIN_VERSION" >"$DIR/.version"
fi
chmod +x "$DIR"/node_modules/kotlin-compiler/bin/* 2>/dev/null || true
if ! command -v java >/dev/null; then
    scripts/deps/apt-packages.sh default-jdk-headless
fi
if [ ! -f /usr/share/java/jna.jar ]; then
    scripts/deps/apt-packages.sh libjna-java
fi
if [ ! -f /usr/share/java/gson.jar ]; then
    scripts/deps/apt-packages.sh libgoogle-gson-java
fi
