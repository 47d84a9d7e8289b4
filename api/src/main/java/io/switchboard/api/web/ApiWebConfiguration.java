package io.switchboard.api.web;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the web layer needs beyond Spring Boot's defaults. */
@Configuration(proxyBeanMethods = false)
public class ApiWebConfiguration {

  /**
   * Runs the Temporal calls of voice webhooks so that the request thread can give up after its time
   * budget. Unbounded on purpose: a bounded pool that fills would turn a slow Temporal into queued
   * callers, and each waiting call holds only a parked thread.
   */
  @Bean(destroyMethod = "shutdownNow")
  ExecutorService voiceAnswerExecutor() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newCachedThreadPool(
        task -> {
          Thread thread = new Thread(task, "voice-answer-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
