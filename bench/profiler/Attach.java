import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native agent into a running JVM with its options as one string. {@code jcmd PID
 * JVMTI.agent_load} splits async-profiler's "start,event=cpu" on its '=' signs, so bench/profile
 * attaches through the Attach API instead. Usage: java Attach.java PID LIBRARY OPTIONS
 */
public class Attach {
  public static void main(String[] args) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    try {
      vm.loadAgentPath(args[1], args[2]);
    } finally {
      vm.detach();
    }
  }
}
