#!/usr/bin/env bash
# Install qa the way a user does (a built wheel, not editable, pinned by constraints.txt) into a
# fresh virtual environment, then use it from an empty folder: the package data (the bundled
# article) and the public API are checked against the installed files, not the source tree.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 PIP_DISABLE_PIP_VERSION_CHECK=1
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q torch==2.13.0
"$work/venv/bin/pip" wheel -q --no-deps -w "$work/dist" "$repo"
"$work/venv/bin/pip" install -q -c "$repo/constraints.txt" "$work"/dist/*.whl

mkdir "$work/empty"
cd "$work/empty"
export QA_HOME="$work/home"
"$work/venv/bin/qa" --help >/dev/null
out=$("$work/venv/bin/qa" ask "what did Obama say about Russia?" --k 1)
echo "$out"
grep -q "Russia" <<<"$out"
"$work/venv/bin/python" - <<'PY'
import pathlib
import qa

here = pathlib.Path(qa.__file__).resolve()
assert "site-packages" in str(here), f"qa imported from the source tree: {here}"
print(f"smoke: installed wheel OK ({here.parent})")
PY
# The README's Python example, as printed there, against the installed package.
sed -n '/^```python$/,/^```$/p' "$repo/README.md" | sed '1d;$d' > "$work/example.py"
"$work/venv/bin/python" "$work/example.py"
