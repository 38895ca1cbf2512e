#!/usr/bin/env bash
# Leaderboard read latency at 10,000 and 1,000,000 participants (or the sizes given, e.g.
# `bench/leaderboard.sh 10000,100000`), through the application's own code on a throwaway
# embedded PostgreSQL under target/bench-pg (removed at the end). Prints p50/p99 per size and
# the ratio of the largest to the smallest. Needs only Java 17 and this repository; takes a few
# minutes, most of it loading a million participants.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${1:-10000,1000000}"
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.questline.competitions.LeaderboardBenchmark "$sizes"
