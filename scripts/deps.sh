#!/usr/bin/env bash
# Installs what TraceChain needs on a fresh Debian 12 machine with only the .NET 10 SDK.
# Idempotent: does nothing when everything is already there.
set -euo pipefail

packages=(
  g++ pkg-config        # builds the native imaging shim
  libzxing-dev          # zxing-cpp 1.4: reads codes from images
  libzint-dev           # zint 2.11: writes GS1 DataMatrix / QR labels
  libstb-dev            # stb_image: PNG/JPEG decoding inside the shim
  mosquitto mosquitto-clients  # MQTT broker and reference clients for tests and the demo
  socat                 # pseudo-terminal pairs for serial scanner tests
  chromium              # headless browser for the consumer and counter page tests
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "deps: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
