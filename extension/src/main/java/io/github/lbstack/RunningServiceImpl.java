package io.github.lbstack;

import io.github.lbstack.internal.core.stack.ExtraService;
import java.net.InetSocketAddress;

/** {@link RunningService} over the core's service. */
final class RunningServiceImpl implements RunningService {

  private final ExtraService service;

  RunningServiceImpl(ExtraService service) {
    this.service = service;
  }

  @Override
  public String name() {
    return service.name();
  }

  @Override
  public InetSocketAddress address() {
    return service.address();
  }

  @Override
  public String logs() {
    return service.logs();
  }

  @Override
  public RunningService kill() {
    service.kill();
    return this;
  }

  @Override
  public RunningService stop() {
    service.stop();
    return this;
  }

  @Override
  public RunningService start() {
    service.start();
    return this;
  }

  @Override
  public RunningService restart() {
    service.restart();
    return this;
  }

  @Override
  public RunningService pause() {
    service.pause();
    return this;
  }

  @Override
  public RunningService unpause() {
    service.unpause();
    return this;
  }

  @Override
  public RunningService disconnect() {
    service.disconnect();
    return this;
  }

  @Override
  public RunningService reconnect() {
    service.reconnect();
    return this;
  }

  @Override
  public String toString() {
    return "service " + service.name();
  }
}
