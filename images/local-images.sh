# Names of the locally built images. Sourced by build.sh and the run scripts; the names say "local" on purpose,
# so nobody mistakes them for the official images they stand in for.
LBSTACK_BASE_IMAGE="lbstack-local/debian:bookworm"
LBSTACK_LOCAL_HAPROXY="lbstack-local/haproxy:2.6-bookworm"
LBSTACK_LOCAL_NGINX="lbstack-local/nginx:1.22-bookworm"
LBSTACK_LOCAL_REDIS="lbstack-local/redis:7.0-bookworm"
LBSTACK_LOCAL_MYSQL="lbstack-local/mariadb-as-mysql:10.11-bookworm"
LBSTACK_LOCAL_POSTGRES="lbstack-local/postgres:15-bookworm"
LBSTACK_LOCAL_JRE="lbstack-local/jre:17-bookworm"
LBSTACK_LOCAL_NETFAULT="lbstack-local/netshoot:bookworm"
# A JRE 25 for the Java 25 AOT cache, from the Temurin 25 JDK under /usr/lib/jvm when there is one (not a default).
LBSTACK_LOCAL_JRE25="lbstack-local/jre:25-bookworm"

# The JUnit configuration parameters (read from -D system properties too) that select these images.
lbstack_image_options() {
  printf '%s ' \
    "-Dlbstack.image.haproxy=$LBSTACK_LOCAL_HAPROXY" \
    "-Dlbstack.image.nginx=$LBSTACK_LOCAL_NGINX" \
    "-Dlbstack.image.redis=$LBSTACK_LOCAL_REDIS" \
    "-Dlbstack.image.mysql=$LBSTACK_LOCAL_MYSQL" \
    "-Dlbstack.image.postgres=$LBSTACK_LOCAL_POSTGRES" \
    "-Dlbstack.image.jre=$LBSTACK_LOCAL_JRE" \
    "-Dlbstack.image.netfault=$LBSTACK_LOCAL_NETFAULT"
  if docker image inspect "$LBSTACK_LOCAL_JRE25" >/dev/null 2>&1; then
    printf '%s ' "-Dit.jre25.image=$LBSTACK_LOCAL_JRE25"
  fi
  echo
}
