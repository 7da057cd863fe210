#!/bin/sh
# Builds `mieruka` as one binary that runs on a Linux machine without Swift, and packs it:
#
#   dist/mieruka-<version>-linux-x86_64.tar.gz
#     mieruka-<version>-linux-x86_64/mieruka        the program
#     mieruka-<version>-linux-x86_64/README.txt     what it is, how to run it
#     mieruka-<version>-linux-x86_64/LICENSES/      the licences of everything linked into it
#
# The Swift runtime and Foundation are linked statically (--static-swift-stdlib), and libcmark,
# libyaml and libdeflate from their static archives (a folder holding only the archives comes first
# on the linker's search path, so -lcmark, -lyaml, -ldeflate, -lz and -lstdc++ find them before the
# shared libraries).
# The binary then needs only the C library (and libgcc_s) every Debian or Ubuntu system has; the
# script checks that with ldd and fails if anything else is needed.
#
# MIERUKA_PACKAGE_SCRATCH   SwiftPM's build folder (default .build-package)
# MIERUKA_DIST              where the tarball goes (default dist)
set -eu
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh libcmark-dev libyaml-dev libdeflate-dev zlib1g-dev pkg-config
scratch=${MIERUKA_PACKAGE_SCRATCH:-.build-package}
dist=${MIERUKA_DIST:-dist}
arch=$(uname -m)
multiarch=$(gcc -print-multiarch 2>/dev/null || echo "$arch-linux-gnu")

# The C libraries from their static archives: pkg-config files naming a folder that holds only the
# archives (SwiftPM puts the -L of pkg-config's libdir first on the link line, so the linker finds
# libcmark.a, libyaml.a, libdeflate.a and libz.a there before the shared libraries in the system's
# folder). zlib (ZIPFoundation's, through its CZLib module, for reading workbooks) gets one too:
# SwiftPM writes the libdir of the system's zlib.pc as -L/usr/lib/<multiarch>, and where that comes
# first on the link line, the shared libraries would be found first.
static="$(pwd)/$scratch/static-libs"
mkdir -p "$static/pkgconfig"
for lib in libcmark.a libyaml.a libdeflate.a libz.a; do
    if [ ! -f "/usr/lib/$multiarch/$lib" ]; then
        echo "package.sh: /usr/lib/$multiarch/$lib is missing (Debian packages libcmark-dev, libyaml-dev, libdeflate-dev, zlib1g-dev)" >&2
        exit 1
    fi
    cp "/usr/lib/$multiarch/$lib" "$static/$lib"
done
# The C++ runtime (the Swift runtime and Foundation's ICU use it) from its static archive too, by
# the same folder: linked in, only the parts used are in the binary, where the shared library had
# 1.4 MiB resident in every run (its symbol tables read for binding, its code mapped around the
# few functions called): about 1.3 MiB less peak RSS on the 156-page site. The GCC Runtime
# Library Exception allows this for any program.
libstdcxx=""
for cc in clang gcc; do
    found=$("$cc" -print-file-name=libstdc++.a 2>/dev/null || true)
    if [ -f "$found" ]; then libstdcxx=$found; break; fi
done
if [ ! -f "$libstdcxx" ]; then
    echo "package.sh: libstdc++.a is missing (Debian package libstdc++-12-dev, which Swift needs)" >&2
    exit 1
fi
cp "$libstdcxx" "$static/libstdc++.a"
for pc in libcmark:cmark yaml-0.1:yaml libdeflate:deflate zlib:z; do
    printf 'libdir=%s\nName: %s\nDescription: static archive for the packaged binary\nVersion: 0\nLibs: -L${libdir} -l%s\nCflags:\n' \
        "$static" "${pc%%:*}" "${pc#*:}" >"$static/pkgconfig/${pc%%:*}.pc"
done
# Linked as a position-dependent executable (-no-pie): a position-independent one carries 83,000
# relative relocations (1.9 MB of .rela.dyn) that the loader reads and applies at every start,
# writing into the pages they patch; without them the process is 2.2 MiB smaller from start to end
# (peak RSS of `mieruka --version` 13.8 -> 11.6 MiB, of the 156-page site 23.7 -> 21.5 MiB). The
# cost is that the program's own code and data are not placed at a random address (the C
# library's still are); the packed relative relocations that would keep both (-z
# pack-relative-relocs) need glibc 2.36, which Ubuntu 22.04 does not have.
#
# The functions a build runs are placed side by side (scripts/code-order.sh explains why and makes
# the list): each function is compiled into a section of its own, and gold (the toolchain's linker
# on Linux, named so that the option below is understood) lays out the listed sections first.
PKG_CONFIG_PATH="$static/pkgconfig" swift build -c release --scratch-path "$scratch" --static-swift-stdlib --product mieruka \
    -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections -Xswiftc -use-ld=gold \
    -Xlinker -L"$static" -Xlinker -no-pie -Xlinker --section-ordering-file="$(pwd)/scripts/package/code-order.txt"
binary="$scratch/release/mieruka"

# Only the system's own libraries may remain dynamic.
needed=$(ldd "$binary" | awk '{print $1}' | sed 's/\.so.*//' | sort -u)
for lib in $needed; do
    case "$lib" in
        linux-vdso | /lib64/ld-linux-x86-64 | /lib/ld-linux-aarch64 | libc | libm | libpthread | libdl | librt | libutil | libgcc_s) ;;
        *)
            echo "package.sh: the binary still needs $lib:" >&2
            ldd "$binary" >&2
            exit 1
            ;;
    esac
done

# How much of the code order still names functions of this binary (renamed or removed functions
# drop out of it as the code changes; scripts/code-order.sh makes it again).
LC_ALL=C sort -u scripts/package/code-order.txt >"$scratch/code-order.sorted"
listed=$(wc -l <"$scratch/code-order.sorted")
present=$(nm --defined-only "$binary" | awk '{print ".text." $3}' | LC_ALL=C sort -u | LC_ALL=C comm -12 - "$scratch/code-order.sorted" | wc -l)
echo "package.sh: $present of the $listed functions in scripts/package/code-order.txt are in the binary" >&2
if [ $((present * 100)) -lt $((listed * 70)) ]; then
    echo "package.sh: warning: the code order is out of date; run scripts/code-order.sh" >&2
fi

version=$("$binary" --version | sed -n 's/^mieruka \([^ ]*\) .*/\1/p')
name="mieruka-$version-linux-$arch"
stage="$scratch/dist/$name"
rm -rf "$scratch/dist"
mkdir -p "$stage/LICENSES"
cp "$binary" "$stage/mieruka"
strip "$stage/mieruka"

# Licences of what is linked in: the Swift runtime and Foundation (with its ICU), the C
# libraries, and the Swift packages of Package.swift.
swift_license=$(dirname "$(dirname "$(command -v swift)")")/share/swift/LICENSE.txt
cp "$swift_license" "$stage/LICENSES/swift-runtime-and-foundation.txt"
cp /usr/share/doc/libcmark-dev/copyright "$stage/LICENSES/cmark.txt"
cp /usr/share/doc/libyaml-dev/copyright "$stage/LICENSES/libyaml.txt"
cp /usr/share/doc/libdeflate-dev/copyright "$stage/LICENSES/libdeflate.txt"
cp /usr/share/doc/zlib1g-dev/copyright "$stage/LICENSES/zlib.txt"
cp "$(ls /usr/share/doc/libstdc++*-dev/copyright | head -n 1)" "$stage/LICENSES/libstdc++.txt"
packages=""
for package in "$scratch"/checkouts/*; do
    [ -d "$package" ] || continue
    name_of_package=$(basename "$package")
    license=$(ls "$package"/LICENSE* "$package"/COPYING* 2>/dev/null | head -n 1 || true)
    if [ -z "$license" ]; then
        echo "package.sh: $name_of_package is linked in but has no LICENSE file: add its licence to LICENSES/ by hand" >&2
        exit 1
    fi
    cp "$license" "$stage/LICENSES/$name_of_package.txt"
    packages="$packages, $name_of_package"
done
cat >"$stage/README.txt" <<README
Mieruka $version ($("$binary" --version | sed 's/^mieruka [^ ]* //')) for Linux ($arch)

自治体の行財政改革の計画と進捗状況を公開するサイトを作るプログラムです。
Swift は要りません。このフォルダーの mieruka をそのまま実行します。

  ./mieruka init my-site     新しいサイトを作る
  ./mieruka serve            手元で確認する
  ./mieruka check            間違いがないか調べる
  ./mieruka build            public/ にサイトを作る

LICENSES/ holds the licences of the software linked into this program: the Swift runtime and
Foundation (Apache License 2.0 with Runtime Library Exception; Foundation includes ICU), cmark
(BSD-2-Clause and others), libyaml (MIT), libdeflate (MIT), zlib (zlib licence), the GNU C++ runtime (GPL 3 with
the GCC Runtime Library Exception) and the Swift packages
${packages#, }.
README

mkdir -p "$dist"
# Same bytes for the same binary: files in name order, fixed owner and time.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00:00Z' \
    -C "$scratch/dist" -cf - "$name" | gzip -n -9 >"$dist/$name.tar.gz"
echo "$dist/$name.tar.gz"
