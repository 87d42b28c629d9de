package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.SandboxRequest;
import com.mallbatch.sandbox.SandboxResponse;

import java.util.List;
import java.util.Map;

/** What one flavour of seller center serves behind its login, and what it holds. */
interface BackOffice {

    /** How a crawler has to read it. */
    SellerCenterFlavour flavour();

    /**
     * The list and product pages at {@code path} (below the center, e.g. {@code /products}); 404 for anything else.
     * Malformed parameters throw {@link NumberFormatException} or {@link java.time.format.DateTimeParseException}.
     */
    SandboxResponse page(String path, SandboxRequest request);

    /** The flavour's products, orders and whatever else its pages show, for tests to compare a crawl with. */
    Map<String, Object> groundTruth();

    /** The variant fields a {@link com.mallbatch.sandbox.PageFieldFault} in force changes on its product pages. */
    List<DriftedField> driftedFields();

    static SandboxResponse noSuchPage() {
        return SandboxResponse.html(404, Html.page("페이지 없음", "<p>요청하신 페이지를 찾을 수 없습니다.</p>"));
    }

    static SandboxResponse noSuchProduct() {
        return SandboxResponse.html(404, Html.page("없는 상품", "<p>상품을 찾을 수 없습니다.</p>"));
    }
}
