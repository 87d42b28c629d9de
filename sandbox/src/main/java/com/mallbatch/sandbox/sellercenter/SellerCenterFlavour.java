package com.mallbatch.sandbox.sellercenter;

/**
 * How a sandbox seller center renders its pages, and so how a crawler has to read it. Each flavour names the crawl
 * profile bundled with mallbatch's readers ({@code crawl-profiles/NAME.yml}) that reads it: the one place that
 * knowledge lives, for the accounts file the sandbox writes, the demo and the tests.
 */
public enum SellerCenterFlavour {

    /** HTML tables ({@code stylemarket01} …). */
    HTML("html", "stylemarket"),
    /** Server-side rendered JSON in {@code __NEXT_DATA__} ({@code nextshop01} …). */
    NEXT_DATA("next-data", "nextshop"),
    /** An HTML back office with one order-list row per order line ({@code easyseller01} …). */
    LINE_ROWS("line-rows", "easyseller");

    private final String id;
    private final String crawlProfile;

    SellerCenterFlavour(String id, String crawlProfile) {
        this.id = id;
        this.crawlProfile = crawlProfile;
    }

    /** The flavour's name in descriptors and ground truth: "html", "next-data" or "line-rows". */
    public String id() {
        return id;
    }

    /** The bundled crawl profile that reads this flavour, e.g. "stylemarket". */
    public String crawlProfile() {
        return crawlProfile;
    }

    /** The flavour called {@code id} ("html", "next-data", "line-rows"). */
    public static SellerCenterFlavour of(String id) {
        for (SellerCenterFlavour f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("No seller-center flavour '" + id + "'");
    }
}
