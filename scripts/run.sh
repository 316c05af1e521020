#!/usr/bin/env bash
# Runs Ingest locally: Azurite (data in .local/azurite), then the LocalHost app in the foreground.
# Ctrl+C stops both. Settings can be overridden with environment variables, e.g.
#   DigestSchedule='*/10 * * * * *' ./scripts/run.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/azurite.sh"
require_tools
install_azurite "$root"

blob=${AZURITE_BLOB_PORT:-10000}; queue=${AZURITE_QUEUE_PORT:-10001}; table=${AZURITE_TABLE_PORT:-10002}
mkdir -p "$root/.local/azurite"
if port_open "$blob"; then
  echo "Port $blob is already in use: using the storage emulator that is running there."
  AZURITE_PID=
else
  echo "Starting Azurite on 127.0.0.1:$blob-$table (data in .local/azurite)..."
  # In a process group of its own, so that Ctrl+C (sent to the whole foreground group) stops only the app
  # at first: the app still talks to storage while it stops (the blob trigger releases its locks), and
  # without storage it retried for about 30 s before exiting. stop() ends Azurite once the app has exited.
  set -m
  start_azurite "$root" "$blob" "$queue" "$table" "$root/.local/azurite.log" --location "$root/.local/azurite"
  set +m
fi
# Runs on Ctrl+C, on a TERM (to the script or to its whole process group, as `timeout` sends it) and on exit. Not
# under `set -e`: the app's exit status after a signal is not 0, and must not end the script before Azurite stops.
stop() {
  set +e
  if [ -n "${APP_PID:-}" ]; then
    kill "$APP_PID" 2>/dev/null
    wait "$APP_PID" 2>/dev/null
  fi
  if [ -n "${AZURITE_PID:-}" ]; then
    stop_azurite "$AZURITE_PID" "$root/.local/azurite.log"
  fi
  APP_PID= AZURITE_PID=
}
trap stop EXIT INT TERM

echo "Building..."
dotnet build "$root/src/LocalHost" -c Release --nologo -v quiet -clp:ErrorsOnly

export AzureWebJobsStorage=${AzureWebJobsStorage:-$(connection_string "$blob" "$queue" "$table")}
cat <<MSG

Ingest is starting. In another terminal, drop a news file into the inbox:

  export AZURE_STORAGE_CONNECTION_STRING='$AzureWebJobsStorage'
  az storage blob upload -c ${InboxContainer:-news-inbox} -f seeds/sample-sanctions.txt -n sample-sanctions.txt

Articles land in table 'articles', keyword hits in 'keywordhits', unreadable files in 'quarantine'.
Digests (schedule: ${DigestSchedule:-0 0 * * * *}) land in container 'digest-archive' and queue 'digest-notifications':
  az storage blob list -c digest-archive -o table
  az storage message peek -q digest-notifications
Set DigestSchedule='*/10 * * * * *' before ./scripts/run.sh for a digest every ten seconds. Ctrl+C stops.

MSG
cd "$root/src/LocalHost/bin/Release/net10.0"
dotnet Ingest.LocalHost.dll &
APP_PID=$!
wait "$APP_PID"
