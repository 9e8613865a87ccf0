#!/usr/bin/env bash
# Create .venv with Python 3.10 and install the pinned dependencies, the French
# spaCy models and the chat widget. Idempotent: re-running installs only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python310() {
  if [ -n "${PYTHON310:-}" ] && "$PYTHON310" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
    echo "$PYTHON310"; return
  fi
  local root
  if command -v pyenv >/dev/null 2>&1; then
    root="$(pyenv root)"
  else
    root="${PYENV_ROOT:-$HOME/.pyenv}"
  fi
  for candidate in "$root"/versions/3.10*/bin/python3.10 "$(command -v python3.10 || true)"; do
    if [ -x "$candidate" ] && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
      echo "$candidate"; return
    fi
  done
  return 1
}

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
  if ! PY=$(find_python310); then
    echo "ERREUR : Python 3.10 est introuvable (Rasa 3.6 ne fonctionne qu'avec Python 3.10)." >&2
    echo "Installez-le, par exemple 'pyenv install 3.10.13', ou indiquez-le avec PYTHON310=/chemin/python3.10." >&2
    exit 1
  fi
  echo "Python 3.10 : $PY"
  rm -rf .venv
  "$PY" -m venv .venv
fi

stamp=.venv/.requirements.sha256
want=$(cat requirements/*.txt | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Installation des dépendances Python (quelques minutes la première fois)..."
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements/dev.txt
  echo "$want" > "$stamp"
fi

if [ ! -f node_modules/rasa-webchat/lib/index.js ] || [ ! -f node_modules/axe-core/axe.min.js ]; then
  echo "Installation du widget de chat (npm)..."
  npm ci --no-audit --no-fund --loglevel=error
fi
