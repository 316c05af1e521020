#!/usr/bin/env bash
# Installs the Bicep CLI from NuGet into tools/bicep/ (git-ignored) and checks the
# infrastructure: `bicep build` and `bicep lint` must both finish with no error and no
# warning. Needs only the .NET SDK and a NuGet feed (no other network access).
#
#   bash scripts/bicep.sh              install if needed, then build + lint
#   BICEP_VERSION=x.y.z bash scripts/bicep.sh   use another package version
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BICEP_VERSION="${BICEP_VERSION:-0.49.2}"
PACKAGE_ID="Azure.Bicep.CommandLine.linux-x64"
TOOLS_DIR="$ROOT/tools/bicep"
BICEP="$TOOLS_DIR/bicep"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) ;;
  *) echo "bicep.sh: installs $PACKAGE_ID, which runs on Linux x64 only (this is $(uname -s)/$(uname -m))" >&2; exit 2 ;;
esac

installed_version() {
  [ -x "$BICEP" ] || return 0
  "$BICEP" --version 2>/dev/null | sed -n 's/^Bicep CLI version \([0-9][0-9.]*\).*/\1/p'
}

install_bicep() {
  echo "Installing Bicep CLI $BICEP_VERSION from NuGet ($PACKAGE_ID) into tools/bicep/"
  local work
  work="$(mktemp -d)"
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" RETURN
  # A throwaway project outside the repo, so the repo's Directory.*.props and central
  # package management do not apply. PackageDownload fetches the package without
  # referencing it; the target framework only has to be one the SDK knows.
  local tfm
  tfm="net$(dotnet --version | cut -d. -f1,2)"
  cat >"$work/bicep-download.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>$tfm</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="$PACKAGE_ID" Version="[$BICEP_VERSION]" />
  </ItemGroup>
</Project>
EOF
  dotnet restore "$work/bicep-download.csproj" --packages "$work/packages" --verbosity quiet

  # The package ships the self-contained CLI as tools/bicep.
  local found
  found="$(find "$work/packages" -type f -name bicep -path "*/$BICEP_VERSION/*" | head -n 1)"
  if [ -z "$found" ]; then
    echo "bicep.sh: no 'bicep' executable in $PACKAGE_ID $BICEP_VERSION" >&2
    find "$work/packages" -maxdepth 4 >&2
    exit 1
  fi
  mkdir -p "$TOOLS_DIR"
  rm -f "$BICEP"
  mv "$found" "$BICEP"
  chmod +x "$BICEP"
}

if [ "$(installed_version)" != "$BICEP_VERSION" ]; then
  install_bicep
fi
"$BICEP" --version

# Runs one bicep command; fails on a non-zero exit or on any Error/Warning diagnostic.
# Bicep writes diagnostics to stderr and exits 0 on warnings (lint included), so stderr
# is captured and checked; stdout (the compiled ARM JSON of build --stdout) is dropped.
failures=0
check() {
  local label="$1"
  shift
  local output rc=0
  output="$("$BICEP" "$@" 2>&1 >/dev/null)" || rc=$?
  if [ -n "$output" ]; then
    printf '%s\n' "$output"
  fi
  if [ "$rc" -ne 0 ] || printf '%s\n' "$output" | grep -Eq ': (Error|Warning) '; then
    echo "FAIL: $label"
    failures=$((failures + 1))
  else
    echo "ok: $label"
  fi
}

cd "$ROOT"
# main.bicep is what azd provisions; eventgrid-subscription.bicep is also deployed on its
# own by the postdeploy hook, so it is checked as an entry point too.
for template in infra/main.bicep infra/app/eventgrid-subscription.bicep; do
  check "bicep build $template" build "$template" --stdout --diagnostics-format default
  check "bicep lint $template" lint "$template" --diagnostics-format default
done

if [ "$failures" -ne 0 ]; then
  echo "bicep.sh: $failures check(s) failed"
  exit 1
fi
echo "bicep.sh: build and lint clean (0 errors, 0 warnings)"
