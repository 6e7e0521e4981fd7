#!/usr/bin/env bash
# Rebuilds the staff pages' editor bundle from the pinned packages (package-lock.json) into the web project:
#   src/Chorus.Web/wwwroot/lib/editor/editor.js   one minified file, no source map, no other origin
#   src/Chorus.Web/wwwroot/lib/editor/LICENSES.txt the licences of every package bundled in it
# The bundle is committed, so running the site or the tests needs no npm; run this after changing src/ or a version.
set -euo pipefail
cd "$(dirname "$0")"
out=../../src/Chorus.Web/wwwroot/lib/editor
npm ci --no-audit --no-fund --ignore-scripts
mkdir -p "$out"
# --legal-comments=none: the licences are gathered whole into LICENSES.txt below instead of comments scattered in the file.
npx --no-install esbuild src/index.js --bundle --minify --format=iife --target=es2020 --legal-comments=none \
  --charset=utf8 --outfile="$out/editor.js"
node licences.mjs > "$out/LICENSES.txt"
echo "editor.js: $(wc -c < "$out/editor.js") bytes, $(gzip -9c "$out/editor.js" | wc -c) gzipped"
