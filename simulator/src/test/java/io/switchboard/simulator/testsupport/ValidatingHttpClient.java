package io.switchboard.simulator.testsupport;

import com.twilio.http.Request;
import com.twilio.http.Response;
import io.switchboard.simulator.client.SimulatorHttpClient;
import org.apache.hc.client5.http.config.RequestConfig;

/**
 * The rewriting client, checking every answer against Twilio's OpenAPI documents on the way: no
 * test can receive a shape Twilio does not document.
 */
public class ValidatingHttpClient extends SimulatorHttpClient {

  public ValidatingHttpClient(String baseUrl) {
    super(baseUrl);
  }

  public ValidatingHttpClient(String baseUrl, RequestConfig config) {
    super(baseUrl, config);
  }

  @Override
  public Response makeRequest(Request request) {
    Response response = super.makeRequest(request);
    String body = response.getContent();
    OpenApiContract.assertValidResponse(
        request.getMethod().toString(), request.getUrl(), response.getStatusCode(), body);
    return new Response(body, response.getStatusCode(), response.getHeaders());
  }
}
