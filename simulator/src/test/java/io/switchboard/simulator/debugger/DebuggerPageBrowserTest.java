package io.switchboard.simulator.debugger;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.simulator.SimulatorApplication;
import io.switchboard.simulator.twiml.FakeTwilioApp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * Drives the debugger page in Debian's headless Chromium: dial, hear the menu, press a key, hear
 * the next prompt. Without Chromium and its driver the test is skipped, loudly.
 */
@SpringBootTest(
    classes = SimulatorApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "switchboard.twilio.account-sid=" + DebuggerPageBrowserTest.ACCOUNT_SID,
      "switchboard.twilio.auth-token=" + DebuggerPageBrowserTest.AUTH_TOKEN
    })
class DebuggerPageBrowserTest {

  static final String ACCOUNT_SID = "ACcccccccccccccccccccccccccccccccc";
  static final String AUTH_TOKEN = "dddddddddddddddddddddddddddddddd";
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  @LocalServerPort int port;
  FakeTwilioApp app;
  WebDriver browser;
  Path profile;

  @BeforeEach
  void openBrowser() throws Exception {
    Assumptions.assumeTrue(
        new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "SKIPPED LOUDLY: the debugger page is NOT tested: install Debian's chromium and"
            + " chromium-driver (apt-get install -y chromium chromium-driver)");
    app = new FakeTwilioApp(AUTH_TOKEN);
    profile = Files.createTempDirectory("debugger-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile);
    // The driver's path is given, so Selenium Manager never goes looking online.
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
    if (profile != null) {
      FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }

  /** Polls the page as a person would look at it; selenium-support is not worth a dependency. */
  private void waitForText(String id, String text) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String seen = "";
    while (System.nanoTime() < deadline) {
      seen = browser.findElement(By.id(id)).getText();
      if (seen.contains(text)) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("#" + id + " never showed '" + text + "'; it shows: " + seen);
  }

  @Test
  void personDialsPressesAKeyAndSeesTheNextPrompt() {
    app.twiml(
            "/voice",
            "<Gather numDigits=\"1\" action=\"/menu\"><Say>Press 1 for sales</Say></Gather>")
        .twiml("/menu", "<Say>Connecting you to sales</Say><Hangup/>");

    browser.get("http://localhost:" + port + "/simulator/");
    browser.findElement(By.id("url")).sendKeys(app.url("/voice"));
    browser.findElement(By.id("dial")).click();

    waitForText("conversation", "Press 1 for sales");
    waitForText("status", "Waiting for keypad");
    browser.findElement(By.cssSelector(".keypad button[data-key='1']")).click();
    waitForText("conversation", "Connecting you to sales");
    waitForText("status", "Call ended: completed");

    assertThat(app.last("/menu").params()).containsEntry("Digits", "1");
    assertThat(browser.findElement(By.id("call-sid")).getText()).startsWith("CA");
    assertThat(browser.findElements(By.cssSelector("#conversation .entry.request details")))
        .isNotEmpty();
  }
}
