package com.mallbatch.sandbox.smartstore;

import com.mallbatch.sandbox.smartstore.Lifecycle.Claim;
import com.mallbatch.sandbox.smartstore.Lifecycle.State;
import com.mallbatch.sandbox.smartstore.StoreData.Option;
import com.mallbatch.sandbox.smartstore.StoreData.Order;
import com.mallbatch.sandbox.smartstore.StoreData.Product;
import com.mallbatch.sandbox.smartstore.StoreData.ProductOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.mallbatch.sandbox.smartstore.Gateway.format;
import static com.mallbatch.sandbox.smartstore.Gateway.put;

/**
 * Renders a seller's data with the Commerce API's documented field names: money as integers (won), ids of product
 * orders as strings, dates as {@code yyyy-MM-dd'T'HH:mm:ss.SSS+09:00}; a field that does not apply is left out.
 */
final class SmartStoreJson {

    static final String DELIVERY_COMPANY = "CJGLS";

    private SmartStoreJson() {
    }

    /** One element of product search's {@code contents}: an origin product with its channel products. */
    static Map<String, Object> searchContent(Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("originProductNo", p.originProductNo());
        m.put("channelProducts", List.of(channelProduct(p)));
        return m;
    }

    private static Map<String, Object> channelProduct(Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("originProductNo", p.originProductNo());
        m.put("channelProductNo", p.channelProductNo());
        m.put("channelServiceType", "STOREFARM");
        m.put("categoryId", p.category().id());
        m.put("name", p.name());
        put(m, "sellerManagementCode", p.sellerManagementCode());
        m.put("statusType", p.statusType());
        m.put("channelProductDisplayStatusType", p.displayStatusType());
        m.put("salePrice", p.salePrice());
        m.put("discountedPrice", p.discountedPrice());
        m.put("mobileDiscountedPrice", p.discountedPrice());
        m.put("stockQuantity", p.stockQuantity());
        m.put("knowledgeShoppingProductRegistration", true);
        m.put("deliveryAttributeType", "NORMAL");
        m.put("deliveryFee", 3_000);
        m.put("returnFee", 3_000);
        m.put("exchangeFee", 6_000);
        m.put("wholeCategoryName", p.category().wholeName());
        m.put("wholeCategoryId", p.category().wholeId());
        m.put("representativeImage", Map.of("url", imageUrl(p)));
        m.put("brandName", p.brandName());
        m.put("regDate", format(p.regDate()));
        m.put("modifiedDate", format(p.modifiedDate()));
        return m;
    }

    /**
     * {@code GET /v2/products/origin-products/{originProductNo}}: {@code originProduct} and
     * {@code smartstoreChannelProduct}; the body does not echo the origin product number.
     */
    static Map<String, Object> originProductDetail(Product p) {
        Map<String, Object> origin = new LinkedHashMap<>();
        origin.put("statusType", p.statusType());
        origin.put("saleType", "NEW");
        origin.put("leafCategoryId", p.category().id());
        origin.put("name", p.name());
        origin.put("images", Map.of("representativeImage", Map.of("url", imageUrl(p))));
        origin.put("salePrice", p.salePrice());
        origin.put("stockQuantity", p.stockQuantity());
        Map<String, Object> deliveryFee = new LinkedHashMap<>();
        deliveryFee.put("deliveryFeeType", "CONDITIONAL_FREE");
        deliveryFee.put("baseFee", 3_000);
        deliveryFee.put("freeConditionalAmount", 50_000);
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("deliveryType", "DELIVERY");
        delivery.put("deliveryAttributeType", "NORMAL");
        delivery.put("deliveryCompany", DELIVERY_COMPANY);
        delivery.put("deliveryFee", deliveryFee);
        delivery.put("claimDeliveryInfo", Map.of("returnDeliveryFee", 3_000, "exchangeDeliveryFee", 6_000));
        origin.put("deliveryInfo", delivery);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("naverShoppingSearchInfo", Map.of("brandName", p.brandName()));
        Map<String, Object> sellerCodeInfo = new LinkedHashMap<>();
        put(sellerCodeInfo, "sellerManagementCode", p.sellerManagementCode());
        detail.put("sellerCodeInfo", sellerCodeInfo);
        if (p.hasOptions()) {
            Map<String, Object> optionInfo = new LinkedHashMap<>();
            optionInfo.put("optionCombinationSortType", "CREATE");
            optionInfo.put("optionCombinationGroupNames", Map.of("optionGroupName1", "색상", "optionGroupName2", "사이즈"));
            optionInfo.put("optionCombinations", p.options().stream().map(SmartStoreJson::option).toList());
            optionInfo.put("useStockManagement", p.useStockManagement());
            detail.put("optionInfo", optionInfo);
        }
        origin.put("detailAttribute", detail);
        if (p.immediateDiscount() > 0) {
            origin.put("customerBenefit", Map.of("immediateDiscountPolicy", Map.of("discountMethod",
                    Map.of("value", p.immediateDiscount(), "unitType", "WON"))));
        }
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("channelProductName", p.name());
        channel.put("storeKeepExclusiveProduct", false);
        channel.put("naverShoppingRegistration", true);
        channel.put("channelProductDisplayStatusType", p.displayStatusType());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("originProduct", origin);
        m.put("smartstoreChannelProduct", channel);
        return m;
    }

    static Map<String, Object> option(Option o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("optionName1", o.optionName1());
        m.put("optionName2", o.optionName2());
        m.put("stockQuantity", o.stockQuantity());
        m.put("price", o.price());
        put(m, "sellerManagerCode", o.sellerManagerCode());
        m.put("usable", o.usable());
        return m;
    }

    /** One element of last-changed-statuses' {@code lastChangeStatuses}. */
    static Map<String, Object> lastChangeStatus(ProductOrder po, State s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", po.order().orderId());
        m.put("productOrderId", po.productOrderId());
        m.put("lastChangedType", s.lastChangedType);
        m.put("lastChangedDate", format(s.lastChangedDate));
        put(m, "paymentDate", format(s.paymentDate));
        m.put("productOrderStatus", s.status);
        put(m, "claimType", s.claimType);
        put(m, "claimStatus", s.claimStatus);
        m.put("receiverAddressChanged", false);
        return m;
    }

    /** One element of the product-order query's {@code data}: order, productOrder, delivery and claims. */
    static Map<String, Object> productOrderInfo(ProductOrder po, State s, String merchantChannelId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order", order(po.order(), s));
        m.put("productOrder", productOrder(po, s, merchantChannelId));
        if (s.sendDate != null) {
            m.put("delivery", delivery(po, s));
        }
        Claim claim = po.lifecycle().claim();
        if (s.claimType != null) {
            String key = switch (claim.type()) {
                case "CANCEL" -> "cancel";
                case "RETURN" -> "return";
                default -> "exchange";
            };
            Map<String, Object> body = claim(po, claim, s);
            // UNCONFIRMED: the top-level claim objects are documented as "to be removed in H1 2025, use currentClaim"
            // and still documented in 2026; the sandbox sends both, and the claim stays current once completed
            m.put(key, body);
            m.put("currentClaim", Map.of(key, body));
            if (s.claimCompletedDate != null) {
                Map<String, Object> completed = new LinkedHashMap<>();
                completed.put("claimType", claim.type());
                completed.put("claimId", claim.claimId());
                completed.put("claimStatus", s.claimStatus);
                completed.put("claimRequestDate", format(s.claimRequestDate));
                completed.put("claimRequestReason", claim.reason());
                completed.put("requestQuantity", po.quantity());
                m.put("completedClaims", List.of(completed));
            }
        }
        return m;
    }

    private static Map<String, Object> order(Order o, State s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", o.orderId());
        m.put("orderDate", format(o.orderDate()));
        put(m, "paymentDate", format(s.paymentDate));
        put(m, "paymentDueDate", format(o.paymentDueDate()));
        m.put("paymentMeans", o.paymentMeans());
        m.put("payLocationType", o.payLocationType());
        m.put("ordererId", o.ordererId());
        m.put("ordererNo", o.ordererNo());
        m.put("ordererName", o.ordererName());
        m.put("ordererTel", o.ordererTel());
        m.put("orderDiscountAmount", 0);
        m.put("generalPaymentAmount", o.generalPaymentAmount());
        m.put("naverMileagePaymentAmount", 0);
        m.put("chargeAmountPaymentAmount", 0);
        m.put("checkoutAccumulationPaymentAmount", 0);
        m.put("payLaterPaymentAmount", 0);
        m.put("isDeliveryMemoParticularInput", false);
        m.put("isMembershipSubscribed", false);
        return m;
    }

    /**
     * The productOrder object. UNCONFIRMED how total* and remain* amounts move with claims: total* and initial* keep
     * what was ordered, remain* (and remainQuantity) drop to 0 once the product order is cancelled or returned.
     */
    private static Map<String, Object> productOrder(ProductOrder po, State s, String merchantChannelId) {
        Product p = po.product();
        Option o = po.option();
        Claim claim = po.lifecycle().claim();
        boolean gone = s.gone();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("productOrderId", po.productOrderId());
        m.put("productOrderStatus", s.status);
        put(m, "claimType", s.claimType);
        put(m, "claimStatus", s.claimStatus);
        put(m, "claimId", s.claimType == null ? null : claim.claimId());
        m.put("placeOrderStatus", placeOrderStatus(s));
        put(m, "placeOrderDate", format(s.placeOrderDate));
        put(m, "decisionDate", format(s.decisionDate));
        m.put("productId", String.valueOf(p.channelProductNo()));
        m.put("originalProductId", String.valueOf(p.originProductNo()));
        m.put("merchantChannelId", merchantChannelId);
        m.put("productName", p.name());
        put(m, "productOption", o == null ? null : o.text());
        put(m, "optionCode", o == null ? null : String.valueOf(o.id()));
        m.put("itemNo", String.valueOf(o == null ? p.channelProductNo() : o.id()));
        put(m, "optionManageCode", o == null ? null : o.sellerManagerCode());
        put(m, "sellerProductCode", p.sellerManagementCode());
        m.put("productClass", o == null ? "단일상품" : "조합형옵션상품");
        m.put("quantity", po.quantity());
        m.put("initialQuantity", po.quantity());
        m.put("remainQuantity", gone ? 0 : po.quantity());
        m.put("unitPrice", po.unitPrice());
        m.put("optionPrice", po.optionPrice());
        m.put("totalProductAmount", po.totalProductAmount());
        m.put("initialProductAmount", po.totalProductAmount());
        m.put("remainProductAmount", gone ? 0 : po.totalProductAmount());
        m.put("totalPaymentAmount", po.totalPaymentAmount());
        m.put("initialPaymentAmount", po.totalPaymentAmount());
        m.put("remainPaymentAmount", gone ? 0 : po.totalPaymentAmount());
        m.put("productDiscountAmount", po.productDiscountAmount());
        m.put("initialProductDiscountAmount", po.productDiscountAmount());
        m.put("remainProductDiscountAmount", gone ? 0 : po.productDiscountAmount());
        m.put("productImediateDiscountAmount", po.productDiscountAmount());
        m.put("productProductDiscountAmount", 0);
        m.put("productMultiplePurchaseDiscountAmount", 0);
        m.put("sellerBurdenDiscountAmount", po.productDiscountAmount());
        m.put("sellerBurdenImediateDiscountAmount", po.productDiscountAmount());
        m.put("deliveryFeeAmount", po.deliveryFeeAmount());
        m.put("deliveryDiscountAmount", 0);
        m.put("sectionDeliveryFee", 0);
        m.put("deliveryPolicyType", "조건부 무료");
        m.put("shippingFeeType", "선결제");
        m.put("paymentCommission", po.paymentCommission());
        m.put("saleCommission", po.saleCommission());
        m.put("channelCommission", po.channelCommission());
        m.put("knowledgeShoppingSellingInterlockCommission", po.knowledgeShoppingSellingInterlockCommission());
        m.put("expectedSettlementAmount", po.expectedSettlementAmount());
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("addressType", "DOMESTIC");
        address.put("name", po.order().shippingAddress().name());
        address.put("tel1", po.order().shippingAddress().tel1());
        address.put("zipCode", po.order().shippingAddress().zipCode());
        address.put("baseAddress", po.order().shippingAddress().baseAddress());
        address.put("detailedAddress", po.order().shippingAddress().detailedAddress());
        m.put("shippingAddress", address);
        put(m, "shippingDueDate", s.paymentDate == null ? null : format(s.paymentDate.plusDays(3)));
        put(m, "shippingStartDate", format(s.sendDate));
        m.put("expectedDeliveryMethod", "DELIVERY");
        m.put("expectedDeliveryCompany", DELIVERY_COMPANY);
        m.put("deliveryAttributeType", "NORMAL");
        m.put("inflowPath", po.inflowPath());
        m.put("taxType", "TAXATION");
        return m;
    }

    private static String placeOrderStatus(State s) {
        if (s.placeOrderDate != null) {
            return "OK";
        }
        return "CANCELED".equals(s.status) ? "CANCEL" : "NOT_YET";
    }

    private static Map<String, Object> delivery(ProductOrder po, State s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deliveryMethod", "DELIVERY");
        m.put("deliveryCompany", DELIVERY_COMPANY);
        m.put("trackingNumber", trackingNumber(po.order().orderId(), 1));
        m.put("sendDate", format(s.sendDate));
        m.put("pickupDate", format(s.sendDate));
        put(m, "deliveredDate", format(s.deliveredDate));
        m.put("deliveryStatus", s.deliveredDate == null ? "DELIVERING" : "DELIVERY_COMPLETION");
        m.put("isWrongTrackingNumber", false);
        return m;
    }

    private static Map<String, Object> claim(ProductOrder po, Claim claim, State s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claimId", claim.claimId());
        m.put("claimStatus", s.claimStatus);
        m.put("claimRequestDate", format(s.claimRequestDate));
        m.put("requestChannel", "구매자");
        m.put("requestQuantity", po.quantity());
        switch (claim.type()) {
            case "CANCEL" -> {
                m.put("cancelReason", claim.reason());
                m.put("cancelDetailedReason", "단순 변심");
                put(m, "cancelApprovalDate", format(s.claimCompletedDate));
                put(m, "cancelCompletedDate", format(s.claimCompletedDate));
                put(m, "refundExpectedDate", s.claimCompletedDate == null ? null : format(s.claimCompletedDate.plusDays(1)));
            }
            case "RETURN" -> {
                m.put("returnReason", claim.reason());
                m.put("returnDetailedReason", "반품 요청");
                m.put("collectDeliveryCompany", DELIVERY_COMPANY);
                m.put("collectTrackingNumber", trackingNumber(claim.claimId(), 2));
                put(m, "collectCompletedDate", format(s.collectDoneDate));
                put(m, "returnCompletedDate", format(s.claimCompletedDate));
                // the sandbox charges no return delivery fee, so refunds and settlement stay simple
                m.put("claimDeliveryFeeDemandAmount", 0);
            }
            default -> {
                m.put("exchangeReason", claim.reason());
                m.put("exchangeDetailedReason", "사이즈 교환");
                m.put("collectDeliveryCompany", DELIVERY_COMPANY);
                m.put("collectTrackingNumber", trackingNumber(claim.claimId(), 2));
                put(m, "collectCompletedDate", format(s.collectDoneDate));
                m.put("reDeliveryMethod", "DELIVERY");
                if (s.redeliveryDate != null) {
                    m.put("reDeliveryCompany", DELIVERY_COMPANY);
                    m.put("reDeliveryTrackingNumber", trackingNumber(claim.claimId(), 3));
                    m.put("reDeliveryOperationDate", format(s.redeliveryDate));
                }
                m.put("claimDeliveryFeeDemandAmount", 0);
            }
        }
        return m;
    }

    /** A 12-digit CJ-style tracking number derived from an id, so it is the same at every read. */
    private static String trackingNumber(String id, int kind) {
        long n = Math.floorMod((id + "#" + kind).hashCode() * 31L + kind, 1_000_000_000_000L);
        return String.format("%012d", n);
    }

    private static String imageUrl(Product p) {
        return "https://shop-phinf.pstatic.net/sandbox/" + p.originProductNo() + ".jpg";
    }
}
