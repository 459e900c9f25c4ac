#!/bin/sh
# Installs the Branchcast edge agent on a Linux x86-64 workstation. Served by the control plane at /install.sh with
# its own URL baked in:
#   curl -fsSL https://<control-plane>/install.sh | sudo sh -s -- --token bct_...
# Run with --help for the options; docs/install.md describes what goes where.
set -eu

CONTROL_PLANE_URL='@CONTROL_PLANE_URL@'

PACKAGE=branchcast-agent-linux-x64.tar.gz
AGENT_USER=branchcast-agent
UNIT=branchcast-agent.service

usage() {
  cat <<EOF
usage: install.sh --token TOKEN [options]
       install.sh --uninstall [--purge] [options]

Installs the Branchcast edge agent with its own Java runtime, writes its configuration and a systemd unit, and starts
it where systemd runs. Running it again upgrades in place and keeps the configuration and the enrollment.

  --token TOKEN          enrollment token (bct_...); needed unless this host is already configured or enrolled
  --bind-address ADDR    address for the agent's peer listener and outgoing connections (default: all addresses)
  --control-plane-url U  control plane to download from and enroll with (default: $CONTROL_PLANE_URL)
  --root DIR             install into DIR instead of / (image builds, tests); never creates users or starts anything
  --prefix DIR           installation directory inside the root (default: /opt/branchcast-agent)
  --no-start             install and configure, but do not start the service
  --uninstall            stop and remove the agent and its unit; keeps configuration and state
  --purge                with --uninstall: also remove the configuration, the state (credentials, payloads) and the user
  --help                 this text
EOF
}

fail() {
  echo "install.sh: $*" >&2
  exit 1
}

usage_error() {
  echo "install.sh: $*" >&2
  echo "run 'install.sh --help' for the options" >&2
  exit 2
}

info() {
  echo "branchcast: $*"
}

token=''
bind_address=''
root=/
prefix=/opt/branchcast-agent
start=yes
action=install
purge=no

need_value() {
  [ "$2" -ge 2 ] || usage_error "$1 needs a value"
}

while [ $# -gt 0 ]; do
  case $1 in
    --token) need_value "$1" $#; token=$2; shift 2 ;;
    --token=*) token=${1#*=}; shift ;;
    --bind-address) need_value "$1" $#; bind_address=$2; shift 2 ;;
    --bind-address=*) bind_address=${1#*=}; shift ;;
    --control-plane-url) need_value "$1" $#; CONTROL_PLANE_URL=$2; shift 2 ;;
    --control-plane-url=*) CONTROL_PLANE_URL=${1#*=}; shift ;;
    --root) need_value "$1" $#; root=$2; shift 2 ;;
    --root=*) root=${1#*=}; shift ;;
    --prefix) need_value "$1" $#; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#*=}; shift ;;
    --no-start) start=no; shift ;;
    --uninstall) action=uninstall; shift ;;
    --purge) purge=yes; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage_error "unknown option '$1'" ;;
  esac
done

# --- validation: every value ends up in a file or a path, so only plain characters pass ---

case $root in
  /*) ;;
  *) usage_error "--root must be an absolute directory, not '$root'" ;;
esac
case $prefix in
  / | *[!A-Za-z0-9/._-]* | *..*) usage_error "--prefix must be an absolute directory other than /, not '$prefix'" ;;
  /*) ;;
  *) usage_error "--prefix must be an absolute directory other than /, not '$prefix'" ;;
esac
root=${root%/}
prefix=${prefix%/}
[ "$purge" = no ] || [ "$action" = uninstall ] || usage_error "--purge only goes with --uninstall"

live=no
[ -z "$root" ] && live=yes
if [ "$live" = yes ] && [ "$(id -u)" -ne 0 ]; then
  fail "installing into / needs root: run it with sudo (or use --root DIR to install into a directory)"
fi

install_dir=$root$prefix
config_dir=$root/etc/branchcast-agent
config=$config_dir/agent.properties
state_dir=$root/var/lib/branchcast-agent
unit_file=$root/etc/systemd/system/$UNIT
cli_link=$root/usr/local/bin/branchcast-agent

systemd_running() {
  [ "$live" = yes ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1
}

# A directory is ours only if it looks like an agent installation: never remove anything else.
is_agent_install() {
  [ -f "$1/bin/branchcast-agent" ] && [ -d "$1/lib" ] && [ -d "$1/runtime" ]
}

# --- uninstall ---

uninstall() {
  if systemd_running; then
    systemctl disable --now "$UNIT" >/dev/null 2>&1 || true
  fi
  rm -f "$unit_file"
  if systemd_running; then
    systemctl daemon-reload
  fi
  if [ -d "$install_dir" ]; then
    is_agent_install "$install_dir" || fail "$install_dir does not look like an agent installation: not removing it"
    rm -rf "$install_dir"
  fi
  if [ -L "$cli_link" ]; then
    rm -f "$cli_link"
  fi
  rm -f "$root/usr/lib/sysusers.d/branchcast-agent.conf" "$root/usr/lib/tmpfiles.d/branchcast-agent.conf"
  if [ "$purge" = yes ]; then
    rm -rf "$config_dir" "$state_dir"
    if [ "$live" = yes ] && getent passwd "$AGENT_USER" >/dev/null 2>&1; then
      userdel "$AGENT_USER" >/dev/null 2>&1 || info "could not remove the user $AGENT_USER; remove it by hand"
    fi
    info "removed the agent, its configuration and its state"
  else
    info "removed the agent; kept $config_dir and $state_dir (--uninstall --purge removes them)"
  fi
}

if [ "$action" = uninstall ]; then
  uninstall
  exit 0
fi

# --- install: checks before touching anything ---

[ "$(uname -s)" = Linux ] || fail "this installer is for Linux; see docs/install.md for Windows and macOS"
case $(uname -m) in
  x86_64 | amd64) ;;
  *) fail "only x86-64 is built so far, this host is $(uname -m)" ;;
esac

case $CONTROL_PLANE_URL in
  @*@) fail "no control plane URL: download this script from the control plane's /install.sh or pass --control-plane-url" ;;
  *[!A-Za-z0-9:/._~%-]*) fail "control plane URL '$CONTROL_PLANE_URL' has characters that do not belong in a URL" ;;
  http://?* | https://?*) ;;
  *) fail "control plane URL must start with http:// or https://, not '$CONTROL_PLANE_URL'" ;;
esac
CONTROL_PLANE_URL=${CONTROL_PLANE_URL%/}

if [ -n "$token" ]; then
  secret=${token#bct_}
  case $secret in
    "$token" | *[!A-Za-z0-9_-]*) fail "the token must look like bct_ followed by 43 letters, digits, '-' or '_'" ;;
  esac
  [ ${#secret} -eq 43 ] || fail "the token must look like bct_ followed by 43 letters, digits, '-' or '_'"
elif [ ! -f "$config" ] && [ ! -f "$state_dir/credentials.json" ]; then
  fail "--token is required: this host is not enrolled yet (create a token in the console or with POST /api/v1/enrollment-tokens)"
fi

case $bind_address in
  *[!0-9A-Fa-f.:]*) fail "--bind-address must be an IPv4 or IPv6 address, not '$bind_address'" ;;
esac

for tool in tar gzip mktemp sed; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing on this host"
done
if command -v curl >/dev/null 2>&1; then
  downloader=curl
elif command -v wget >/dev/null 2>&1; then
  downloader=wget
else
  fail "neither curl nor wget is installed"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/branchcast-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# --- download ---

# Prints an RFC 9457 problem body as "title: detail", else its first line.
describe_problem() {
  title=$(sed -n 's/.*"title"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$1" | head -n 1)
  detail=$(sed -n 's/.*"detail"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$1" | head -n 1)
  if [ -n "$title$detail" ]; then
    echo "${title:-error}${detail:+: $detail}"
  else
    head -c 300 "$1" | head -n 1
  fi
}

# download URL FILE: fails with the HTTP status and the server's problem detail when the answer is not 200.
download() {
  if [ "$downloader" = curl ]; then
    if ! status=$(curl -sS -L --proto '=http,https' --connect-timeout 15 --retry 2 -o "$2" -w '%{http_code}' "$1" 2>"$tmp/err"); then
      fail "cannot reach the control plane at $CONTROL_PLANE_URL: $(cat "$tmp/err")"
    fi
  else
    wget -q -S --content-on-error --timeout=15 --tries=3 -O "$2" "$1" 2>"$tmp/err" || true
    status=$(sed -n 's/^ *HTTP\/[0-9.]* \([0-9][0-9][0-9]\).*/\1/p' "$tmp/err" | tail -n 1)
    [ -n "$status" ] || fail "cannot reach the control plane at $CONTROL_PLANE_URL: $(tail -n 1 "$tmp/err")"
  fi
  [ "$status" = 200 ] || fail "downloading $1 failed with HTTP $status: $(describe_problem "$2")"
}

info "downloading the agent from $CONTROL_PLANE_URL"
download "$CONTROL_PLANE_URL/downloads/$PACKAGE" "$tmp/$PACKAGE"

# --- verify: a gzip tarball of regular files and directories under branchcast-agent/, with the expected layout ---

gzip -t "$tmp/$PACKAGE" 2>/dev/null || fail "the download is not a gzip file: the control plane served a broken $PACKAGE"
tar -tvzf "$tmp/$PACKAGE" >"$tmp/listing" 2>/dev/null || fail "the download is not a tar archive: the control plane served a broken $PACKAGE"
tar -tzf "$tmp/$PACKAGE" >"$tmp/names"
[ -s "$tmp/names" ] || fail "the download is not a tar archive: the control plane served a broken $PACKAGE"
if grep -qv '^[-d]' "$tmp/listing"; then
  fail "$PACKAGE holds links or special files; refusing it"
fi
if grep -qv '^branchcast-agent/' "$tmp/names" || grep -q '\(^\|/\)\.\.\(/\|$\)' "$tmp/names"; then
  fail "$PACKAGE holds paths outside branchcast-agent/; refusing it"
fi
for required in bin/branchcast-agent runtime/bin/java share/branchcast-agent/branchcast-agent.service; do
  grep -qx "branchcast-agent/$required" "$tmp/names" || fail "$PACKAGE lacks $required: not an agent package"
done
grep -q '^branchcast-agent/lib/[^/]*\.jar$' "$tmp/names" || fail "$PACKAGE lacks lib/*.jar: not an agent package"

# --- install the files: unpack beside the old version, then swap, so a failure leaves the old one working ---

if [ -e "$install_dir" ] && ! is_agent_install "$install_dir"; then
  fail "$install_dir exists and is not an agent installation; choose another --prefix"
fi
mkdir -p "$(dirname "$install_dir")"
staging=$install_dir.new
rm -rf "$staging"
mkdir -p "$staging"
tar -xzf "$tmp/$PACKAGE" -C "$staging" --no-same-owner --strip-components=1
chmod -R u=rwX,go=rX "$staging"
"$staging/runtime/bin/java" -version >/dev/null 2>&1 || fail "the bundled Java runtime does not run on this host"
if [ -d "$install_dir" ]; then
  rm -rf "$install_dir.old"
  mv "$install_dir" "$install_dir.old"
fi
mv "$staging" "$install_dir"
rm -rf "$install_dir.old"
info "installed $("$install_dir/bin/branchcast-agent" --version 2>/dev/null || echo 'the agent') into $install_dir"

mkdir -p "$(dirname "$cli_link")"
ln -sfn "$prefix/bin/branchcast-agent" "$cli_link"

# --- user, configuration, state ---

if [ "$live" = yes ] && ! getent passwd "$AGENT_USER" >/dev/null 2>&1; then
  nologin=$(command -v nologin || echo /usr/sbin/nologin)
  if command -v useradd >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/branchcast-agent --no-create-home \
      --shell "$nologin" --comment "Branchcast edge agent" "$AGENT_USER"
  elif command -v adduser >/dev/null 2>&1; then
    adduser -S -D -H -h /var/lib/branchcast-agent -s "$nologin" -g "Branchcast edge agent" "$AGENT_USER"
  else
    fail "cannot create the user $AGENT_USER: neither useradd nor adduser is installed"
  fi
  info "created the system user $AGENT_USER"
fi

# set_property FILE KEY VALUE: replaces the key's line or appends it, keeping every other line.
set_property() {
  grep -v "^$(echo "$2" | sed 's/\./\\./g')=" "$1" >"$1.tmp" || true
  echo "$2=$3" >>"$1.tmp"
  cat "$1.tmp" >"$1"
  rm -f "$1.tmp"
}

# The agent reads its configuration through its group on a live install; elsewhere only the installing user may,
# and the tmpfiles.d entry hands it to the agent's group at the image's first boot.
mkdir -p "$(dirname "$config_dir")" "$(dirname "$state_dir")"
umask 077
mkdir -p "$config_dir" "$state_dir"
if [ ! -f "$config" ]; then
  {
    echo "# Written by install.sh; see $prefix/share/branchcast-agent/agent.properties.example for every key."
    echo "state.dir=/var/lib/branchcast-agent"
  } >"$config"
fi
set_property "$config" control-plane.url "$CONTROL_PLANE_URL"
[ -z "$token" ] || set_property "$config" enrollment.token "$token"
[ -z "$bind_address" ] || set_property "$config" bind.address "$bind_address"

if [ "$live" = yes ]; then
  chown root:"$AGENT_USER" "$config_dir" "$config"
  chmod 0750 "$config_dir"
  chmod 0640 "$config"
  chown "$AGENT_USER:$AGENT_USER" "$state_dir"
else
  chmod 0700 "$config_dir"
  chmod 0600 "$config"
fi
chmod 0700 "$state_dir"
umask 022

# --- systemd ---

share=$install_dir/share/branchcast-agent
mkdir -p "$(dirname "$unit_file")" "$root/usr/lib/sysusers.d" "$root/usr/lib/tmpfiles.d"
sed "s|/opt/branchcast-agent|$prefix|g" "$share/branchcast-agent.service" >"$unit_file"
chmod 0644 "$unit_file"
cp "$share/sysusers.conf" "$root/usr/lib/sysusers.d/branchcast-agent.conf"
cp "$share/tmpfiles.conf" "$root/usr/lib/tmpfiles.d/branchcast-agent.conf"

run_by_hand="$install_dir/bin/branchcast-agent run --config $config"
[ "$live" = yes ] || run_by_hand="$run_by_hand --state.dir $state_dir"

if systemd_running && [ "$start" = yes ]; then
  systemctl daemon-reload
  systemctl enable "$UNIT" >/dev/null 2>&1
  systemctl restart "$UNIT"
  info "started $UNIT; check it with: systemctl status branchcast-agent; branchcast-agent status"
elif systemd_running; then
  systemctl daemon-reload
  info "not started (--no-start); start it with: systemctl enable --now branchcast-agent"
elif [ "$live" = yes ]; then
  info "systemd is not running on this host, so nothing starts the agent at boot. Start it by hand:"
  info "  runuser -u $AGENT_USER -- $run_by_hand"
else
  info "installed into $root; enable the service for that system with: systemctl --root=$root enable $UNIT"
  info "to run this copy by hand: $run_by_hand"
fi
