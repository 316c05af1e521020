#!/usr/bin/env bash
# Shared helpers for run.sh and test.sh: install the pinned Azurite from package.json and start it.
# Source this file; it defines functions and sets nothing else.

# The well-known Azurite development account (public, documented; not a secret).
AZURITE_ACCOUNT=devstoreaccount1
AZURITE_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

require_tools() {
  command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK (dotnet) is required: https://dotnet.microsoft.com/download" >&2; exit 1; }
  command -v node >/dev/null || { echo "error: Node.js 20 or later (node, npm) is required to run Azurite." >&2; exit 1; }
}

# Installs node_modules from package-lock.json when missing or out of date.
install_azurite() {
  local root=$1
  if [ ! -x "$root/node_modules/.bin/azurite" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    echo "Installing Azurite (npm ci)..."
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) || { echo "error: npm ci failed" >&2; exit 1; }
  fi
}

# The SMTP server the email-channel tests send to; kept out of package.json, which pins Azurite only.
MAILDEV_VERSION=3.0.0
install_maildev() {
  local root=$1
  if [ ! -f "$root/.local/tools/node_modules/maildev/package.json" ] || ! grep -q "\"version\": \"$MAILDEV_VERSION\"" "$root/.local/tools/node_modules/maildev/package.json"; then
    echo "Installing maildev $MAILDEV_VERSION (test SMTP server) into .local/tools..."
    mkdir -p "$root/.local/tools"
    npm install --prefix "$root/.local/tools" --no-audit --no-fund --loglevel=error "maildev@$MAILDEV_VERSION" >/dev/null \
      || { echo "error: npm install maildev failed" >&2; exit 1; }
  fi
}

# Prints three free TCP ports on 127.0.0.1.
free_ports() {
  node -e '
    const net = require("net");
    const servers = [0, 1, 2].map(() => net.createServer());
    let ready = 0;
    servers.forEach(s => s.listen(0, "127.0.0.1", () => {
      if (++ready === 3) { console.log(servers.map(x => x.address().port).join(" ")); servers.forEach(x => x.close()); }
    }));'
}

port_open() {
  node -e 'const s = require("net").connect(+process.argv[1], "127.0.0.1"); s.on("connect", () => { s.end(); process.exit(0); }); s.on("error", () => process.exit(1));' "$1"
}

# start_azurite ROOT BLOB QUEUE TABLE LOG [extra azurite args...]; sets AZURITE_PID.
start_azurite() {
  local root=$1 blob=$2 queue=$3 table=$4 log=$5
  shift 5
  "$root/node_modules/.bin/azurite" --skipApiVersionCheck --loose --silent \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$blob" --queuePort "$queue" --tablePort "$table" "$@" >"$log" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 60); do
    if port_open "$blob" && port_open "$queue" && port_open "$table"; then
      return 0
    fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      echo "error: Azurite exited; its log ($log):" >&2; cat "$log" >&2; exit 1
    fi
    sleep 0.5
  done
  echo "error: Azurite did not open ports $blob/$queue/$table within 30 s; log: $log" >&2
  exit 1
}

# stop_azurite PID LOG: asks Azurite to close, and once its log says every service closed (its data is then on disk)
# or 10 s have passed, kills it if it is still there. Azurite 3.37 logs "successfully closed" for each service on a
# TERM and yet its process stays alive: a script that only sent the TERM left it running, holding the ports.
# Safe under `set -e` and in an EXIT trap: nothing in it fails, so the script's exit status stays its own.
stop_azurite() {
  local pid=$1 log=$2 closed
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || return 0
    closed=$(grep -c 'successfully closed' "$log" 2>/dev/null || true)
    if [ "${closed:-0}" -ge 3 ]; then
      break
    fi
    sleep 0.25
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

connection_string() {
  local blob=$1 queue=$2 table=$3
  printf 'DefaultEndpointsProtocol=http;AccountName=%s;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/%s;QueueEndpoint=http://127.0.0.1:%s/%s;TableEndpoint=http://127.0.0.1:%s/%s;' \
    "$AZURITE_ACCOUNT" "$AZURITE_KEY" "$blob" "$AZURITE_ACCOUNT" "$queue" "$AZURITE_ACCOUNT" "$table" "$AZURITE_ACCOUNT"
}
