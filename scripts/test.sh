#!/usr/bin/env bash
# Run the whole test suite from a fresh clone: install what it needs, then pytest.
# Usage: bash scripts/test.sh [--quick] [pytest arguments]
#   (no option)  everything, as CI runs it: the pre-commit checks, unit and build
#                tests, browser tests, the HTML validator and the slow tests.
#   --quick      the everyday loop: unit tests and site builds only, with the
#                packages already in .venv (run the full command once first).
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1

if [ "${1:-}" = "--quick" ]; then
  shift
  [ -x .venv/bin/python ] || { echo "No .venv yet: run bash scripts/test.sh once first" >&2; exit 1; }
  exec .venv/bin/python -m pytest -m "not browser and not html_validator and not slow" "$@"
fi

# Browser tests need Chromium: Debian's /usr/bin/chromium, or another Chrome
# named by CHROME_PATH. Install Debian's when we can (root, as in CI); otherwise say how.
if [ -z "${CHROME_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-liberation fonts-dejavu-core
  else
    echo "Chromium is needed for the browser tests: sudo apt-get install chromium fonts-liberation" >&2
    exit 1
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
# Exactly the locked versions, each checked against its hash (requirements/dev.txt:
# the site's, the tests' and the lint tools' packages; README.md, "Dependencies").
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
  --require-hashes -r requirements/dev.txt
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# The same checks as the pre-commit hooks: YAML lint, roster and schema checks, zizmor, spelling, ruff.
.venv/bin/pre-commit run --all-files --show-diff-on-failure

.venv/bin/python -m pytest "$@"
