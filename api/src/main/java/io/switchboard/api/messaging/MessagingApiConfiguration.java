package io.switchboard.api.messaging;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Turns on the api's messaging settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MessagingProperties.class, BulkProperties.class})
class MessagingApiConfiguration {}
