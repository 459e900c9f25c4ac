#!/usr/bin/env bash
# Builds the agent's Linux distribution from the packaged jars (run by Maven in the package phase, see pom.xml):
#   target/dist/branchcast-agent-linux-x64.tar.gz    branchcast-agent/{bin,lib,runtime,share/branchcast-agent}
#   target/dist/branchcast-agent_<version>_amd64.deb the same tree under /opt/branchcast-agent, plus the systemd unit
# The jlink runtime is rebuilt only when the module list or the JDK changes (it takes most of the time).
#
# usage: build-dist.sh <version> <target dir> <java home> <comma-separated modules>
set -euo pipefail

[ $# -eq 4 ] || { echo "usage: $0 <version> <target dir> <java home> <modules>" >&2; exit 2; }
version=$1 target=$2 java_home=$3 modules=$4
src=$(cd "$(dirname "$0")" && pwd)

fail() {
  echo "build-dist: $*" >&2
  exit 1
}

jlink=$java_home/bin/jlink
jmods=$java_home/jmods
[ -x "$jlink" ] || fail "no jlink at $jlink: build with a full JDK 17+ (Debian: openjdk-17-jdk-headless)"
[ -d "$jmods" ] || fail "no jmods in $jmods: jlink needs them (Debian: openjdk-17-jdk-headless)"
command -v dpkg-deb >/dev/null || fail "no dpkg-deb on PATH: the .deb needs it (Debian: dpkg)"
command -v objcopy >/dev/null || fail "no objcopy on PATH: jlink --strip-debug needs it (Debian: binutils)"
main_jar=$target/branchcast-edge-agent-$version.jar
[ -f "$main_jar" ] || fail "no $main_jar: run the jar plugin first"
[ -d "$target/lib" ] || fail "no $target/lib: run dependency:copy-dependencies first"

work=$target/dist-work
dist=$target/dist
mkdir -p "$work" "$dist"

runtime=$work/runtime
stamp="$modules $("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | grep 'java.runtime.version')"
if [ ! -x "$runtime/bin/java" ] || [ "$(cat "$work/runtime.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$runtime" "$work/runtime.stamp"
  "$jlink" --module-path "$jmods" --add-modules "$modules" \
    --strip-debug --no-man-pages --no-header-files --compress=2 --output "$runtime"
  echo "$stamp" >"$work/runtime.stamp"
fi

app=$work/branchcast-agent
rm -rf "$app"
mkdir -p "$app/bin" "$app/lib" "$app/share/branchcast-agent"
install -m 0755 "$src/bin/branchcast-agent" "$app/bin/"
install -m 0644 "$main_jar" "$target"/lib/*.jar "$app/lib/"
cp -al "$runtime" "$app/runtime"
install -m 0644 "$src/share/branchcast-agent.service" "$src/share/agent.properties.example" \
  "$src/share/sysusers.conf" "$src/share/tmpfiles.conf" "$src/share/jvm.options" \
  "$src/share/compiler-directives.json" "$app/share/branchcast-agent/"

# Debian versions sort "~" before anything, so a snapshot comes before its release.
deb_version=${version/-SNAPSHOT/~SNAPSHOT}
deb=$work/deb
rm -rf "$deb"
mkdir -p "$deb/opt" "$deb/lib/systemd/system" "$deb/usr/bin" "$deb/DEBIAN"
cp -al "$app" "$deb/opt/branchcast-agent"
install -m 0644 "$src/share/branchcast-agent.service" "$deb/lib/systemd/system/"
ln -s /opt/branchcast-agent/bin/branchcast-agent "$deb/usr/bin/branchcast-agent"
sed -e "s/@VERSION@/$deb_version/" -e "s/@INSTALLED_SIZE@/$(du -sk "$deb" | cut -f1)/" \
  "$src/deb/control" >"$deb/DEBIAN/control"
install -m 0755 "$src/deb/postinst" "$src/deb/prerm" "$src/deb/postrm" "$deb/DEBIAN/"

tarball=$dist/branchcast-agent-linux-x64.tar.gz
rm -f "$dist"/branchcast-agent_*_amd64.deb
# Both archives compress the same bytes: build them side by side. The tarball holds no links (install.sh refuses any).
tar -C "$work" --dereference --hard-dereference --owner=0 --group=0 --numeric-owner --sort=name -czf "$tarball" branchcast-agent &
tar_pid=$!
dpkg-deb --root-owner-group -Zgzip --build "$deb" "$dist/branchcast-agent_${deb_version}_amd64.deb" >/dev/null
wait "$tar_pid"

echo "build-dist: runtime $(du -sh "$runtime" | cut -f1) ($modules)"
echo "build-dist: $(du -h "$tarball" "$dist"/*.deb | tr '\t' ' ' | paste -sd ';' -)"
