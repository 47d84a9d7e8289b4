package io.switchboard.bench;

import java.io.Closeable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.RuntimeMXBean;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** The platform JVM's heap, read over JMX (the platform is started with a local JMX port). */
final class Heap implements Closeable {

  private final JMXConnector connector;
  private final MemoryMXBean memory;
  private final List<MemoryPoolMXBean> heapPools;
  private final RuntimeMXBean runtime;

  private Heap(JMXConnector connector) throws IOException {
    this.connector = connector;
    MBeanServerConnection server = connector.getMBeanServerConnection();
    this.memory =
        ManagementFactory.newPlatformMXBeanProxy(
            server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    this.runtime =
        ManagementFactory.newPlatformMXBeanProxy(
            server, ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class);
    try {
      this.heapPools =
          server
              .queryNames(
                  new ObjectName(ManagementFactory.MEMORY_POOL_MXBEAN_DOMAIN_TYPE + ",*"), null)
              .stream()
              .map(
                  name -> {
                    try {
                      return ManagementFactory.newPlatformMXBeanProxy(
                          server, name.toString(), MemoryPoolMXBean.class);
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .filter(pool -> pool.getType() == MemoryType.HEAP)
              .toList();
    } catch (javax.management.MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Connects to {@code host:port}. */
  static Heap connect(String address) throws IOException {
    JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + address + "/jmxrmi");
    return new Heap(JMXConnectorFactory.connect(url));
  }

  /** Heap in use right after a full collection, in MiB. */
  double usedAfterGc() {
    memory.gc();
    return mib(memory.getHeapMemoryUsage().getUsed());
  }

  double max() {
    return mib(memory.getHeapMemoryUsage().getMax());
  }

  /** The most each heap pool held since the last reset, summed: an upper bound of the peak. */
  double peak() {
    return mib(heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum());
  }

  void resetPeak() {
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  List<String> jvmArguments() {
    return runtime.getInputArguments();
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }
}
