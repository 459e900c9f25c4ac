# Shared by bin/run and bin/test: checks and installs what a fresh machine lacks. Sourced, not run.

fail() {
  echo "branchcast: $*" >&2
  exit 1
}

# Java 17 or newer, as the build and the servers need.
require_java() {
  command -v java >/dev/null 2>&1 || fail "no java on PATH: install a JDK 17+ (apt-get install openjdk-17-jdk-headless)"
  local major
  major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1)
  [ -n "$major" ] && [ "$major" -ge 17 ] 2>/dev/null ||
    fail "java $major found, Branchcast needs 17 or newer: set JAVA_HOME and PATH to a JDK 17+"
  command -v mvn >/dev/null 2>&1 || fail "no mvn on PATH: install Apache Maven 3.8+ (apt-get install maven)"
  command -v npm >/dev/null 2>&1 || fail "no npm on PATH: install Node.js 20+ with npm (apt-get install nodejs npm)"
}

# Installs the named Debian packages that are missing (needs root, as on CI and the project's machines).
require_debian_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || fail "missing Debian packages: ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}'"
  echo "branchcast: installing ${missing[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null ||
    fail "apt-get could not install ${missing[*]}"
}

# The devstack's classpath, once devstack is built.
devstack_classpath() {
  echo "devstack/target/classes:$(cat devstack/target/runtime.classpath)"
}

MVN=(mvn -B -ntp)
