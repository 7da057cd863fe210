#!/bin/sh
# CI の中に Mieruka を用意します（Swift は要りません）。
#
# Mieruka の配布ファイル mieruka-<版>-linux-x86_64.tar.gz を、次のどちらかの方法で受け取ります。
#   1. CI の変数 MIERUKA_URL に、配布ファイルのアドレスを設定する
#      （GitHub：Settings → Secrets and variables → Actions → Variables、GitLab：Settings → CI/CD → Variables）
#   2. リポジトリの tools/ フォルダーに配布ファイルを置いてコミットする
# 展開先は .mieruka/ です（.mieruka/mieruka を実行します）。
set -eu
dest=.mieruka
rm -rf "$dest"
mkdir -p "$dest"
if [ -n "${MIERUKA_URL:-}" ]; then
    if ! command -v curl >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && apt-get install -y -qq --no-install-recommends ca-certificates curl >/dev/null
    fi
    curl --fail --silent --show-error --location "$MIERUKA_URL" --output "$dest/mieruka.tar.gz"
    tarball="$dest/mieruka.tar.gz"
else
    tarball=$(ls tools/mieruka-*-linux-x86_64.tar.gz 2>/dev/null | sort | tail -n 1 || true)
    if [ -z "$tarball" ]; then
        echo "Mieruka の配布ファイルが見つかりません。" >&2
        echo "CI の変数 MIERUKA_URL に mieruka-<版>-linux-x86_64.tar.gz のアドレスを設定するか、" >&2
        echo "tools/ フォルダーにそのファイルを置いてコミットしてください。" >&2
        exit 1
    fi
fi
tar -xzf "$tarball" -C "$dest" --strip-components=1
"$dest/mieruka" --version
