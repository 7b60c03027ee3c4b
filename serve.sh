#!/usr/bin/env bash
# Builds the page and serves it on this machine only:
#   ./serve.sh              -> http://127.0.0.1:8080/
#   ./serve.sh --port 9000  -> http://127.0.0.1:9000/   (--port 0: any free port)
# Installs what the build needs when it is missing (Debian/Ubuntu: apt-get).
# The page makes no network request once loaded: everything you paste stays
# in your browser.
set -euo pipefail
cd "$(dirname "$0")"

port=8080
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="${2:?--port needs a number}"; shift 2 ;;
    --port=*) port="${1#--port=}"; shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "serve.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
case "$port" in ''|*[!0-9]*) echo "serve.sh: --port needs a number, got '$port'" >&2; exit 2 ;; esac

missing=()
command -v emcmake >/dev/null 2>&1 || missing+=(emscripten)
[ -f /usr/include/rapidjson/reader.h ] || missing+=(rapidjson-dev)
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "serve.sh: installing ${missing[*]}" >&2
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

scripts/build-web.sh >&2
exec node scripts/static-server.mjs --root dist --port "$port" --host 127.0.0.1
