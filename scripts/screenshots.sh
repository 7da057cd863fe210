#!/bin/sh
# Screenshots of the built site at phone (375 px) and desktop (1280 px) width, and a print-to-PDF
# of a year report, with headless Chromium (Debian packages chromium and fonts-noto-cjk).
#
#   scripts/screenshots.sh [OUTPUT_FOLDER] [PAGE …]     (default: /tmp/mieruka-screenshots)
#
# Pages are paths of the built site (public/), e.g. kodaira-3/ or kodaira-3/reports/2017/.
set -eu
cd "$(dirname "$0")/.."
out=${1:-/tmp/mieruka-screenshots}
[ $# -gt 0 ] && shift
pages=${*:-"/ kodaira-3/ kodaira-3/01/ kodaira-3/policies/1/ kodaira-3/reports/2017/ isehara-6/ isehara-6/reports/2024/ tsukubamirai/ tsukubamirai/policies/1/ komatsu/ komatsu/policies/1/ about/"}
scripts/install-system-packages.sh chromium fonts-noto-cjk
[ -d public ] || { echo "build the site first (scripts/build-demo.sh)" >&2; exit 2; }
mkdir -p "$out"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server -b 127.0.0.1 -d public "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
for page in $pages; do
    name=$(echo "$page" | tr '/' '_' | sed 's/^_*//; s/_*$//')
    [ -z "$name" ] && name=home
    for width in 375 1280; do
        chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$width,3000" \
            --screenshot="$out/$name-$width.png" "http://127.0.0.1:$port/$page" 2>/dev/null
    done
done
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$out/kodaira-3-report-2017.pdf" "http://127.0.0.1:$port/kodaira-3/reports/2017/" 2>/dev/null
echo "screenshots in $out"
