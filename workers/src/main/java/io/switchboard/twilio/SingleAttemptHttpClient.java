package io.switchboard.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.util.function.Supplier;

/**
 * Makes each Twilio request exactly once. twilio-java's own {@code reliableRequest} repeats a
 * request that got a 5xx or no answer, which for a message create may send it twice; retries belong
 * to Temporal, whose send activity reconciles with Twilio before trying again. The delegate is made
 * on first use, so that the simulator's address can be resolved once the server listens.
 */
class SingleAttemptHttpClient extends HttpClient {

  private final Supplier<HttpClient> factory;
  private volatile HttpClient delegate;

  SingleAttemptHttpClient(Supplier<HttpClient> factory) {
    this.factory = factory;
  }

  @Override
  public Response reliableRequest(Request request) {
    return makeRequest(request);
  }

  @Override
  public Response reliableRequest(Request request, int[] retryCodes, int retries, long delay) {
    return makeRequest(request);
  }

  @Override
  public Response makeRequest(Request request) {
    return delegate().makeRequest(request);
  }

  private HttpClient delegate() {
    HttpClient client = delegate;
    if (client == null) {
      synchronized (this) {
        if (delegate == null) {
          delegate = factory.get();
        }
        client = delegate;
      }
    }
    return client;
  }
}
