#!/usr/bin/env bash
# The bench's set-up: native tesseract (Debian's tesseract-ocr) is its speed reference, and GNU
# time measures the peak memory of the command run as a batch.
set -u
missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
[ -x /usr/bin/time ] || missing+=(time)
[ ${#missing[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "bench: ${missing[*]} not found and cannot be installed here; their figures are skipped" >&2
fi
exit 0
