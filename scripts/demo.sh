#!/usr/bin/env bash
# Installs what is missing (Debian 12), builds the `imapwire` tool with the release preset and
# parses the sample commands with it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/common.sh

imapwire_install_deps
cmake --preset release
cmake --build --preset release --target imapwire --parallel "$(imapwire_jobs)"
build/release/tools/imapwire parse --as=command tests/data/sample-commands.imap
