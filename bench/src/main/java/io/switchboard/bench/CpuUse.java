package io.switchboard.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * CPU time spent per request, so that figures from this small machine can be scaled: the machine's
 * busy time from {@code /proc/stat} less the load generator's own (this JVM), and the platform
 * JVM's share over JMX. "Server side" therefore counts the platform, the Temporal server and
 * PostgreSQL. Also the time the platform's JIT spent compiling during the row: a row measured while
 * the compiler still works on its path measures the compiler too, on 2 cores.
 */
final class CpuUse {

  /** Linux's USER_HZ: {@code /proc/stat} counts in hundredths of a second. */
  private static final double TICK_MILLIS = 10.0;

  private static MBeanServerConnection platform;
  private static boolean platformTried;

  /**
   * @param machineBusyMillis every core's non-idle time since boot
   * @param generatorMillis this JVM's CPU time
   * @param platformMillis the platform JVM's CPU time, or -1 when JMX is not reachable
   * @param compileMillis the platform JVM's time in JIT compilation, or -1 when not reachable
   */
  record Snapshot(
      double machineBusyMillis,
      double generatorMillis,
      double platformMillis,
      double compileMillis) {}

  private CpuUse() {}

  static Snapshot take() {
    return new Snapshot(
        machineBusy(),
        generator(),
        platformAttribute(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, "ProcessCpuTime", 1e6),
        platformAttribute(ManagementFactory.COMPILATION_MXBEAN_NAME, "TotalCompilationTime", 1));
  }

  /** One Markdown-friendly line: CPU milliseconds per request between the two snapshots. */
  static String perRequest(String what, Snapshot from, Snapshot to, long requests) {
    if (requests <= 0 || from.machineBusyMillis() < 0 || to.machineBusyMillis() < 0) {
      return what + ": CPU per request not measured";
    }
    double generator = to.generatorMillis() - from.generatorMillis();
    double server = to.machineBusyMillis() - from.machineBusyMillis() - generator;
    String platformPart =
        from.platformMillis() < 0 || to.platformMillis() < 0
            ? ""
            : String.format(
                ", of which the platform JVM %.2f ms",
                (to.platformMillis() - from.platformMillis()) / requests);
    String compilePart =
        from.compileMillis() < 0 || to.compileMillis() < 0
            ? ""
            : String.format(
                "; the platform's JIT compiled for %.0f ms in all",
                to.compileMillis() - from.compileMillis());
    return String.format(
        "%s: CPU per request %.2f ms server side (platform, Temporal, PostgreSQL)%s;"
            + " load generator %.2f ms%s",
        what, server / requests, platformPart, generator / requests, compilePart);
  }

  private static double machineBusy() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < fields.length && i <= 8; i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return (total - idle) * TICK_MILLIS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static double generator() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e6;
    }
    return 0;
  }

  /** An attribute of one of the platform JVM's MXBeans, divided by {@code unit}; else -1. */
  private static synchronized double platformAttribute(String bean, String name, double unit) {
    try {
      if (!platformTried) {
        platformTried = true;
        String address = System.getenv().getOrDefault("BENCH_JMX", "127.0.0.1:19091");
        JMXConnector connector =
            JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + address + "/jmxrmi"));
        platform = connector.getMBeanServerConnection();
      }
      if (platform == null) {
        return -1;
      }
      Object value = platform.getAttribute(new ObjectName(bean), name);
      return ((Number) value).longValue() / unit;
    } catch (Exception e) {
      return -1;
    }
  }
}
