#!/usr/bin/env bash
# How a web image built on one engine is best handed to another (a swarm node): `docker save | docker load`
# through the two engines' APIs, which lbstack's swarm backend does, against a registry on the host that the
# other engine pulls from (Debian's docker-registry). Measured for a first image, whose base layers the other
# engine already has, and for a second version of it that differs in one small layer, as after a rebuild.
#
#   scripts/measure-image-transfer.sh IMAGE     an image on the local engine, such as lbstack-web:jar-<hash>
#
# Root only; it makes its own test host (lbmeasure, 10.254.0.2) and registry (10.254.0.1:5000) and removes both.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
image="$1"
export LBSTACK_TEST_HOST=lbmeasure LBSTACK_TEST_SUBNET=10.254.0
registry=10.254.0.1:5000
data="$(mktemp -d)"
log() { printf '[measure] %s\n' "$*" >&2; }
cleanup() {
  [[ -n "${registry_pid:-}" ]] && kill "$registry_pid" 2>/dev/null || true
  "$here/remote-engine.sh" down >/dev/null 2>&1 || true
  rm -rf "$data" "/var/lib/docker-$LBSTACK_TEST_HOST"
  docker rmi "localhost:5000/measure:1" "localhost:5000/measure:2" "measure:2" >/dev/null 2>&1 || true
}
trap cleanup EXIT
seconds() { local start=$1; echo "scale=2; ($(date +%s%N) - start) / 1000000000" | sed "s/start/$start/" | bc; }

base="$(docker image inspect -f '{{index .Config.Labels "lbstack.base"}}' "$image" 2>/dev/null || true)"
base="${base:-$(source "$here/../images/local-images.sh"; echo "$LBSTACK_LOCAL_JRE")}"
LBSTACK_DOCKERD_ARGS="--insecure-registry $registry" "$here/remote-engine.sh" up "$base"
url="$("$here/remote-engine.sh" url)"
printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: 0.0.0.0:5000\n' "$data" \
  >"$data/config.yml"
docker-registry serve "$data/config.yml" >"$data/registry.log" 2>&1 & registry_pid=$!
for _ in $(seq 1 50); do curl -fs "http://localhost:5000/v2/" >/dev/null && break; sleep 0.2; done

# A second version: the same image with one small layer more, as a rebuilt jar would give.
printf 'FROM %s\nRUN echo rebuilt > /rebuilt.txt\n' "$image" | docker build -q -t measure:2 - >/dev/null

# Per version: the registry way first, then the image is removed from the engine again (layers it had before
# stay) and the save|load way brings it back, so both start from the same state.
for version in 1 2; do
  source_image=$([[ $version == 1 ]] && echo "$image" || echo measure:2)
  docker tag "$source_image" "localhost:5000/measure:$version"
  start=$(date +%s%N)
  docker push -q "localhost:5000/measure:$version" >/dev/null
  push=$(seconds "$start")
  start=$(date +%s%N)
  DOCKER_HOST=$url docker pull -q "$registry/measure:$version" >/dev/null
  pull=$(seconds "$start")
  DOCKER_HOST=$url docker rmi "$registry/measure:$version" >/dev/null
  start=$(date +%s%N)
  docker save "$source_image" | DOCKER_HOST=$url docker load >/dev/null
  load=$(seconds "$start")
  size=$(docker image inspect -f '{{.Size}}' "$source_image")
  log "version $version ($((size / 1024 / 1024)) MB image): save|load ${load} s; registry push ${push} s + pull ${pull} s"
done
