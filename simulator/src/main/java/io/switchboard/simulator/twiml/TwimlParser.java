package io.switchboard.simulator.twiml;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses TwiML with the JDK's XML parser, hardened: no DTDs, no external entities, no XInclude. The
 * application is untrusted input as far as the simulator is concerned.
 *
 * <p>Errors follow Twilio's codes: 12100 "Document parse failure" for anything that is not
 * well-formed XML (Twilio lists a leading blank line before the XML declaration among the causes,
 * and so does this parser), 12102 "The root element must be Response".
 */
final class TwimlParser {

  private static final DocumentBuilderFactory FACTORY = hardenedFactory();

  private TwimlParser() {}

  /** The verbs of a {@code <Response>}, in order. */
  static List<Element> verbs(String twiml) throws TwimlFailure {
    if (twiml == null || twiml.isEmpty()) {
      throw new TwimlFailure(12100, "Document parse failure: the response body is empty");
    }
    Element root;
    try {
      DocumentBuilder builder = FACTORY.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler()); // keep the parser from printing to stderr
      root = builder.parse(new InputSource(new StringReader(twiml))).getDocumentElement();
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new TwimlFailure(12100, "Document parse failure: " + e.getMessage());
    }
    if (!"Response".equals(root.getTagName())) {
      throw new TwimlFailure(
          12102, "The root element must be Response, not <" + root.getTagName() + ">");
    }
    return children(root);
  }

  static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }

  private static DocumentBuilderFactory hardenedFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser lacks a required safety feature", e);
    }
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setNamespaceAware(false);
    return factory;
  }
}
