package io.switchboard.simulator.debugger;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the debugger page at {@code /simulator/}. The page itself is a static resource; Spring's
 * welcome-page support covers only the root, so the directory URL is forwarded here, and the bare
 * {@code /simulator} redirected so that the page's relative API paths resolve.
 */
@Controller
class DebuggerPageController {

  @GetMapping("/simulator")
  String withoutSlash() {
    return "redirect:/simulator/";
  }

  @GetMapping("/simulator/")
  String page() {
    return "forward:/simulator/index.html";
  }
}
