package io.github.lbstack.samples;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium from Debian's packages, driven by Selenium, for the sample tests that look at pages. */
final class Chromium {

  private static final String CHROMIUM = System.getProperty("samples.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getProperty("samples.chromedriver", "/usr/bin/chromedriver");

  private Chromium() {}

  static WebDriver start(Path profile) {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      throw new IllegalStateException("This test needs Chromium at " + CHROMIUM + " and ChromeDriver at "
          + CHROMEDRIVER + ": install them (apt-get install chromium chromium-driver; ./run does), or point "
          + "-Dsamples.chromium and -Dsamples.chromedriver at yours.");
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
