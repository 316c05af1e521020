#!/usr/bin/env bash
# Runs every test: installs Azurite, starts a private in-memory instance on free ports (never the
# ones a running app uses), runs the whole test suite against it, stops it, and exits non-zero when
# anything fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/azurite.sh"
require_tools
install_azurite "$root"
install_maildev "$root"

read -r blob queue table < <(free_ports)
log=$(mktemp -t ingest-azurite-XXXXXX.log)
echo "Starting a test Azurite on 127.0.0.1:$blob/$queue/$table (in memory)..."
start_azurite "$root" "$blob" "$queue" "$table" "$log" --inMemoryPersistence
trap 'stop_azurite "$AZURITE_PID" "$log"' EXIT
export INGEST_TEST_STORAGE
INGEST_TEST_STORAGE=$(connection_string "$blob" "$queue" "$table")

status=0
if [ -f "$root/scripts/bicep.sh" ]; then
  echo "Checking infrastructure (bicep build and lint)..."
  bash "$root/scripts/bicep.sh" || status=1
fi

echo "Running tests..."
dotnet test "$root/Ingest.sln" -c Release --nologo "$@" || status=1
exit $status
