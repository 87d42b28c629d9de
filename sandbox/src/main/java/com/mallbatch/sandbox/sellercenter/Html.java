package com.mallbatch.sandbox.sellercenter;

/** Minimal HTML building. */
final class Html {

    private Html() {
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"ko\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body>\n" + body + "\n</body></html>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String won(long amount) {
        return String.format("%,d원", amount);
    }
}
