package io.switchboard.api.inbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The inbox's settings, its relay's schedule and the pool that dispatches right after commit. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(InboxProperties.class)
public class InboxConfiguration {

  /**
   * Dispatches asynchronous webhooks after their commit, off the request thread, so that Twilio's
   * acknowledgement waits for PostgreSQL only. When the queue is full, the relay takes over.
   */
  @Bean(destroyMethod = "shutdown")
  ExecutorService inboxDispatchExecutor() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        4,
        16,
        30,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(10_000),
        task -> {
          Thread thread = new Thread(task, "inbox-dispatch-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        new ThreadPoolExecutor.DiscardPolicy());
  }
}
