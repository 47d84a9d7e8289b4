package io.switchboard.voice.flow;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Flow documents for tests, written as operators write them (single quotes for readability). */
public final class Flows {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Flows() {}

  public static Flow parse(String json) {
    try {
      return JSON.readValue(json.replace('\'', '"'), Flow.class);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A three-level menu with a no-input path to voicemail, opening hours and a transfer. */
  public static final String SUPPORT =
      """
      {'name':'support','version':1,'start':'hours','nodes':[
       {'id':'hours','type':'hours','timeZone':'Europe/Berlin',
        'weekly':{'mon':'09:00-17:00','tue':'09:00-17:00','wed':'09:00-17:00',
                  'thu':'09:00-17:00','fri':'09:00-12:00,13:00-17:00'},
        'holidays':['2026-12-25'],'open':'welcome','closed':'closed'},
       {'id':'closed','type':'say','say':'We are closed.','next':'voicemail'},
       {'id':'welcome','type':'say','say':'Welcome to support.','next':'main'},
       {'id':'main','type':'menu','say':'Press 1 for sales, 2 for help.','retries':1,
        'routes':{'1':'sales','2':'help'},'invalid':'Sorry, that is not an option.',
        'noInput':'voicemail','numDigits':1,'timeout':5},
       {'id':'sales','type':'menu','say':'Press 1 for new orders, 2 for returns.',
        'routes':{'1':'orders','2':'returns'},'numDigits':1},
       {'id':'orders','type':'menu','say':'Press 1 to talk to us, 2 to hear our address.',
        'routes':{'1':'transfer','2':'address'},'numDigits':1},
       {'id':'address','type':'say','say':'We are at 1 Main Street.','next':'bye'},
       {'id':'returns','type':'set','set':{'topic':'returns'},'next':'transfer'},
       {'id':'help','type':'gather','say':'Enter your account number.','variable':'account',
        'next':'thanks'},
       {'id':'thanks','type':'say','say':'Thanks, account {{account}}.','next':'bye'},
       {'id':'transfer','type':'dial','number':'+15005550006','timeout':20,'next':'bye'},
       {'id':'voicemail','type':'voicemail','say':'Leave a message after the tone.',
        'maxLength':60,'next':'bye'},
       {'id':'bye','type':'hangup','say':'Goodbye.'}]}
      """;

  /** Consent, an external decision, a conference, agents with a queue and escalation. */
  public static final String CONTACT =
      """
      {'name':'contact','version':1,'start':'consent','nodes':[
       {'id':'consent','type':'consent','say':'Press 1 to allow recording.','next':'decide',
        'noInput':'decide'},
       {'id':'decide','type':'decide','url':'http://router.test/route','timeout':500,
        'routes':{'vip':'vip','sales':'sales'},'fallback':'support'},
       {'id':'vip','type':'conference','room':'vip-room','next':'bye'},
       {'id':'sales','type':'route','skills':['sales'],'queue':'sales',
        'play':'https://example.com/hold.mp3','escalateAfter':60,'escalate':'support','next':'bye'},
       {'id':'support','type':'route','skills':[],'next':'bye'},
       {'id':'bye','type':'hangup','say':'Goodbye.'}]}
      """;
}
