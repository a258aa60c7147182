package io.github.lbstack.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The classic experiment, in a real browser: register, add a task, then reload until the navbar has named every
 * replica, with the task listed each time. Headless Chromium from Debian's packages, driven by Selenium.
 */
@QuickstartStack
class BrowserIT {

  /** Waits for what a submitted form leads to; the bound is for a page that never comes, not a pace. */
  private static WebDriverWait untilLoaded(WebDriver browser) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(1));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  @Test
  void reloadingShowsEveryReplicaAndTheTaskEachTime(RunningStack stack, @TempDir Path profile) {
    WebDriver browser = Chromium.start(profile);
    try {
      browser.get(stack.lbUri() + "/register");
      browser.findElement(By.id("username")).sendKeys(Quickstart.newUsername());
      browser.findElement(By.id("password")).sendKeys(Quickstart.PASSWORD);
      browser.findElement(By.id("register")).click();
      // A click returns before the page it submits has loaded: on a busy machine the old page was still there.
      untilLoaded(browser).until(page -> !page.findElements(By.id("task-name")).isEmpty());
      browser.findElement(By.id("task-name")).sendKeys("buy milk");
      browser.findElement(By.id("add-task")).click();
      untilLoaded(browser).until(page -> page.findElements(By.className("task-name")).stream()
          .anyMatch(task -> task.getText().equals("buy milk")));

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
}
