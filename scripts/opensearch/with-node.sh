#!/usr/bin/env bash
# Run a command with SEARCH_TEST_URL pointing at a real OpenSearch node.
#
# Uses SEARCH_TEST_URL when already set (CI starts the node itself); otherwise
# starts a node when java and mvn are installed, and stops it afterwards.
# Without them the command runs as is and engine tests skip with a reason.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
if [ -z "${SEARCH_TEST_URL:-}" ] && command -v java >/dev/null && command -v mvn >/dev/null; then
  if url="$("$HERE/start.sh" start)"; then
    export SEARCH_TEST_URL="$url"
    trap '"$HERE/start.sh" stop' EXIT
  else
    echo "opensearch: could not start a node; engine tests will skip" >&2
  fi
fi
"$@"
