#!/usr/bin/env bash
# Benchmark of the reachability engine (Reachability.of + matrix(Traffic.ALL)) on a large generated network:
# 2,000 subnets, 5,000 security groups, 50,000 SG rules, NACLs, route tables, 3,000 endpoints (public/app/data),
# at 1/10, 1/2 and full size. Each scale runs in a fresh JVM, so its "cold" line is a real first run.
# Not a test: it prints figures, it does not judge (goal of the issue: full-size tier matrix <= 2 s on 2 cores).
#
# Usage: bench/reachability_benchmark.sh [scales (default "0.1 0.5 1")]   env: RUNS=5 WARMUP=2 SEED=42 JAVA_OPTS=...
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SCALES="${*:-0.1 0.5 1}"
RUNS="${RUNS:-5}"
WARMUP="${WARMUP:-2}"
SEED="${SEED:-42}"
CP_FILE="$ROOT/core/target/reachability-benchmark.classpath"

build() {
  mvn -B -q "$@" -pl core test-compile dependency:build-classpath \
      -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >&2
}
# offline first; online only if a dependency or plugin is missing from the local repository
build -o || build

CP="core/target/test-classes:core/target/classes:$(cat "$CP_FILE")"
for scale in $SCALES; do
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -Dplumbline.root="$ROOT" -cp "$CP" io.plumbline.reach.ReachabilityBenchmark \
      --scales "$scale" --runs "$RUNS" --warmup "$WARMUP" --seed "$SEED"
done
