package io.switchboard.simulator.testsupport;

import com.twilio.http.Request;
import com.twilio.http.Response;
import io.switchboard.simulator.client.SimulatorHttpClient;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.io.SocketConfig;

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

  public ValidatingHttpClient(String baseUrl, RequestConfig config, SocketConfig socketConfig) {
    super(baseUrl, config, socketConfig);
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
