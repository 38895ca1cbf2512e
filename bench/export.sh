#!/usr/bin/env bash
# Export benchmark: loads ROWS ledger entries (default 1,000,000) into a throwaway embedded
# PostgreSQL, streams them through GET /api/admin/analytics/export (CSV twice, then NDJSON)
# inside a JVM limited to HEAP (default 128m), and prints rows/s and heap growth.
# Usage: bench/export.sh [rows]   (HEAP=256m bench/export.sh to change the heap)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
HEAP="${HEAP:-128m}"
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx"$HEAP" -Xms"$HEAP" -XX:+UseG1GC \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.questline.analytics.ExportBenchmark "$ROWS"
