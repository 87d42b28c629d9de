package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.sellercenter.SellerCenterData.Line;
import com.mallbatch.sandbox.sellercenter.SellerCenterData.Order;
import com.mallbatch.sandbox.sellercenter.SellerCenterData.Product;
import com.mallbatch.sandbox.sellercenter.SellerCenterData.Variant;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The classic server-rendered seller center: HTML tables, "다음" links for pagination. In layout v2 every class
 * name changes, as after a redesign.
 */
final class TablePages implements SellerCenterPages {

    private static final DateTimeFormatter ORDERED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String base;
    private final TableLayout layout;

    TablePages(String base, boolean layoutV2) {
        this.base = base;
        this.layout = new TableLayout(layoutV2);
    }

    @Override
    public String productList(List<Product> products, int page, int totalPages) {
        StringBuilder rows = new StringBuilder();
        for (Product p : products) {
            rows.append("<tr class=\"").append(layout.cls("product-row")).append("\">")
                    .append(layout.td("code", Html.escape(p.code())))
                    .append(layout.td("name", "<a href=\"" + base + "/products/" + p.id() + "\">"
                            + Html.escape(p.name()) + "</a>"))
                    .append(layout.td("price", Html.won(p.price())))
                    .append(layout.td("status", p.selling() ? "판매중" : "판매중지"))
                    .append("</tr>\n");
        }
        if (products.isEmpty()) {
            rows.append("<tr><td class=\"empty\" colspan=\"4\">등록된 상품이 없습니다</td></tr>");
        }
        return Html.page("상품 목록 " + page + "/" + totalPages, "<table class=\"" + layout.cls("product-list") + "\">"
                + "<thead><tr><th>상품코드</th><th>상품명</th><th>판매가</th><th>상태</th></tr></thead><tbody>\n" + rows
                + "</tbody></table>" + layout.pagination(base + "/products?page=", page, totalPages));
    }

    @Override
    public String product(Product p, PageFieldDrift.Shown shown) {
        StringBuilder rows = new StringBuilder();
        for (Variant v : p.variants()) {
            rows.append("<tr class=\"").append(layout.cls("option-row")).append("\">")
                    .append(layout.td("option-name", Html.escape(v.option())))
                    .append(layout.td("sku", Html.escape(v.sku())))
                    .append(layout.td("stock", shown.stock(v)))
                    .append(layout.td("extra-price", shown.extraPriceHtml(v)))
                    .append("</tr>\n");
        }
        return Html.page(p.name(), "<h1 class=\"" + layout.cls("product-name") + "\">" + Html.escape(p.name()) + "</h1>"
                + "<span class=\"" + layout.cls("product-code") + "\">" + Html.escape(p.code()) + "</span>"
                + "<table class=\"" + layout.cls("options") + "\"><tbody>\n" + rows + "</tbody></table>");
    }

    @Override
    public String orderList(String date, List<Order> orders, int page, int totalPages) {
        StringBuilder body = new StringBuilder();
        for (Order o : orders) {
            body.append("<tbody class=\"").append(layout.cls("order")).append("\"><tr class=\"").append(layout.cls("order-head"))
                    .append("\">").append(layout.td("order-no", o.orderNo()))
                    .append(layout.td("ordered-at", o.orderedAt().format(ORDERED_AT)))
                    .append(layout.td("order-total", Html.won(o.total()))).append("</tr>\n");
            for (Line l : o.lines()) {
                body.append("<tr class=\"").append(layout.cls("order-line")).append("\">")
                        .append(layout.td("line-no", l.lineNo()))
                        .append(layout.td("line-product", "<a href=\"" + base + "/products/" + l.product().id() + "\">"
                                + Html.escape(l.product().name()) + "</a>"))
                        .append(layout.td("line-option", Html.escape(l.variant().option())))
                        .append(layout.td("line-sku", Html.escape(l.variant().sku())))
                        .append(layout.td("qty", String.valueOf(l.quantity())))
                        .append(layout.td("unit-price", Html.won(l.unitPrice())))
                        .append(layout.td("line-status", l.status()))
                        .append("</tr>\n");
            }
            body.append("</tbody>\n");
        }
        if (orders.isEmpty()) {
            body.append("<tbody><tr><td class=\"empty\">주문 내역이 없습니다</td></tr></tbody>");
        }
        return Html.page("주문 목록 " + date, "<table class=\"" + layout.cls("order-list") + "\">\n" + body + "</table>"
                + layout.pagination(base + "/orders?date=" + date + "&page=", page, totalPages));
    }
}
