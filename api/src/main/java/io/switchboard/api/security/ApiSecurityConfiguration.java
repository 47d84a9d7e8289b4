package io.switchboard.api.security;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * Who may call what. Webhooks carry Twilio's signature instead of a key (checked by {@link
 * TwilioSignatureFilter}); the simulator authenticates Twilio-style itself; everything under {@code
 * /api} and the operational endpoints (including Temporal's codec endpoint) need an API key with
 * the right scope.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      ApiKeyIntrospector introspector,
      ProblemSecurityHandlers handlers,
      @Qualifier("codecCorsConfiguration") CorsConfigurationSource codecCors)
      throws Exception {
    http.csrf(csrf -> csrf.disable())
        // Only the codec endpoint answers browsers from another origin (the Temporal UI's).
        .cors(cors -> cors.configurationSource(codecCors))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/webhooks/**", "/simulator/**", "/error")
                    .permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                    .permitAll()
                    .requestMatchers("/api/keys/**")
                    .hasAuthority(ApiScope.ADMIN.authority())
                    .requestMatchers(HttpMethod.GET, "/api/webhook-events/**")
                    .hasAuthority(ApiScope.WEBHOOKS_READ.authority())
                    .requestMatchers(HttpMethod.POST, "/api/webhook-events/**")
                    .hasAuthority(ApiScope.WEBHOOKS_REPLAY.authority())
                    .requestMatchers(HttpMethod.GET, "/api/calls", "/api/calls/**")
                    .hasAuthority(ApiScope.CALLS_READ.authority())
                    .requestMatchers(HttpMethod.POST, "/api/calls/**", "/api/video/**")
                    .hasAuthority(ApiScope.CALLS_WRITE.authority())
                    .requestMatchers(HttpMethod.GET, "/api/recordings/**")
                    .hasAuthority(ApiScope.RECORDINGS_READ.authority())
                    .requestMatchers(HttpMethod.DELETE, "/api/recordings/**")
                    .hasAuthority(ApiScope.RECORDINGS_WRITE.authority())
                    .requestMatchers(HttpMethod.PUT, "/api/recordings/consents/**")
                    .hasAuthority(ApiScope.RECORDINGS_WRITE.authority())
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/messages/send",
                        "/api/messages/bulk",
                        "/api/messages/*/cancel",
                        "/api/bulk/**")
                    .hasAuthority(ApiScope.MESSAGES_WRITE.authority())
                    .requestMatchers(HttpMethod.PUT, "/api/templates/**")
                    .hasAuthority(ApiScope.MESSAGES_WRITE.authority())
                    .requestMatchers(
                        HttpMethod.DELETE, "/api/templates/**", "/api/messages/*/media")
                    .hasAuthority(ApiScope.MESSAGES_WRITE.authority())
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/messages",
                        "/api/messages/**",
                        "/api/bulk/**",
                        "/api/templates",
                        "/api/templates/**")
                    .hasAuthority(ApiScope.MESSAGES_READ.authority())
                    .requestMatchers(HttpMethod.GET, "/api/flows", "/api/flows/**")
                    .hasAuthority(ApiScope.FLOWS_READ.authority())
                    .requestMatchers(HttpMethod.POST, "/api/flows/*/simulate")
                    .hasAuthority(ApiScope.FLOWS_READ.authority())
                    .requestMatchers(HttpMethod.PUT, "/api/flows/**", "/api/numbers/*/flow")
                    .hasAuthority(ApiScope.FLOWS_WRITE.authority())
                    .requestMatchers(
                        HttpMethod.GET, "/api/agents", "/api/agents/**", "/api/agent-line")
                    .hasAuthority(ApiScope.AGENTS_READ.authority())
                    .requestMatchers(HttpMethod.PUT, "/api/agents/**")
                    .hasAuthority(ApiScope.AGENTS_WRITE.authority())
                    .requestMatchers("/actuator/**", "/api/ops/**", "/codec/**")
                    .hasAuthority(ApiScope.OPS.authority())
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            resource ->
                resource
                    .opaqueToken(token -> token.introspector(introspector))
                    .authenticationEntryPoint(handlers)
                    .accessDeniedHandler(handlers))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
    return http.build();
  }
}
