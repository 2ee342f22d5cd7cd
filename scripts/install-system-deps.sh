#!/usr/bin/env bash
# System packages the tests need (not the main job): LibreOffice to open the
# DOCX as a Word user would, poppler for PDF pages, Liberation 2 fonts for
# LibreOffice's Times New Roman substitute; GNU time for the benchmark's
# peak memory of LibreOffice and of `thidua all`; Chromium for the web
# page's end-to-end tests (driven by playwright-core). --no-install-recommends: a
# recommended package tries to download Microsoft fonts and fails offline.
set -euo pipefail
if command -v soffice >/dev/null && command -v pdftoppm >/dev/null && [ -x /usr/bin/time ] && [ -x /usr/bin/chromium ] && fc-list | grep -q 'Liberation Serif'; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  libreoffice-writer-nogui fonts-liberation2 poppler-utils time chromium >/dev/null
