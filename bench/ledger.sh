#!/usr/bin/env bash
# Ledger-crediting throughput vs pgbench TPC-B-like TPS on the same PostgreSQL, in one run.
# Starts its own embedded PostgreSQL (the one the tests use), so it needs nothing but the repo,
# a JDK 17 and pgbench (PostgreSQL client tools). Usage: bench/ledger.sh [threads] [seconds]
# Environment: PGBENCH=/path/to/pgbench to pick a pgbench binary.
set -euo pipefail
cd "$(dirname "$0")/.."

threads="${1:-8}"
seconds="${2:-20}"
pgbench="${PGBENCH:-$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1 || true)}"
if [ -z "$pgbench" ] || [ ! -x "$pgbench" ]; then
	echo "pgbench not found: install the PostgreSQL client tools or set PGBENCH" >&2
	exit 1
fi

./mvnw -B -q -DskipTests test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
echo "pgbench: $pgbench ($("$pgbench" --version))"
exec java -Xms512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
	io.questline.ledger.LedgerBenchmark "$threads" "$seconds" "$pgbench"
