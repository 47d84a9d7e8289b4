package io.switchboard.bench;

/** One kind of request the open loop sends; each call makes a new, independent request. */
enum Scenario {
  /** A GET on the simulator's status endpoint: same server, no database, no Temporal. */
  BARE {
    @Override
    Call request(Target target, long sequence) {
      return Call.get("/simulator/api/status");
    }
  },
  /** A call status callback for a call nobody knows: signature, inbox commit, 200. */
  ASYNC {
    @Override
    Call request(Target target, long sequence) {
      java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
      params.put("AccountSid", target.accountSid());
      params.put("CallSid", "CA" + Requests.uuid());
      params.put("CallStatus", "completed");
      params.put("SequenceNumber", "1");
      params.put("CallDuration", "12");
      return Requests.signed(target, "/webhooks/status", params);
    }
  },
  /** A new inbound call: signature, inbox, update-with-start, TwiML from the workflow. */
  VOICE {
    @Override
    Call request(Target target, long sequence) {
      return Requests.newCall(target, "CA" + Requests.uuid(), sequence);
    }

    @Override
    boolean answered(Reply response) {
      return fromSession(response);
    }
  },
  /**
   * A key pressed in the demo menu of a session the bench opened: signature, inbox, an Update on
   * the running session, TwiML. Turns go round the open sessions, so each session has one turn at a
   * time as long as turns take less than (sessions / rate) seconds.
   */
  GATHER {
    @Override
    Call request(Target target, long sequence) {
      var sessions = target.sessions();
      return Requests.menuKey(target, sessions.get((int) (sequence % sessions.size())));
    }

    @Override
    boolean answered(Reply response) {
      return fromSession(response);
    }
  },
  /**
   * An outbound SMS through the REST API: validation, the messages row, a workflow start, 202. Each
   * goes to a new handset ({@link #sendTo}) from one of 100 toll-free senders, so that senders'
   * rate gates are spread as in production. Uses the run's admin API key.
   */
  SEND {
    @Override
    Call request(Target target, long sequence) {
      return Requests.sendMessage(
          target, String.format("+1888555%04d", sequence % 100), sendTo(sequence), "Bench");
    }
  },
  /**
   * {@code POST /api/calls/initiate} with a new key each time: validation, the row, the workflow
   * start; 202. The calls themselves then wait their turn at the account's CPS.
   */
  INITIATE {
    @Override
    Call request(Target target, long sequence) {
      return Requests.initiateCall(
          target, "+15005550006", String.format("+1555%07d", sequence % 10_000_000));
    }
  };

  abstract Call request(Target target, long sequence);

  /** Whether the server did what was asked; a voice answer must also come from the session. */
  boolean answered(Reply response) {
    return response.status() < 400;
  }

  /** The handset a SEND request goes to: unique per sequence, so creations can be matched. */
  static String sendTo(long sequence) {
    // 415-2xx: a valid US exchange for every sequence, as libphonenumber checks it.
    return String.format("+14152%06d", sequence % 1_000_000);
  }

  private static boolean fromSession(Reply response) {
    return response.status() == 200 && !response.body().contains(Requests.FALLBACK_MARK);
  }
}
