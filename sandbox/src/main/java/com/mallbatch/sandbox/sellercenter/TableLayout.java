package com.mallbatch.sandbox.sellercenter;

/** Class names, cells and "다음" pagination of the HTML-table flavours. Layout v2 renames every class. */
final class TableLayout {

    private final boolean v2;

    TableLayout(boolean layoutV2) {
        this.v2 = layoutV2;
    }

    String cls(String name) {
        return v2 ? "v2-" + name.replace("-", "_") : name;
    }

    String td(String name, String content) {
        return "<td class=\"" + cls(name) + "\">" + content + "</td>";
    }

    String pagination(String prefix, int page, int totalPages) {
        return "<div class=\"" + cls("pagination") + "\"><span class=\"current\">" + page + "</span>"
                + (page < totalPages ? " <a class=\"" + cls("next") + "\" href=\"" + prefix + (page + 1) + "\">다음</a>" : "")
                + "</div>";
    }
}
