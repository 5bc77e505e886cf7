#!/usr/bin/env bash
# Refresh the translation catalogues from the sources and compile them (.ts -> .qm).
# Run after changing user-visible strings; then translate the new entries in
# resources/translations/pantau_id.ts (Qt Linguist: .venv/bin/pyside6-linguist).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files -co --exclude-standard 'app/*.py' 'columns/*.py')
for language in id en; do
  target=$([ "$language" = id ] && echo id_ID || echo en_US)
  .venv/bin/pyside6-lupdate -no-obsolete -locations none -target-language "$target" "${sources[@]}" \
    -ts "resources/translations/pantau_${language}.ts"
  if [ "$language" = en ]; then
    .venv/bin/python scripts/english_catalogue.py resources/translations/pantau_en.ts
  fi
  .venv/bin/pyside6-lrelease -silent "resources/translations/pantau_${language}.ts" \
    -qm "resources/translations/pantau_${language}.qm"
done
