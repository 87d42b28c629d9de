package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.sellercenter.LineRowsData.DayTotals;
import com.mallbatch.sandbox.sellercenter.LineRowsData.Line;
import com.mallbatch.sandbox.sellercenter.LineRowsData.Product;
import com.mallbatch.sandbox.sellercenter.LineRowsData.Row;
import com.mallbatch.sandbox.sellercenter.SellerCenterData.Variant;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The easyseller (Ably-style) back office: HTML tables with a struck-through 정상가 next to the sale price, and an
 * order list of one row per order line, paged by rows, under a summary box for the whole day. In layout v2 every
 * class name changes, as after a redesign.
 */
final class LineRowsPages {

    /** What such back offices answer, with a 200, for a product deleted since the list was read. */
    static final String DELETED_PRODUCT = "<script>alert('존재하지 않는 상품입니다.');history.back();</script>";

    private static final DateTimeFormatter ORDERED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String base;
    private final TableLayout layout;

    LineRowsPages(String base, boolean layoutV2) {
        this.base = base;
        this.layout = new TableLayout(layoutV2);
    }

    String productList(List<Product> products, int page, int totalPages) {
        StringBuilder rows = new StringBuilder();
        for (Product p : products) {
            rows.append("<tr class=\"").append(layout.cls("item")).append("\">")
                    .append(layout.td("brand", Html.escape(p.brand())))
                    .append(layout.td("name", productLink(p)))
                    .append(layout.td("price", price(p)))
                    .append(layout.td("status", p.status()))
                    .append("</tr>\n");
        }
        if (products.isEmpty()) {
            rows.append("<tr><td class=\"empty\" colspan=\"4\">등록된 상품이 없습니다</td></tr>");
        }
        return Html.page("상품 관리 " + page + "/" + totalPages, "<table class=\"" + layout.cls("item-list") + "\">"
                + "<thead><tr><th>브랜드</th><th>상품명</th><th>가격</th><th>상태</th></tr></thead><tbody>\n" + rows
                + "</tbody></table>" + layout.pagination(base + "/products?page=", page, totalPages));
    }

    /** A product's page, its variants' fields as {@code shown} says this render. */
    String product(Product p, PageFieldDrift.Shown shown) {
        StringBuilder rows = new StringBuilder();
        for (Variant v : p.variants()) {
            rows.append("<tr class=\"").append(layout.cls("option")).append("\">")
                    .append(layout.td("option-name", Html.escape(v.option())))
                    .append(layout.td("sku", Html.escape(v.sku())))
                    .append(layout.td("stock", shown.stock(v)))
                    .append(layout.td("extra", shown.extraPriceHtml(v)))
                    .append("</tr>\n");
        }
        return Html.page(p.name(), "<h1 class=\"" + layout.cls("product-name") + "\">" + Html.escape(p.name()) + "</h1>"
                + "<div class=\"" + layout.cls("product-brand") + "\">" + Html.escape(p.brand()) + "</div>"
                + "<span class=\"" + layout.cls("product-code") + "\">" + Html.escape(p.code()) + "</span>"
                + "<table class=\"" + layout.cls("options") + "\"><thead><tr><th>옵션</th><th>판매자 SKU</th><th>재고</th>"
                + "<th>추가금액</th></tr></thead><tbody>\n" + rows + "</tbody></table>");
    }

    /** One page of the day's rows, under the summary of the whole day. */
    String orderList(String date, List<Row> rows, DayTotals totals, int page, int totalPages) {
        StringBuilder body = new StringBuilder();
        for (Row row : rows) {
            Line l = row.line();
            body.append("<tr class=\"").append(layout.cls("order-line")).append("\">")
                    .append(layout.td("order-no", row.order().orderNo()))
                    .append(layout.td("line-no", l.lineNo()))
                    .append(layout.td("ordered-at", row.order().orderedAt().format(ORDERED_AT)))
                    .append(layout.td("product", productLink(l.product())))
                    .append(layout.td("option", Html.escape(l.variant().option())))
                    .append(layout.td("sku", Html.escape(l.variant().sku())))
                    .append(layout.td("qty", String.valueOf(l.quantity())))
                    .append(layout.td("list-price", Html.won(l.listPrice())))
                    .append(layout.td("discount", Html.won(-l.discount())))
                    .append(layout.td("coupon", Html.won(-l.coupon())))
                    .append(layout.td("paid", Html.won(l.paid())))
                    .append(layout.td("line-status", l.status()))
                    .append("</tr>\n");
        }
        if (rows.isEmpty()) {
            body.append("<tr><td class=\"empty\" colspan=\"12\">주문 내역이 없습니다</td></tr>");
        }
        return Html.page("주문 관리 " + date, daySummary(totals)
                + "<table class=\"" + layout.cls("order-lines") + "\"><thead><tr><th>주문번호</th><th>상품주문번호</th>"
                + "<th>주문일시</th><th>상품명</th><th>옵션</th><th>판매자 SKU</th><th>수량</th><th>정상가</th>"
                + "<th>판매자할인</th><th>쿠폰할인</th><th>결제금액</th><th>상태</th></tr></thead><tbody>\n" + body
                + "</tbody></table>" + layout.pagination(base + "/orders?date=" + date + "&page=", page, totalPages));
    }

    private String daySummary(DayTotals totals) {
        return "<div class=\"" + layout.cls("day-summary") + "\">주문 <span class=\"" + layout.cls("order-count") + "\">"
                + totals.orderCount() + "</span>건 · 결제금액 <span class=\"" + layout.cls("order-amount") + "\">"
                + Html.won(totals.amount()) + "</span></div>\n";
    }

    /** The sale price, after the struck-through 정상가 when the product is discounted. */
    private static String price(Product p) {
        String sale = "<strong>" + Html.won(p.price()) + "</strong>";
        return p.listPrice() == null ? sale : "<del>" + Html.won(p.listPrice()) + "</del> " + sale;
    }

    private String productLink(Product p) {
        return "<a href=\"" + base + "/products/" + p.id() + "\">" + Html.escape(p.name()) + "</a>";
    }
}
