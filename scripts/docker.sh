# Sourced by ./run: makes sure a Docker engine answers and a browser is there, installing and starting what is
# missing (Debian, as root).

lbstack_log() { printf '[run] %s\n' "$*" >&2; }

lbstack_can_apt() { [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; }

# The package lists, read once per ./run however many installs it makes.
lbstack_apt_updated=false
lbstack_apt_update() {
  $lbstack_apt_updated || apt-get update -q >/dev/null
  lbstack_apt_updated=true
}

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
  lbstack_apt_update
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null
}

# Debian's docker-compose (v1), for the benchmark's compose baseline.
lbstack_ensure_compose() {
  command -v docker-compose >/dev/null 2>&1 && return
  lbstack_can_apt || { lbstack_log "the benchmark needs docker-compose; install it and run me again."; exit 1; }
  lbstack_log "installing docker-compose with apt-get"
  lbstack_apt_update
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-compose >/dev/null
}

# The engine's major version, or nothing when dockerd is not installed.
lbstack_engine_major() {
  command -v dockerd >/dev/null 2>&1 || return 0
  dockerd --version | sed -nE 's/^Docker version ([0-9]+)\..*/\1/p'
}

# Debian 12's engine is Docker 20.10, end of life upstream, and it does more work per container than later ones
# (measured here: the same two IT classes took 12% more CPU than on Docker 26). On Debian 12 the engine comes from
# Debian 13, whose docker.io, docker-cli and containerd need nothing newer than Debian 12 has (runc and the rest come
# from Debian 12). The packages are fetched through the machine's own mirrors, its suite names moved on one release,
# in lists of their own: the machine's apt sources stay as they are.
lbstack_engine_from_next_release() (
  dir="$(mktemp -d /tmp/lbstack-apt.XXXXXX)"
  trap 'rm -rf "$dir"' EXIT
  mkdir -p "$dir/sources" "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/debs"
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
    if [[ -f "$f" ]]; then
      sed -E 's/\bbookworm/trixie/g' "$f" >"$dir/sources/$(basename "$f")"
    fi
  done
  apt=(-o Dir::Etc::sourcelist=/dev/null -o "Dir::Etc::sourceparts=$dir/sources" -o "Dir::State::Lists=$dir/lists"
    -o "Dir::Cache=$dir/cache" -o APT::Sandbox::User=root -q)
  apt-get "${apt[@]}" update >/dev/null
  cd "$dir/debs"
  apt-get "${apt[@]}" download docker.io/trixie docker-cli/trixie containerd/trixie >/dev/null
  DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 \
    apt-get install -y -q --no-install-recommends ./*.deb >/dev/null
)

lbstack_ensure_docker() {
  if docker info >/dev/null 2>&1; then
    return
  fi
  local major release upgrade=false missing=()
  major="$(lbstack_engine_major)"
  release="$(. /etc/os-release 2>/dev/null; echo "${VERSION_CODENAME:-}")"
  if [[ "$release" == bookworm && ( -z "$major" || "$major" -lt 26 ) ]]; then
    upgrade=true
  elif [[ -z "$major" ]]; then
    missing+=(docker.io)
  fi
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  if $upgrade || ((${#missing[@]})); then
    if ! lbstack_can_apt; then
      lbstack_log "no Docker engine answers, and this is not a Debian machine where I can run apt-get as root."
      lbstack_log "Install Docker (and debootstrap, for the local images), start it, and run me again."
      exit 1
    fi
    lbstack_apt_update
    if $upgrade; then
      lbstack_log "installing Debian 13's docker.io (Docker 26)${major:+ over Docker $major} with apt-get"
      lbstack_engine_from_next_release
    fi
    if ((${#missing[@]})); then
      lbstack_log "installing ${missing[*]} with apt-get"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
    fi
    if $upgrade || [[ -z "$major" ]]; then
      major="$(lbstack_engine_major)"
      # On a machine with systemd, installing docker.io starts its service.
      docker info >/dev/null 2>&1 && return
    fi
  fi
  lbstack_log "starting dockerd (Docker $major) in the background (log: /var/log/lbstack-dockerd.log)"
  nohup dockerd >/var/log/lbstack-dockerd.log 2>&1 &
  for _ in $(seq 1 150); do
    docker info >/dev/null 2>&1 && return
    sleep 0.2
  done
  tail -20 /var/log/lbstack-dockerd.log >&2
  lbstack_log "dockerd did not answer"
  exit 1
}
