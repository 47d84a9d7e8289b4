package io.switchboard.config;

/**
 * Names the JDK's own XML factories as JAXP's choice, unless the operator set others. Without a
 * name, every {@code DocumentBuilderFactory.newInstance()} and {@code
 * TransformerFactory.newInstance()} searches the class path for a provider through ServiceLoader,
 * and twilio-java's {@code TwiML.toXml()} calls both on every render: in a Spring Boot jar, whose
 * search reads through every nested jar, that was half of a TwiML render's samples in a flight
 * recording (2026-12-03). Nothing on the class path provides other factories (a test checks), so
 * the search always ended at these: naming them changes what is used in no way, only the cost.
 */
public final class JaxpFactories {

  static final String DOCUMENT_BUILDER = "javax.xml.parsers.DocumentBuilderFactory";
  static final String TRANSFORMER = "javax.xml.transform.TransformerFactory";

  static final String JDK_DOCUMENT_BUILDER =
      "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl";
  static final String JDK_TRANSFORMER =
      "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl";

  private JaxpFactories() {}

  /** Call first thing in {@code main}, before anything renders or parses XML. */
  public static void preferJdkDefaults() {
    setIfAbsent(DOCUMENT_BUILDER, JDK_DOCUMENT_BUILDER);
    setIfAbsent(TRANSFORMER, JDK_TRANSFORMER);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
