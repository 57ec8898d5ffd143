#!/usr/bin/env bash
# runtime-images.sh — build the local Docker images the script sandbox
# (execution/sandbox) runs user scripts in, WITHOUT pulling from any image
# registry:
#
#   triggerx/runtime-node:1    node (Debian/nodesource `nodejs` on the host) + the
#                              `typescript` compiler (npm) for TypeScript jobs
#   triggerx/runtime-python:1  python3 (Debian `python3` on the host) + stdlib
#   triggerx/runtime-go:1      the Go toolchain from $GOROOT (default /usr/local/go)
#                              with a pre-warmed build cache in /opt/gocache
#
# How: for each image a minimal root filesystem is assembled in a temp dir from
# binaries already installed on the host (plus every shared library `ldd`
# reports), /bin/sh (dash), a few coreutils (cat head cp sleep ls mkdir rm env chmod id),
# /etc/passwd + /etc/group with the unprivileged user `sandbox` (uid/gid 65534),
# and is then turned into an image with `docker import` (no base image).
#
# TypeScript: node 20 has no type stripping (it arrived behind a flag in 22.6),
# so `typescript` is installed from the npm registry into /opt/typescript and
# /opt/triggerx/ts-run.js transpiles the script in memory
# (ts.transpileModule, no type check) and runs it as CommonJS.
#
# Usage: scripts/runtime-images.sh [--rebuild] [node|python|go ...]
#   Existing images are skipped unless --rebuild. With no names, all three.
# Needs: docker, ldd, and on the host: nodejs + npm, python3, Go (GOROOT).
# Env: GOROOT_SRC (default: `go env GOROOT` or /usr/local/go), TAG (default 1).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TAG="${TAG:-1}"
rebuild=0
targets=()
for a in "$@"; do
  case "$a" in
    --rebuild) rebuild=1 ;;
    node|python|go) targets+=("$a") ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "unknown argument: $a" >&2; exit 2 ;;
  esac
done
[ ${#targets[@]} -eq 0 ] && targets=(node python go)

log() { echo "[runtime-images] $*"; }

# copy_bin ROOT PATH... : copy files (following symlinks) and their shared libs.
copy_with_libs() {
  local root="$1"; shift
  local f lib
  for f in "$@"; do
    mkdir -p "$root$(dirname "$f")"
    cp -L "$f" "$root$f"
    # shellcheck disable=SC2013
    for lib in $(ldd "$f" 2>/dev/null | grep -oE '/[^ ]+' | sort -u); do
      [ -e "$root$lib" ] && continue
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
  done
}

base_rootfs() {
  local root="$1"
  mkdir -p "$root"/{usr/bin,etc,tmp,script,proc,sys,dev,opt/triggerx}
  ln -s usr/bin "$root/bin" # merged /usr, as on Debian 12
  chmod 1777 "$root/tmp"
  copy_with_libs "$root" /bin/dash
  ln -sf dash "$root/bin/sh"
  local u
  for u in cat head cp sleep ls mkdir rm env chmod id; do
    copy_with_libs "$root" "$(command -v "$u")"
  done
  # ld.so cache-less lookup works for /lib/x86_64-linux-gnu via the default paths;
  # copy the dynamic loader config so non-default dirs resolve too.
  [ -d /etc/ld.so.conf.d ] && cp -r /etc/ld.so.conf.d "$root/etc/" && cp /etc/ld.so.conf "$root/etc/" || true
  cat >"$root/etc/passwd" <<'P'
root:x:0:0:root:/root:/usr/sbin/nologin
sandbox:x:65534:65534:sandbox:/tmp:/usr/sbin/nologin
P
  cat >"$root/etc/group" <<'G'
root:x:0:
sandbox:x:65534:
G
  echo "hosts: files" >"$root/etc/nsswitch.conf"
  echo "127.0.0.1 localhost" >"$root/etc/hosts"
  [ -d /etc/ssl/certs ] && mkdir -p "$root/etc/ssl" && cp -rL /etc/ssl/certs "$root/etc/ssl/" 2>/dev/null || true
  cp "$here/runtime-images/run.sh" "$root/opt/triggerx/run.sh"
  chmod 0755 "$root/opt/triggerx/run.sh"
}

import_rootfs() {
  local root="$1" image="$2"
  shift 2
  log "docker import $image ($(du -sh "$root" | cut -f1))"
  tar -C "$root" --numeric-owner --owner=0 --group=0 -c . |
    docker import "$@" \
      -c 'USER 65534:65534' -c 'WORKDIR /tmp' \
      -c 'ENV PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp LANG=C.UTF-8' \
      -c 'CMD ["/bin/sleep","infinity"]' \
      - "$image" >/dev/null
}

build_node() {
  local root="$1"
  copy_with_libs "$root" "$(readlink -f "$(command -v node)")"
  [ "$(readlink -f "$(command -v node)")" = /usr/bin/node ] || ln -sf "$(readlink -f "$(command -v node)")" "$root/usr/bin/node"
  local npmdir; npmdir="$(mktemp -d)"
  log "npm install typescript (npm registry) into /opt/typescript"
  (cd "$npmdir" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent typescript@5 >/dev/null)
  mkdir -p "$root/opt"
  cp -r "$npmdir/node_modules/typescript" "$root/opt/typescript"
  rm -rf "$npmdir"
  cp "$here/runtime-images/ts-run.js" "$root/opt/triggerx/ts-run.js"
}

build_python() {
  local root="$1" py
  py="$(readlink -f /usr/bin/python3)"
  copy_with_libs "$root" "$py"
  ln -sf "$(basename "$py")" "$root/usr/bin/python3"
  local ver; ver="$(basename "$py")"   # python3.11
  mkdir -p "$root/usr/lib"
  log "copy /usr/lib/$ver (stdlib) without tests"
  tar -C /usr/lib --exclude='test' --exclude='__pycache__' --exclude='idlelib' --exclude='tkinter' \
      --exclude='ensurepip' -c "$ver" | tar -C "$root/usr/lib" -x
  local so
  for so in "$root/usr/lib/$ver"/lib-dynload/*.so; do
    copy_with_libs "$root" "${so#"$root"}" 2>/dev/null || true
  done
}

build_go() {
  local root="$1" goroot
  goroot="${GOROOT_SRC:-$(go env GOROOT 2>/dev/null || echo /usr/local/go)}"
  log "copy Go toolchain from $goroot to /usr/local/go (no tests, docs, api)"
  mkdir -p "$root/usr/local/go"
  tar -C "$goroot" --exclude='./test' --exclude='./doc' --exclude='./api' --exclude='./misc' \
      --exclude='testdata' --exclude='*_test.go' --exclude='./pkg/tool/*/race*' -c . | tar -C "$root/usr/local/go" -x
  ln -sf ../local/go/bin/go "$root/usr/bin/go"
  ln -sf ../local/go/bin/gofmt "$root/usr/bin/gofmt"
}

for t in "${targets[@]}"; do
  image="triggerx/runtime-$t:$TAG"
  if [ "$rebuild" = 0 ] && docker image inspect "$image" >/dev/null 2>&1; then
    log "$image exists, skipping (use --rebuild)"
    continue
  fi
  start=$(date +%s)
  root="$(mktemp -d)/rootfs"
  log "building $image in $root"
  base_rootfs "$root"
  "build_$t" "$root"
  cp "$here/runtime-images/gowarm.go" "$root/opt/triggerx/gowarm.go"
  import_rootfs "$root" "$image" -c "LABEL org.triggerx.runtime=$t"
  if [ "$t" = go ]; then
    # Warm /opt/gocache inside the image itself (same GOROOT path as at run
    # time), then commit. Containers copy it to their tmpfs GOCACHE at start.
    log "pre-warm GOCACHE (/opt/gocache) in a build container, then docker commit"
    cid=$(docker create --user 0:0 --network none "$image" /bin/sh -c \
      'mkdir -p /opt/gocache && cd /tmp && env GOCACHE=/opt/gocache HOME=/tmp CGO_ENABLED=0 GOTOOLCHAIN=local GOPROXY=off GOFLAGS=-trimpath go build -o /dev/null /opt/triggerx/gowarm.go && chmod -R a+rX /opt/gocache')
    docker start -a "$cid"
    docker commit -c 'USER 65534:65534' -c 'CMD ["/bin/sleep","infinity"]' "$cid" "$image" >/dev/null
    docker rm "$cid" >/dev/null
  fi
  rm -rf "$(dirname "$root")"
  log "built $image in $(( $(date +%s) - start ))s"
done
