#!/usr/bin/env bash
# The bench's set-up: native tesseract (Debian's tesseract-ocr) is its speed reference.
set -u
command -v tesseract >/dev/null 2>&1 && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr >/dev/null
else
  echo "bench: native tesseract not found and cannot be installed here; its ratio is skipped" >&2
fi
exit 0
