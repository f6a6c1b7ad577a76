#!/usr/bin/env bash
# Installs what the Kotlin tests need (idempotent): the Kotlin compiler from the
# npm registry into target/kotlin, and JNA (>= 5.12, which the generated
# bindings load the library with) from Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/../.."
KOTLIN_VERSION=2.4.20
DIR=target/kotlin
if [ ! -x "$DIR/node_modules/kotlin-compiler/bin/kotlinc" ] \
    || [ "$(cat "$DIR/.version" 2>/dev/null)" != "$KOTLIN_VERSION" ]; then
    mkdir -p "$DIR"
    npm install --silent --no-audit --no-fund --prefix "$DIR" "kotlin-compiler@$KOTLIN_VERSION" >/dev/null
    echo "$KOTLIN_VERSION" >"$DIR/.version"
fi
chmod +x "$DIR"/node_modules/kotlin-compiler/bin/* 2>/dev/null || true
if ! command -v java >/dev/null; then
    apt-get update -qq && apt-get install -y -qq default-jdk-headless >/dev/null
fi
if [ ! -f /usr/share/java/jna.jar ]; then
    apt-get install -y -qq libjna-java >/dev/null 2>&1 || {
        apt-get update -qq && apt-get install -y -qq libjna-java >/dev/null
    }
fi
