# Sourced by ./run: makes sure a Docker engine answers and a browser is there, installing and starting what is
# missing (Debian, as root).

lbstack_log() { printf '[run] %s\n' "$*" >&2; }

lbstack_can_apt() { [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; }

# Headless Chromium and its driver, for the samples' browser test.
lbstack_ensure_chromium() {
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    return
  fi
  if ! lbstack_can_apt; then
    lbstack_log "the browser sample needs chromium and chromium-driver; install them and run me again."
    exit 1
  fi
  lbstack_log "installing chromium and chromium-driver with apt-get"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null
}

# Debian's docker-compose (v1), for the benchmark's compose baseline.
lbstack_ensure_compose() {
  command -v docker-compose >/dev/null 2>&1 && return
  lbstack_can_apt || { lbstack_log "the benchmark needs docker-compose; install it and run me again."; exit 1; }
  lbstack_log "installing docker-compose with apt-get"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-compose >/dev/null
}

lbstack_ensure_docker() {
  if docker info >/dev/null 2>&1; then
    return
  fi
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
    if ! lbstack_can_apt; then
      lbstack_log "no Docker engine answers, and this is not a Debian machine where I can run apt-get as root."
      lbstack_log "Install Docker (and debootstrap, for the local images), start it, and run me again."
      exit 1
    fi
    lbstack_log "installing docker.io and debootstrap with apt-get"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io debootstrap >/dev/null
  fi
  if ! docker info >/dev/null 2>&1; then
    lbstack_log "starting dockerd in the background (log: /var/log/lbstack-dockerd.log)"
    nohup dockerd >/var/log/lbstack-dockerd.log 2>&1 &
    for _ in $(seq 1 150); do
      docker info >/dev/null 2>&1 && break
      sleep 0.2
    done
    docker info >/dev/null 2>&1 || { tail -20 /var/log/lbstack-dockerd.log >&2; lbstack_log "dockerd did not answer"; exit 1; }
  fi
}
