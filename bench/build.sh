#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar (and the modules it needs); the bench profile is outside mvn verify.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl bench -am -DskipTests package "$@"
