#!/usr/bin/env bash
# A two-node Docker Swarm on two test hosts (network namespaces on this machine), for the swarm backend's tests.
# Each host runs its own dockerd (scripts/remote-engine.sh); the first is the manager, the second a worker.
#
#   scripts/swarm.sh up [IMAGE...]   both engines, the swarm, and the images loaded into both nodes
#   scripts/swarm.sh down            leave the swarm, stop both engines, remove the test hosts and forwarding rules
#   scripts/swarm.sh url             the manager's DOCKER_HOST
#
# Root only. Only these two test hosts are ever targets.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

MANAGER=(lbswarm1 10.252.0)
WORKER=(lbswarm2 10.253.0)
MANAGER_URL="tcp://${MANAGER[1]}.2:2375"
WORKER_URL="tcp://${WORKER[1]}.2:2375"

log() { printf '[swarm] %s\n' "$*" >&2; }
engine() { local name=$1 subnet=$2; shift 2; LBSTACK_TEST_HOST=$name LBSTACK_TEST_SUBNET=$subnet "$here/remote-engine.sh" "$@"; }
state() { DOCKER_HOST=$1 docker info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null || echo unknown; }

# The host's FORWARD policy is DROP once dockerd runs; the two test hosts talk through the host.
forwarding() {
  local action=$1 a b
  a="$(engine "${MANAGER[@]}" interface)"; b="$(engine "${WORKER[@]}" interface)"
  for rule in "-i $a -o $b" "-i $b -o $a"; do
    # shellcheck disable=SC2086
    if [[ $action == add ]]; then
      iptables -w -C DOCKER-USER $rule -j ACCEPT 2>/dev/null || iptables -w -I DOCKER-USER $rule -j ACCEPT
    else
      while iptables -w -D DOCKER-USER $rule -j ACCEPT 2>/dev/null; do :; done
    fi
  done
}

up() {
  local started=$SECONDS
  # Both engines at once: each takes ~15 s to answer, longer when it loads images.
  engine "${MANAGER[@]}" up "$@" & local manager=$!
  engine "${WORKER[@]}" up "$@" & local worker=$!
  wait "$manager" || { log "the manager's engine did not start"; exit 1; }
  wait "$worker" || { log "the worker's engine did not start"; exit 1; }
  sysctl -qw net.ipv4.ip_forward=1
  forwarding add
  if [[ "$(state "$MANAGER_URL")" != active ]]; then
    log "initialising the swarm on ${MANAGER[1]}.2"
    DOCKER_HOST=$MANAGER_URL docker swarm init --advertise-addr "${MANAGER[1]}.2" >/dev/null
  fi
  local ready
  ready="$(DOCKER_HOST=$MANAGER_URL docker node ls --format '{{.Status}}' | grep -c Ready || true)"
  if [[ "$ready" != 2 ]]; then
    [[ "$(state "$WORKER_URL")" == inactive ]] || DOCKER_HOST=$WORKER_URL docker swarm leave -f >/dev/null 2>&1 || true
    # Nodes that left earlier stay listed as down; they would only confuse `docker node ls`.
    DOCKER_HOST=$MANAGER_URL docker node ls --format '{{.ID}} {{.Status}}' | awk '$2 == "Down" {print $1}' |
      xargs -r env DOCKER_HOST="$MANAGER_URL" docker node rm -f >/dev/null
    log "joining ${WORKER[1]}.2 as a worker"
    DOCKER_HOST=$WORKER_URL docker swarm join --token "$(DOCKER_HOST=$MANAGER_URL docker swarm join-token -q worker)" \
      "${MANAGER[1]}.2:2377" >/dev/null
  fi
  for _ in $(seq 1 60); do
    ready="$(DOCKER_HOST=$MANAGER_URL docker node ls --format '{{.Status}}' | grep -c Ready || true)"
    [[ "$ready" == 2 ]] && break
    sleep 0.5
  done
  [[ "$ready" == 2 ]] || { DOCKER_HOST=$MANAGER_URL docker node ls >&2; log "the worker did not become ready"; exit 1; }
  log "swarm of 2 nodes ready in $((SECONDS - started)) s; manager at $MANAGER_URL"
}

down() {
  DOCKER_HOST=$WORKER_URL timeout 20 docker swarm leave -f >/dev/null 2>&1 || true
  DOCKER_HOST=$MANAGER_URL timeout 20 docker swarm leave -f >/dev/null 2>&1 || true
  forwarding del 2>/dev/null || true
  engine "${WORKER[@]}" down
  engine "${MANAGER[@]}" down
  log "swarm removed"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  down) down ;;
  url) echo "$MANAGER_URL" ;;
  *) echo "usage: scripts/swarm.sh up [IMAGE...] | down | url" >&2; exit 2 ;;
esac
