package io.switchboard.voice.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowValidatorTest {

  @Test
  void theSupportFlowIsValid() {
    assertThat(FlowValidator.validate(Flows.parse(Flows.SUPPORT))).isEmpty();
  }

  @Test
  void unknownNodesAndStartAreNamed() {
    Flow flow =
        Flows.parse(
            "{'name':'x','start':'nope','nodes':[{'id':'a','type':'say','say':'hi','next':'b'}]}");

    assertThat(FlowValidator.validate(flow))
        .contains("start 'nope' is an unknown node", "node 'a' goes to unknown node 'b'");
  }

  @Test
  void unreachableNodesAreNamed() {
    Flow flow =
        Flows.parse(
            "{'name':'x','start':'a','nodes':[{'id':'a','type':'hangup'},"
                + "{'id':'b','type':'say','say':'lost'}]}");

    assertThat(FlowValidator.validate(flow))
        .containsExactly("node 'b' is unreachable from start 'a'");
  }

  @Test
  void loopsWithoutInputAreRefusedButLoopsThroughAMenuAreFine() {
    Flow spin =
        Flows.parse(
            "{'name':'x','start':'a','nodes':[{'id':'a','type':'say','say':'a','next':'b'},"
                + "{'id':'b','type':'set','set':{'k':'v'},'next':'a'}]}");
    Flow menu =
        Flows.parse(
            "{'name':'x','start':'a','nodes':[{'id':'a','type':'say','say':'a','next':'m'},"
                + "{'id':'m','type':'menu','say':'again?','routes':{'1':'a'}}]}");

    assertThat(FlowValidator.validate(spin))
        .containsExactly("nodes a -> b -> a loop without waiting for caller input");
    assertThat(FlowValidator.validate(menu)).isEmpty();
  }

  @Test
  void missingPromptsAndFieldsAreNamed() {
    Flow flow =
        Flows.parse(
            "{'name':'x','start':'m','nodes':[{'id':'m','type':'menu','routes':{'1':'v'}},"
                + "{'id':'v','type':'voicemail','next':'d'},{'id':'d','type':'dial','next':'h'},"
                + "{'id':'h','type':'hours','timeZone':'Mars/Base','weekly':{'mon':'9-5'},"
                + "'open':'m','closed':'m'}]}");

    assertThat(FlowValidator.validate(flow))
        .contains(
            "node 'm' needs a prompt ('say' or 'play')",
            "node 'v' needs a prompt ('say')",
            "node 'd' needs a 'number'",
            "node 'h' has an unknown time zone 'Mars/Base'",
            "node 'h' has a bad range on mon: 9-5");
  }

  @Test
  void badAndDuplicateIdsAreRefused() {
    Flow flow =
        Flows.parse(
            "{'name':'x','start':'a','nodes':[{'id':'a','type':'hangup'},"
                + "{'id':'a','type':'hangup'},{'id':'a/b','type':'hangup'}]}");

    assertThat(FlowValidator.validate(flow))
        .contains(
            "node 'a' is defined twice", "node id 'a/b' must be 1-64 letters, digits, - or _");
  }

  @Test
  void theContactFlowWithDecisionsQueuesConferencesAndConsentIsValid() {
    assertThat(FlowValidator.validate(Flows.parse(Flows.CONTACT))).isEmpty();
  }

  @Test
  void newNodeTypesSayWhatTheyMiss() {
    Flow flow =
        Flows.parse(
            "{'name':'x','start':'d','nodes':["
                + "{'id':'d','type':'decide','url':'ftp://x','timeout':5000,'next':'r'},"
                + "{'id':'r','type':'route','escalateAfter':30,'priority':101,'next':'c'},"
                + "{'id':'c','type':'conference','priority':5,'next':'k'},"
                + "{'id':'k','type':'consent','next':'p'},"
                + "{'id':'p','type':'dial','number':'tel:12'}]}");

    assertThat(FlowValidator.validate(flow))
        .containsExactly(
            "node 'd' needs an http(s) 'url'",
            "node 'd' needs 'routes'",
            "node 'd' needs a 'fallback'",
            "node 'd' needs a 'timeout' of 1-1500 ms (Twilio waits for the turn)",
            "node 'r' needs 'skills' (a list, may be empty)",
            "node 'r' needs an 'escalate' target with 'escalateAfter'",
            "node 'r' needs a 'priority' of 0-100",
            "node 'c' has a 'priority', which only a route node's callers have",
            "node 'c' needs a 'room'",
            "node 'k' needs a prompt ('say')",
            "node 'p' needs a number, 'sip:' or 'client:' target");
  }

  @Test
  void sipAndClientTargetsCanBeDialled() {
    for (String target : new String[] {"+15005550006", "sip:a@pbx.example.com", "client:bob"}) {
      Flow flow =
          Flows.parse(
              "{'name':'x','start':'p','nodes':[{'id':'p','type':'dial','number':'"
                  + target
                  + "'}]}");
      assertThat(FlowValidator.validate(flow)).as(target).isEmpty();
    }
  }

  @Test
  void aCallbackOfferIsValidatedOnThePublishedRouteNode() {
    Flow good =
        Flows.parse(
            "{'name':'x','start':'q','nodes':[{'id':'q','type':'route','skills':[],"
                + "'callback':{'digit':'*','prompt':'Press star.','confirmPrompt':'Bye.'}}]}");
    Flow bad =
        Flows.parse(
            "{'name':'x','start':'q','nodes':[{'id':'q','type':'route','skills':[],'next':'s',"
                + "'callback':{'digit':'12','attempts':9,'spacing':5}},"
                + "{'id':'s','type':'say','say':'hi','callback':{'digit':'1'}}]}");

    assertThat(FlowValidator.validate(good)).isEmpty();
    assertThat(FlowValidator.validate(bad))
        .containsExactly(
            "node 'q' callback needs a 'digit': one key of 0-9, * or #",
            "node 'q' callback needs a 'prompt' (the offer the waiting caller hears)",
            "node 'q' callback needs a 'confirmPrompt' (said before the call ends)",
            "node 'q' callback 'attempts' must be 1-5, not 9",
            "node 'q' callback 'spacing' must be 30-3600, not 5",
            "node 's' has a 'callback', which only a route node can offer");
  }
}
