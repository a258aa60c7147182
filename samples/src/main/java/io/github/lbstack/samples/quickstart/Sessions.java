package io.github.lbstack.samples.quickstart;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.SetParams;

/**
 * Sessions in Redis: a random cookie value maps to {@code session:<id>} holding the user id, with a sliding TTL.
 * Any replica can read any session, which is what lets a login on one replica count on all of them.
 */
final class Sessions {

  static final String COOKIE = "QUICKSTART_SESSION";
  static final int TTL_SECONDS = 1800;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JedisPooled redis;

  Sessions(JedisPooled redis) {
    this.redis = redis;
  }

  String create(long userId) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    redis.set(key(id), String.valueOf(userId), SetParams.setParams().ex(TTL_SECONDS));
    return id;
  }

  /** The user of a live session, refreshing its TTL. */
  Optional<Long> user(String id) {
    if (id == null || !id.matches("[0-9a-f]{48}")) {
      return Optional.empty();
    }
    String userId = redis.getEx(key(id), GetExParams.getExParams().ex(TTL_SECONDS));
    return Optional.ofNullable(userId).map(Long::valueOf);
  }

  void delete(String id) {
    if (id != null) {
      redis.del(key(id));
    }
  }

  private static String key(String id) {
    return "session:" + id;
  }
}
