package io.github.lbstack.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The classic experiment, in a real browser: register, add a task, then reload until the navbar has named every
 * replica, with the task listed each time. Headless Chromium from Debian's packages, driven by Selenium.
 */
@QuickstartStack
class BrowserIT {

  private static final String CHROMIUM = System.getProperty("samples.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getProperty("samples.chromedriver", "/usr/bin/chromedriver");

  @Test
  void reloadingShowsEveryReplicaAndTheTaskEachTime(RunningStack stack, @TempDir Path profile) {
    WebDriver browser = chromium(profile);
    try {
      browser.get(stack.lbUri() + "/register");
      browser.findElement(By.id("username")).sendKeys(Quickstart.newUsername());
      browser.findElement(By.id("password")).sendKeys(Quickstart.PASSWORD);
      browser.findElement(By.id("register")).click();
      browser.findElement(By.id("task-name")).sendKeys("buy milk");
      browser.findElement(By.id("add-task")).click();

      Set<String> seen = new LinkedHashSet<>();
      List<String> expected = stack.replicas().stream().map(Replica::hostname).toList();
      for (int reload = 0; reload < 10 * expected.size() && !seen.containsAll(expected); reload++) {
        browser.navigate().refresh();
        String servedBy = browser.findElement(By.id("served-by")).getText();
        List<String> tasks = browser.findElements(By.className("task-name")).stream().map(e -> e.getText()).toList();
        assertThat(tasks).as("tasks on the page served by %s", servedBy).containsExactly("buy milk");
        seen.add(servedBy);
      }
      assertThat(seen).as("hostnames the navbar showed").containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      browser.quit();
    }
  }

  private static WebDriver chromium(Path profile) {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      throw new IllegalStateException("BrowserIT needs Chromium at " + CHROMIUM + " and ChromeDriver at " + CHROMEDRIVER
          + ": install them (apt-get install chromium chromium-driver; ./run does), or point -Dsamples.chromium and "
          + "-Dsamples.chromedriver at yours.");
    }
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        // Without these, Chromium keeps calling home, which a closed network refuses many times a second.
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile.toAbsolutePath());
    // An explicit driver: Selenium Manager would try to download one.
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
        .build();
    return new ChromeDriver(service, options);
  }
}
