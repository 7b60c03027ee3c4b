#!/usr/bin/env bash
# Installs what cwlf's build and tests need, only when missing (Debian 12, as root).
# Usage: scripts/ensure-deps.sh [native] [wasm] [browser] [fuzz]
set -euo pipefail
want=("$@")
[ ${#want[@]} -eq 0 ] && want=(native wasm browser)

pkgs=()
for part in "${want[@]}"; do
  case "$part" in
    native) pkgs+=(cmake g++ make rapidjson-dev catch2 zlib1g-dev libisal-dev libdeflate-dev) ;;
    wasm) pkgs+=(cmake make rapidjson-dev emscripten nodejs npm) ;;
    browser) pkgs+=(chromium nodejs npm) ;;
    fuzz) pkgs+=(clang-14 libclang-rt-14-dev rapidjson-dev libisal-dev cmake) ;;  # libFuzzer + sanitizers (scripts/fuzz.sh)
    *) echo "ensure-deps: unknown part $part" >&2; exit 2 ;;
  esac
done

missing=()
for p in $(printf '%s\n' "${pkgs[@]}" | sort -u); do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node and npm may come from elsewhere than Debian (e.g. a preinstalled Node 20).
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | sed '/^$/d'))
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-deps: need root to apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

for part in "${want[@]}"; do
  if [ "$part" = browser ] || [ "$part" = wasm ]; then
    # Test-only npm packages (playwright-core drives Debian's chromium; it never downloads a browser).
    # (Also when a package was added to tests/package.json since the last install.)
    if [ -f tests/package.json ] && { [ ! -d tests/node_modules ] || ! node -e '
        const deps = Object.keys(require("./tests/package.json").devDependencies || {});
        process.exit(deps.every((d) => require("fs").existsSync(`tests/node_modules/${d}`)) ? 0 : 1);'; }; then
      echo "==> npm install (tests/)"
      if [ -f tests/package-lock.json ]; then npm --prefix tests ci --no-audit --no-fund >/dev/null
      else npm --prefix tests install --no-audit --no-fund >/dev/null; fi
    fi
    break
  fi
done
