package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.sellercenter.SellerCenterData.Order;
import com.mallbatch.sandbox.sellercenter.SellerCenterData.Product;

import java.util.List;

/** How one flavour of seller center renders its pages. */
interface SellerCenterPages {

    String productList(List<Product> products, int page, int totalPages);

    /** A product's page, its variants' fields as {@code shown} says this render (the truth, unless a fault changes them). */
    String product(Product product, PageFieldDrift.Shown shown);

    String orderList(String date, List<Order> orders, int page, int totalPages);

    /** The page every flavour shows at login, with a fresh CSRF token. */
    static String login(String action, String csrf, String error) {
        return Html.page("판매자센터 로그인", (error == null ? "" : "<p class=\"error\">" + Html.escape(error) + "</p>")
                + "<form id=\"login-form\" method=\"post\" action=\"" + action + "\">"
                + "<input type=\"hidden\" name=\"_csrf\" value=\"" + csrf + "\">"
                + "<label>아이디 <input type=\"text\" name=\"username\"></label>"
                + "<label>비밀번호 <input type=\"password\" name=\"password\"></label>"
                + "<button type=\"submit\">로그인</button></form>");
    }

    static String dashboard(String seller) {
        return Html.page("판매자센터", "<div class=\"seller-name\">" + Html.escape(seller) + " 님, 환영합니다</div>"
                + "<nav><a href=\"products?page=1\">상품관리</a> <a href=\"orders\">주문관리</a></nav>");
    }

    static String captcha() {
        return Html.page("보안 확인", "<div class=\"captcha\">자동입력 방지를 위해 아래 문자를 입력해 주세요.</div>"
                + "<img src=\"/captcha.png\" alt=\"captcha\"><input name=\"captcha\">");
    }
}
