#!/usr/bin/env bash
# Installs what is missing (Debian 12), builds the `imapwire` tool with the release preset and
# validates the sample connection of RFC 3501 section 8 with it: the report lists no findings
# and summarizes the messages and the commands per protocol state (docs/validate.md). The exit
# status is the tool's: 0 for a clean trace.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/common.sh

imapwire_install_deps
cmake --preset release
cmake --build --preset release --target imapwire --parallel "$(imapwire_jobs)"
build/release/tools/imapwire validate tests/data/rfc3501-section8.trace
