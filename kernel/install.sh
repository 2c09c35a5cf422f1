#!/usr/bin/env bash
# Installs the pocket Jupyter kernel spec, as `python -m ipykernel install` does for Python.
#   kernel/install.sh [--user | --sys-prefix | --prefix PREFIX] [--name NAME] [--jvm-opt=-Xmx4g]
# Builds target/pocket.jar first when it is missing. Same as: pocket kernel install ...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/target/pocket.jar"
if [ ! -f "$jar" ]; then
  (cd "$here" && mvn -B -q -DskipTests package)
fi
exec java -cp "$jar" pocket.cli.KernelCommand install "$@"
