package com.mallbatch.bench;

import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.htmlunit.cyberneko.html.dom.HTMLDocumentImpl;
import org.htmlunit.cyberneko.parsers.DOMParser;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The same crawl as the stylemarket profile's variants step, without a browser engine: OkHttp fetches, the neko HTML
 * parser builds a plain W3C DOM, JDK XPath selects. It exists only to measure what HtmlUnit's page model costs.
 */
final class PlainHttpCrawl {

    record Result(int pages, int variants) {
    }

    private final OkHttpClient http = new OkHttpClient.Builder().cookieJar(new CookieJar() {
        private final List<Cookie> cookies = new ArrayList<>();

        @Override
        public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
            cookies.removeIf(c -> received.stream().anyMatch(r -> r.name().equals(c.name())));
            cookies.addAll(received);
        }

        @Override
        public synchronized List<Cookie> loadForRequest(HttpUrl url) {
            return cookies.stream().filter(c -> c.matches(url)).toList();
        }
    }).build();
    private final XPath xpath = XPathFactory.newInstance().newXPath();
    private int pages;

    Result crawl(String base, String username, String password) throws Exception {
        Document login = get(base + "/login");
        String csrf = text(login, "//input[@name='_csrf']/@value");
        try (Response r = http.newCall(new Request.Builder().url(base + "/login").post(new FormBody.Builder()
                .add("_csrf", csrf).add("username", username).add("password", password).build()).build()).execute()) {
            if (!r.body().string().contains("seller-name")) {
                throw new IllegalStateException("login did not land");
            }
        }
        int variants = 0;
        for (int page = 1; ; page++) {
            String listUrl = base + "/products?page=" + page;
            Document list = get(listUrl);
            NodeList links = (NodeList) xpath.evaluate("//tr[@class='product-row']/td[@class='name']/a/@href", list, XPathConstants.NODESET);
            for (int i = 0; i < links.getLength(); i++) {
                Document detail = get(HttpUrl.get(listUrl).resolve(links.item(i).getNodeValue()).toString());
                NodeList stock = (NodeList) xpath.evaluate("//tr[@class='option-row']/td[@class='stock']", detail, XPathConstants.NODESET);
                for (int s = 0; s < stock.getLength(); s++) {
                    String text = stock.item(s).getTextContent().strip();
                    if (!text.equals("품절") && !text.equals("일시품절")) {
                        Integer.parseInt(text.replace(",", ""));
                    }
                    variants++;
                }
            }
            if (((Node) xpath.evaluate("//a[@class='next']", list, XPathConstants.NODE)) == null) {
                return new Result(pages, variants);
            }
        }
    }

    private Document get(String url) throws Exception {
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            DOMParser parser = new DOMParser(HTMLDocumentImpl.class);
            parser.setProperty("http://cyberneko.org/html/properties/names/elems", "lower");
            parser.parse(new InputSource(new StringReader(response.body().string())));
            pages++;
            return parser.getDocument();
        }
    }

    private String text(Document doc, String path) throws Exception {
        return (String) xpath.evaluate(path, doc, XPathConstants.STRING);
    }
}
