# Shared by the benchmark scripts: builds what they need once and runs a driver class. Sourced, not run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bin/lib/common.sh
require_java

run_bench() {
  local main=$1
  shift
  if [ ! -f control-plane/target/quarkus-app/quarkus-run.jar ] || [ ! -f bench/target/runtime.classpath ]; then
    echo "bench: building (mvn install -DskipTests)"
    "${MVN[@]}" -q install -DskipTests
  fi
  java -Xmx1g -cp "bench/target/classes:$(cat bench/target/runtime.classpath)" "$main" --repo "$PWD" "$@"
}
