package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.config.JaxpFactories;
import java.util.ServiceLoader;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import org.junit.jupiter.api.Test;

/**
 * The XML factories the applications name are the ones JAXP would have found by itself: on the
 * platform's whole class path, no library provides others. Should one ever arrive (a Xerces or
 * Saxon jar), this fails, and naming the JDK's would then change which parser and serializer TwiML
 * goes through, which needs a decision.
 */
class JaxpFactoriesTest {

  @Test
  void noLibraryOnTheClassPathProvidesOtherXmlFactories() {
    assertThat(ServiceLoader.load(DocumentBuilderFactory.class)).isEmpty();
    assertThat(ServiceLoader.load(TransformerFactory.class)).isEmpty();
  }

  @Test
  void theNamedFactoriesAreTheJdkDefaultsAndAnOperatorsChoiceIsKept() {
    String parsers = "javax.xml.parsers.DocumentBuilderFactory";
    String transformers = "javax.xml.transform.TransformerFactory";
    String before = System.getProperty(transformers);
    System.setProperty(transformers, "an.operators.TransformerFactory");
    try {
      JaxpFactories.preferJdkDefaults();

      assertThat(DocumentBuilderFactory.newInstance().getClass())
          .isEqualTo(DocumentBuilderFactory.newDefaultInstance().getClass());
      assertThat(System.getProperty(transformers)).isEqualTo("an.operators.TransformerFactory");
    } finally {
      System.clearProperty(parsers);
      if (before == null) {
        System.clearProperty(transformers);
      } else {
        System.setProperty(transformers, before);
      }
    }
    JaxpFactories.preferJdkDefaults();
    assertThat(TransformerFactory.newInstance().getClass())
        .isEqualTo(TransformerFactory.newDefaultInstance().getClass());
    System.clearProperty(parsers);
    System.clearProperty(transformers);
  }
}
