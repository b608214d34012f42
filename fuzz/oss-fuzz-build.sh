#!/bin/bash -eu
# Builds the fuzz targets the way OSS-Fuzz and ClusterFuzzLite run a project's build.sh: plain
# compiler commands, no CMake.
#
#   $CXX, $CXXFLAGS        the compiler and the sanitizer / coverage flags the platform chose
#   $LIB_FUZZING_ENGINE    the fuzzing engine to link (-fsanitize=fuzzer for libFuzzer)
#   $OUT                   where the binaries, <target>_seed_corpus.zip, <target>.dict and
#                          <target>.options go
#   $WORK                  scratch space for the objects
#   $BOOST_INCLUDEDIR      optional: where the Boost >= 1.81 headers are, when not on the
#                          default include path (the project needs Spirit X3 from Boost 1.81+)
#
# Run locally, e.g.:
#   CXX=clang++ CXXFLAGS="-fsanitize=address,fuzzer-no-link -O1 -g" \
#   LIB_FUZZING_ENGINE=-fsanitize=fuzzer OUT=/tmp/out WORK=/tmp/work fuzz/oss-fuzz-build.sh
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${CXX:=clang++}"
: "${CXXFLAGS:=}"
: "${LIB_FUZZING_ENGINE:=-fsanitize=fuzzer}"
: "${OUT:=$root/build/oss-fuzz/out}"
: "${WORK:=$root/build/oss-fuzz/work}"
mkdir -p "$OUT" "$WORK"

targets=(command authenticate greeting response response_sequence command_ast response_ast
    framer framer_split session)

read -r -a cxxflags <<<"$CXXFLAGS"
read -r -a engine <<<"$LIB_FUZZING_ENGINE"
common=(-std=c++20 -DIMAPWIRE_SEPARATE_COMPILATION -I"$root/include")
if [[ -n "${BOOST_INCLUDEDIR:-}" ]]; then
    common+=(-isystem "$BOOST_INCLUDEDIR")
fi

# The library: the grammar and serializer units, compiled once.
objects=()
for src in "$root"/src/*.cpp; do
    obj="$WORK/imapwire-$(basename "${src%.cpp}").o"
    echo "compiling $src"
    "$CXX" "${cxxflags[@]}" "${common[@]}" -c "$src" -o "$obj"
    objects+=("$obj")
done
rm -f "$WORK/libimapwire.a"
ar rcs "$WORK/libimapwire.a" "${objects[@]}"

# The dumps of values in failure reports, shared by the targets.
"$CXX" "${cxxflags[@]}" "${common[@]}" -I"$root/fuzz" -I"$root/tests" \
    -c "$root/fuzz/describe.cpp" -o "$WORK/fuzz-describe.o"

# One binary per target, with its seed corpus, dictionary and options.
for t in "${targets[@]}"; do
    name="fuzz_$t"
    echo "building $name"
    "$CXX" "${cxxflags[@]}" "${common[@]}" -I"$root/fuzz" -I"$root/tests" \
        "$root/fuzz/$name.cpp" -o "$OUT/$name" "$WORK/fuzz-describe.o" "$WORK/libimapwire.a" \
        "${engine[@]}"

    rm -f "$OUT/${name}_seed_corpus.zip"
    if command -v zip >/dev/null 2>&1; then
        (cd "$root/fuzz/corpus/$t" && zip -q -j "$OUT/${name}_seed_corpus.zip" ./*)
    else
        python3 - "$root/fuzz/corpus/$t" "$OUT/${name}_seed_corpus.zip" <<'EOF'
import os, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for f in sorted(os.listdir(src)):
        z.write(os.path.join(src, f), f)
EOF
    fi
    cp "$root/fuzz/imap.dict" "$OUT/$name.dict"
    max_len=8192
    [[ $t == framer* ]] && max_len=16384
    printf '[libfuzzer]\nmax_len = %d\nentropic = 0\n' "$max_len" >"$OUT/$name.options"
done
echo "fuzz targets in $OUT"
