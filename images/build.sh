#!/usr/bin/env bash
# Builds the local stand-ins for the official images (haproxy, nginx, redis, mysql, postgres, a JRE, the network-fault
# helper) from Debian packages,
# for machines that cannot pull from a registry. Each image is built only when it is missing.
#
#   images/build.sh            build what is missing
#   images/build.sh --print    print the -D options that point lbstack at these images
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=images/local-images.sh
source "$here/local-images.sh"

if [[ "${1:-}" == "--print" ]]; then
  lbstack_image_options
  exit 0
fi

log() { printf '[images] %s\n' "$*" >&2; }

exists() { docker image inspect "$1" >/dev/null 2>&1; }

build_base() {
  if exists "$LBSTACK_BASE_IMAGE"; then log "$LBSTACK_BASE_IMAGE present, skipped"; return; fi
  command -v debootstrap >/dev/null || { log "debootstrap is missing: apt-get install -y debootstrap"; exit 1; }
  local started=$SECONDS rootfs
  rootfs="$(mktemp -d /tmp/lbstack-rootfs.XXXXXX)"
  trap 'rm -rf "$rootfs"' RETURN
  log "building $LBSTACK_BASE_IMAGE with debootstrap (about a minute)"
  debootstrap --variant=minbase bookworm "$rootfs" >/tmp/lbstack-debootstrap.log 2>&1 \
    || { tail -20 /tmp/lbstack-debootstrap.log >&2; exit 1; }
  # Keep images small: no apt caches, no docs.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["bash"]' - "$LBSTACK_BASE_IMAGE" >/dev/null
  log "$LBSTACK_BASE_IMAGE built in $((SECONDS - started)) s"
}

# A hash of the image's build context, kept as a label, so a changed Dockerfile or entrypoint is rebuilt.
context_hash() { (cd "$here/$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16; }

build_service() {
  local name="$1" tag="$2" started=$SECONDS hash
  hash="$(context_hash "$name")"
  if exists "$tag" && [[ "$(docker image inspect -f '{{index .Config.Labels "lbstack.context"}}' "$tag")" == "$hash" ]]; then
    log "$tag present, skipped"; return
  fi
  log "building $tag"
  docker build -q --force-rm --label "lbstack.context=$hash" --build-arg "BASE_IMAGE=$LBSTACK_BASE_IMAGE" -t "$tag" \
    "$here/$name" >/dev/null
  log "$tag built in $((SECONDS - started)) s"
}

# The JRE 25 stand-in: the Temurin 25 JDK of this machine, copied into the context (too big to keep in the repo).
build_jre25() {
  local jdk="${JAVA25_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}" started=$SECONDS version hash context
  if [[ -z "$jdk" || ! -x "$jdk/bin/java" ]]; then
    log "no Temurin 25 JDK under /usr/lib/jvm (or JAVA25_HOME): $LBSTACK_LOCAL_JRE25 not built"; return
  fi
  version="jdk-$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$jdk/release" | sed 's/-LTS$//')"
  hash="$(context_hash jre25)-$version"
  if exists "$LBSTACK_LOCAL_JRE25" \
    && [[ "$(docker image inspect -f '{{index .Config.Labels "lbstack.context"}}' "$LBSTACK_LOCAL_JRE25")" == "$hash" ]]; then
    log "$LBSTACK_LOCAL_JRE25 present, skipped"; return
  fi
  log "building $LBSTACK_LOCAL_JRE25 from $jdk ($version)"
  context="$(mktemp -d /tmp/lbstack-jre25.XXXXXX)"
  cp "$here/jre25/Dockerfile" "$context/"
  cp -a "$jdk" "$context/jdk"
  rm -rf "$context/jdk/man" "$context/jdk/demo" "$context/jdk/lib/src.zip"
  docker build -q --force-rm --label "lbstack.context=$hash" --build-arg "BASE_IMAGE=$LBSTACK_BASE_IMAGE" \
    --build-arg "JAVA_VERSION=$version" -t "$LBSTACK_LOCAL_JRE25" "$context" >/dev/null || { rm -rf "$context"; exit 1; }
  rm -rf "$context"
  log "$LBSTACK_LOCAL_JRE25 built in $((SECONDS - started)) s"
}

build_base
# The service images need only the base, and one build keeps about one core busy (apt's downloads and dpkg), so they
# are built in three lanes at once, the longest builds first: on 2 cores, from the base alone, 93 and 112 s against
# 141 and 125 s one after the other (interleaved; docs/ci-time.md). A lane that fails fails the script once all end.
lanes=()
(build_service mysql "$LBSTACK_LOCAL_MYSQL"; build_service haproxy "$LBSTACK_LOCAL_HAPROXY"
  build_service netfault "$LBSTACK_LOCAL_NETFAULT") & lanes+=($!)
(build_service postgres "$LBSTACK_LOCAL_POSTGRES"; build_service nginx "$LBSTACK_LOCAL_NGINX"; build_jre25) & lanes+=($!)
(build_service jre "$LBSTACK_LOCAL_JRE"; build_service redis "$LBSTACK_LOCAL_REDIS") & lanes+=($!)
failed=0
for lane in "${lanes[@]}"; do
  wait "$lane" || failed=1
done
if (( failed )); then
  log "an image build failed (its error is above); run images/build.sh again once it is mended"
  exit 1
fi
