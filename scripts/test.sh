#!/usr/bin/env bash
# Installs what is missing (Debian 12), builds everything with the `ci` preset (release,
# warnings are errors) and runs every test. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/common.sh

imapwire_install_deps
cmake --preset ci
cmake --build --preset ci --parallel "$(imapwire_jobs)"
ctest --preset ci --output-on-failure
