package io.github.lbstack.samples;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.LoadBalancedStack;
import io.github.lbstack.StackLabels;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** The stack-up command, as a person runs it: it starts, answers, and on Ctrl-C (SIGTERM) leaves nothing behind. */
class StackUpIT {

  private static final Pattern UP = Pattern.compile("Quickstart stack (\\w+) is up");
  private static final Pattern URL = Pattern.compile("Open in a browser: (\\S+)");

  @Test
  void startsAnswersAndCleansUpOnInterrupt() throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dreplicas=2"));
    for (String key : List.of(LoadBalancedStack.HAPROXY_IMAGE_PROPERTY, LoadBalancedStack.MYSQL_IMAGE_PROPERTY,
        LoadBalancedStack.REDIS_IMAGE_PROPERTY, LoadBalancedStack.JRE_IMAGE_PROPERTY)) {
      if (System.getProperty(key) != null) {
        command.add("-D" + key + "=" + System.getProperty(key));
      }
    }
    command.add(StackUp.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    String stackId = null;
    String url = null;
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null && url == null; line = lines.readLine()) {
        output.add(line);
        Matcher up = UP.matcher(line);
        if (up.find()) {
          stackId = up.group(1);
        }
        Matcher matcher = URL.matcher(line);
        if (matcher.find()) {
          url = matcher.group(1);
        }
      }
      assertThat(url).as("the lb URL in the output:%n%s", String.join("\n", output)).isNotNull();

      java.util.Set<String> servedBy = new java.util.HashSet<>();
      for (int i = 0; i < 4; i++) {
        servedBy.add(given().baseUri(url).get("login").then().statusCode(200).extract().header("X-App-Hostname"));
      }
      assertThat(servedBy).containsExactlyInAnyOrder("web-1", "web-2");
    } finally {
      process.destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stack-up exits on SIGTERM").isTrue();
    }
    String id = stackId;
    assertThat(DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(StackLabels.STACK, id)).exec()).as("containers of stack %s", id).isEmpty();
    assertThat(DockerClientFactory.instance().client().listNetworksCmd().exec())
        .noneMatch(network -> id.equals(network.getLabels().get(StackLabels.STACK)));
  }
}
