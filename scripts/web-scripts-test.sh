#!/bin/sh
# The web app's scripts without a browser: every script parses (node --check), and the guided
# session timer's timing logic passes its tests (node --test, no npm packages).
set -eu
cd "$(dirname "$0")/.."
for file in Sources/KneeCoachServer/Resources/web/static/*.js; do
  node --check "$file"
done
node --test Tests/WebScripts/
