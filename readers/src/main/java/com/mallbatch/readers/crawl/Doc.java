package com.mallbatch.readers.crawl;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** A fetched page or a part of it, selectable the profile's way. */
sealed interface Doc permits Doc.Html, Doc.Json {

    /** Matches in document order; an empty list when none. */
    List<Doc> select(String selector);

    /** The value at this node: its normalized text, or an attribute, or null when absent. */
    String value(String attribute);

    /** HTML through HtmlUnit's DOM: CSS selectors, or XPath when the selector starts with '/' or '('. */
    record Html(DomNode node) implements Doc {
        @Override
        public List<Doc> select(String selector) {
            List<Doc> found = new ArrayList<>();
            if (selector.startsWith("/") || selector.startsWith("(")) {
                for (Object match : node.getByXPath(selector)) {
                    if (match instanceof DomNode n) {
                        found.add(new Html(n));
                    }
                }
            } else {
                node.querySelectorAll(selector).forEach(n -> found.add(new Html(n)));
            }
            return found;
        }

        @Override
        public String value(String attribute) {
            if (attribute == null) {
                return node.asNormalizedText().strip();
            }
            return node instanceof DomElement e && e.hasAttribute(attribute) ? e.getAttribute(attribute) : null;
        }
    }

    /** SSR JSON: selectors are JSON pointers; an array selects its elements. */
    record Json(JsonNode node) implements Doc {
        @Override
        public List<Doc> select(String pointer) {
            JsonNode at = node.at(pointer);
            if (at.isMissingNode() || at.isNull()) {
                return List.of();
            }
            List<Doc> found = new ArrayList<>();
            if (at.isArray()) {
                at.forEach(n -> found.add(new Json(n)));
            } else {
                found.add(new Json(at));
            }
            return found;
        }

        @Override
        public String value(String attribute) {
            return node.isValueNode() ? node.asString() : node.toString();
        }
    }
}
