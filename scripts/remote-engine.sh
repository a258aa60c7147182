#!/usr/bin/env bash
# A second Docker engine on a test host of its own (a network namespace on this machine), reached over TCP the way
# a remote engine, GitLab's docker:dind or a bigger build machine is. For the remote-engine tests; root only.
#
#   scripts/remote-engine.sh up [IMAGE...]   start it (unless it answers) and load the images it lacks or has older
#   scripts/remote-engine.sh down            stop it and remove the test host, whatever state it is in
#   scripts/remote-engine.sh url             print its DOCKER_HOST
#
# The engine keeps its data under /var/lib/docker-<name> between runs, so a second `up` loads no image again.
# LBSTACK_TEST_HOST=<name> and LBSTACK_TEST_SUBNET=<a.b.c> make another test host (scripts/swarm.sh makes two):
# the host side is <a.b.c>.1, the engine <a.b.c>.2. LBSTACK_DOCKERD_ARGS adds dockerd flags (such as
# --insecure-registry for scripts/measure-image-transfer.sh).
set -euo pipefail

NS="${LBSTACK_TEST_HOST:-lbremote}"
SUBNET="${LBSTACK_TEST_SUBNET:-10.250.0}"
# Interface names are limited to 15 characters.
HOST_IF="${NS:0:10}-host"
NS_IF="${NS:0:10}-ns"
[[ "$NS" == lbremote ]] && HOST_IF=lbr-host NS_IF=lbr-ns
HOST_IP="$SUBNET.1"
ENGINE_IP="$SUBNET.2"
DATA="/var/lib/docker-$NS"
EXEC="/run/docker-$NS"
LOG="/var/log/dockerd-$NS.log"
URL="tcp://$ENGINE_IP:2375"

log() { printf '[%s] %s\n' "$NS" "$*" >&2; }
answers() { DOCKER_HOST="$URL" timeout 5 docker info >/dev/null 2>&1; }

up() {
  local started=$SECONDS
  if ! answers; then
    down >/dev/null 2>&1 || true
    log "creating test host $NS ($ENGINE_IP) and starting dockerd there"
    ip netns add "$NS"
    ip link add "$HOST_IF" type veth peer name "$NS_IF"
    ip link set "$NS_IF" netns "$NS"
    ip addr add "$HOST_IP/24" dev "$HOST_IF"
    ip link set "$HOST_IF" up
    # nsenter, not `ip netns exec`: the latter remounts /sys, and dockerd then finds no devices cgroup.
    nsenter --net="/var/run/netns/$NS" sh -c "ip addr add $ENGINE_IP/24 dev $NS_IF; ip link set $NS_IF up;
      ip link set lo up; ip route add default via $HOST_IP"
    mkdir -p "$DATA" "$EXEC"
    start_dockerd
    if ! answers && grep -q "panic: .*" "$LOG" && grep -q "reservePools" "$LOG"; then
      # An engine killed while it made a network (a run stopped half-way) can leave a network without an address
      # pool in its store, and dockerd 20.10 then panics at every start. The store holds only the test networks of
      # earlier runs, which nothing needs: it is cleared, and the engine started once more.
      log "dockerd panicked restoring its networks (left from a killed run): clearing its network store, starting again"
      rm -f "$DATA/network/files/local-kv.db"
      start_dockerd
    fi
    answers || { tail -20 "$LOG" >&2; log "the engine did not answer"; exit 1; }
  fi
  local missing=()
  for image in "$@"; do
    # Same tag is not enough: a rebuilt local image has a new id, and the engine must get that one.
    [[ "$(DOCKER_HOST="$URL" docker image inspect -f '{{.Id}}' "$image" 2>/dev/null)" == \
      "$(docker image inspect -f '{{.Id}}' "$image")" ]] || missing+=("$image")
  done
  if ((${#missing[@]})); then
    log "loading ${missing[*]} into it (docker save | docker load)"
    docker save "${missing[@]}" | DOCKER_HOST="$URL" docker load >/dev/null
  fi
  log "engine at $URL ready in $((SECONDS - started)) s"
}

start_dockerd() {
  # --tls=false says out loud that the test host's engine listens without TLS: without it, Docker 26 waits 15 s at
  # each start to show its warning. The engine is reachable only from this machine (a namespace's own address).
  # shellcheck disable=SC2086  # LBSTACK_DOCKERD_ARGS: extra dockerd flags, word-split on purpose
  nsenter --net="/var/run/netns/$NS" nohup dockerd -H "tcp://$ENGINE_IP:2375" -H "unix://$EXEC/docker.sock" \
    --tls=false --data-root "$DATA" --exec-root "$EXEC" --pidfile "$EXEC/dockerd.pid" ${LBSTACK_DOCKERD_ARGS:-} \
    >"$LOG" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do
    answers && return 0
    # A dockerd that exited will not answer later: no need to wait out the loop.
    grep -q '^State:[[:space:]]*[^Z]' "/proc/$pid/status" 2>/dev/null || return 0
    sleep 0.3
  done
}

down() {
  if [[ -f "$EXEC/dockerd.pid" ]]; then
    local pid
    pid="$(cat "$EXEC/dockerd.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  ip link del "$HOST_IF" 2>/dev/null || true
  ip netns del "$NS" 2>/dev/null || true
  log "test host $NS removed"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  down) down ;;
  url) echo "$URL" ;;
  interface) echo "$HOST_IF" ;;
  *) echo "usage: scripts/remote-engine.sh up [IMAGE...] | down | url" >&2; exit 2 ;;
esac
