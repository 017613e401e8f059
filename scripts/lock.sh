#!/usr/bin/env bash
# Make the lock files requirements/*.txt from the lists people edit, requirements/*.in:
# every package the site, the tests and the tools install, pinned, with PyPI's hashes.
# Run it after editing a .in file (or merging a branch that did); commit the .txt files with it.
# Usage: bash scripts/lock.sh [pip-compile options]
#   (no option)                    add what the lists gained, drop what they lost, keep every other pin
#   --upgrade-package NAME[==VER]  move one package (and what it needs) to its newest (or that) release
#   --upgrade                      move everything to the newest releases the lists allow
set -euo pipefail
cd "$(dirname "$0")/.."

# pip-compile locks what the Python running it would install: CI and the deploy job run
# Python 3.11 on Linux, so the locks must be made there (platform markers, wheels).
python3 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) or sys.platform != "linux")' || {
  echo "scripts/lock.sh: run it with Python 3.11 on Linux (CI's and the deploy job's), not $(python3 -V) on $(uname -s)" >&2
  exit 1
}

# The hashes must be PyPI's, whatever this machine's pip is told (a local mirror,
# find-links or constraints would put other files' hashes in the lock).
pypi_only=(env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_CONSTRAINT
  -u PIP_NO_INDEX PIP_CONFIG_FILE=/dev/null PIP_INDEX_URL=https://pypi.org/simple)

# pip-tools itself is locked (requirements/tools.txt) and gets its own environment:
# it needs a newer pip than the one the site's and the tests' environment keep.
tools=.cache/pip-tools
[ -x "$tools/bin/python" ] || python3 -m venv "$tools"
"${pypi_only[@]}" "$tools/bin/python" -m pip install --quiet --disable-pip-version-check \
  --require-hashes -r requirements/tools.txt

# The header of each lock names this script as the command that makes it.
compile=("${pypi_only[@]}" CUSTOM_COMPILE_COMMAND="bash scripts/lock.sh" "$tools/bin/pip-compile"
  --quiet --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links --strip-extras)

"${compile[@]}" "$@" --output-file=requirements/tools.txt requirements/tools.in
"${compile[@]}" "$@" --output-file=requirements/site.txt requirements/site.in
# The site's packages in dev.txt are the deploy job's, version for version.
"${compile[@]}" "$@" --constraint=requirements/site.txt --output-file=requirements/dev.txt requirements/dev.in

echo "Locked: requirements/site.txt, requirements/dev.txt, requirements/tools.txt. Commit them with the .in files."
