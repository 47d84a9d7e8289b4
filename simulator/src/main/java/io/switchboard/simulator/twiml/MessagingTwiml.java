package io.switchboard.simulator.twiml;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Reads the TwiML an application answers to an inbound message: each {@code <Message>} (its text,
 * or its {@code <Body>} and {@code <Media>} nouns, and its {@code to}/{@code from}), and a final
 * {@code <Redirect>} to follow. An empty body is a valid "no reply".
 */
public final class MessagingTwiml {

  /** One message Twilio would send back. */
  public record Reply(String body, List<String> mediaUrls, String to, String from) {}

  /**
   * What the document says.
   *
   * @param replies the messages, in order
   * @param redirectUrl where a {@code <Redirect>} points (resolved), else null
   * @param redirectMethod its method (POST by default)
   * @param errorCode 12100/12102 when the body is not TwiML, else null
   * @param error the parse error, else null
   */
  public record Parsed(
      List<Reply> replies,
      String redirectUrl,
      String redirectMethod,
      Integer errorCode,
      String error) {}

  private MessagingTwiml() {}

  public static Parsed parse(String documentUrl, String body) {
    if (body == null || body.isBlank()) {
      return new Parsed(List.of(), null, null, null, null);
    }
    try {
      List<Reply> replies = new ArrayList<>();
      for (Element verb : TwimlParser.verbs(body.strip())) {
        if (verb.getTagName().equals("Message")) {
          replies.add(reply(verb));
        } else if (verb.getTagName().equals("Redirect")) {
          // TwiML SMS Redirect: "All verbs after Redirect are unreachable and ignored."
          String url = TwimlUrls.resolve(documentUrl, Attributes.body(verb));
          return new Parsed(
              replies, url, TwimlUrls.method(verb.getAttribute("method"), "POST"), null, null);
        }
      }
      return new Parsed(replies, null, null, null, null);
    } catch (TwimlFailure failure) {
      return new Parsed(List.of(), null, null, failure.errorCode(), failure.getMessage());
    }
  }

  private static Reply reply(Element message) {
    List<Element> nouns = TwimlParser.children(message);
    String body = Attributes.body(message);
    List<String> media = new ArrayList<>();
    if (!nouns.isEmpty()) {
      body = "";
      for (Element noun : nouns) {
        if (noun.getTagName().equals("Body")) {
          body = Attributes.body(noun);
        } else if (noun.getTagName().equals("Media")) {
          media.add(Attributes.body(noun));
        }
      }
    }
    return new Reply(
        body, media, Attributes.optional(message, "to"), Attributes.optional(message, "from"));
  }
}
