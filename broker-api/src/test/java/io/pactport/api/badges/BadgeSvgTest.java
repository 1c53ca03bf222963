package io.pactport.api.badges;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.badges.Badge.Colour;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class BadgeSvgTest {

    /** Parses as a browser would, failing on anything not well-formed. */
    static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + svg, e);
        }
    }

    @Test
    void aBadgeIsTwoBoxesWithTheLabelAndTheMessageOnTheStatusColour() {
        Document svg = parse(BadgeSvg.draw(new Badge("foo/bar pact", "verified", Colour.BRIGHTGREEN)));

        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        NodeList rects = root.getElementsByTagName("rect");
        // the clip path's, then the label's and the message's boxes
        assertThat(rects.getLength()).isEqualTo(3);
        Element label = (Element) rects.item(1);
        Element message = (Element) rects.item(2);
        assertThat(label.getAttribute("fill")).isEqualTo("#555");
        assertThat(message.getAttribute("fill")).isEqualTo("#4c1");
        int labelWidth = Integer.parseInt(label.getAttribute("width"));
        int messageWidth = Integer.parseInt(message.getAttribute("width"));
        assertThat(message.getAttribute("x")).isEqualTo(String.valueOf(labelWidth));
        assertThat(root.getAttribute("width")).isEqualTo(String.valueOf(labelWidth + messageWidth));
        NodeList texts = root.getElementsByTagName("text");
        assertThat(texts.getLength()).isEqualTo(4);
        assertThat(texts.item(1).getTextContent()).isEqualTo("foo/bar pact");
        assertThat(texts.item(3).getTextContent()).isEqualTo("verified");
        assertThat(root.getAttribute("aria-label")).isEqualTo("foo/bar pact: verified");
    }

    @Test
    void eachStatusColourIsTheOneShieldsIoDrawsForItsName() {
        assertThat(Colour.BRIGHTGREEN.fill()).isEqualTo("#4c1");
        assertThat(Colour.RED.fill()).isEqualTo("#e05d44");
        assertThat(Colour.ORANGE.fill()).isEqualTo("#fe7d37");
        assertThat(Colour.LIGHTGREY.fill()).isEqualTo("#9f9f9f");
        assertThat(BadgeSvg.draw(new Badge("a", "failed", Colour.RED))).contains("fill=\"#e05d44\"");
    }

    @Test
    void widthsGrowWithTheTextAndWideLettersTakeMoreRoom() {
        // shields.io's own boxes for these texts are 33 and 51 pixels wide
        assertThat(BadgeSvg.width("pact")).isBetween(31, 35);
        assertThat(BadgeSvg.width("verified")).isBetween(49, 53);
        assertThat(BadgeSvg.width("mmmm")).isGreaterThan(BadgeSvg.width("iiii"));
        assertThat(BadgeSvg.width("")).isEqualTo(10);
        assertThat(BadgeSvg.width("a-much-longer-consumer-name/provider pact"))
                .isGreaterThan(BadgeSvg.width("a/b pact"));
    }

    @Test
    void markupInANameIsTextNotMarkup() {
        String hostile = "<script>alert('x')</script>\" onload=\"alert(1)&amp;";
        String drawn = BadgeSvg.draw(new Badge(hostile, "<b>verified</b>", Colour.BRIGHTGREEN));

        assertThat(drawn).doesNotContain("<script", "<b>", "\" onload");
        Element root = parse(drawn).getDocumentElement();
        assertThat(root.getElementsByTagName("script").getLength()).isZero();
        assertThat(root.getElementsByTagName("b").getLength()).isZero();
        assertThat(root.getElementsByTagName("text").item(1).getTextContent()).isEqualTo(hostile);
        assertThat(root.getElementsByTagName("text").item(3).getTextContent()).isEqualTo("<b>verified</b>");
        assertThat(root.getAttribute("aria-label")).isEqualTo(hostile + ": <b>verified</b>");
        assertThat(root.hasAttribute("onload")).isFalse();
    }

    @Test
    void charactersXmlForbidsAreReplacedSoTheDocumentStaysWellFormed() {
        String drawn = BadgeSvg.draw(new Badge("bell\u0007 and nul\u0000", "ok \uD83D\uDE80", Colour.LIGHTGREY));

        Element root = parse(drawn).getDocumentElement();
        assertThat(root.getElementsByTagName("text").item(1).getTextContent()).isEqualTo("bell\uFFFD and nul\uFFFD");
        assertThat(root.getElementsByTagName("text").item(3).getTextContent()).isEqualTo("ok \uD83D\uDE80");
    }
}
