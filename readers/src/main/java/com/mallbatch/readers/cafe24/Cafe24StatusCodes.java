package com.mallbatch.readers.cafe24;

import com.mallbatch.domain.OrderLineStatus;

import java.util.Map;
import java.util.Set;

import static com.mallbatch.domain.OrderLineStatus.AWAITING_PAYMENT;
import static com.mallbatch.domain.OrderLineStatus.CANCELLED;
import static com.mallbatch.domain.OrderLineStatus.CANCEL_REQUESTED;
import static com.mallbatch.domain.OrderLineStatus.DELIVERED;
import static com.mallbatch.domain.OrderLineStatus.EXCHANGED;
import static com.mallbatch.domain.OrderLineStatus.EXCHANGE_REQUESTED;
import static com.mallbatch.domain.OrderLineStatus.PREPARING;
import static com.mallbatch.domain.OrderLineStatus.PURCHASE_CONFIRMED;
import static com.mallbatch.domain.OrderLineStatus.RETURNED;
import static com.mallbatch.domain.OrderLineStatus.RETURN_REQUESTED;
import static com.mallbatch.domain.OrderLineStatus.SHIPPING;

/**
 * Every order status code the Admin API documents (the {@code order_status} list of "Retrieve a list of orders") and
 * what it means in common terms. A claim that is still being processed — before refund, refund on hold, collected —
 * is still a request; a completed one (refunded or not yet) is done. A code the docs do not list has no meaning here.
 */
final class Cafe24StatusCodes {

    private static final Map<String, OrderLineStatus> CODES = Map.ofEntries(
            Map.entry("N00", AWAITING_PAYMENT),     // 입금전
            Map.entry("N02", AWAITING_PAYMENT),     // 주문접수중 / 입금전 - 카드결제대기
            Map.entry("N10", PREPARING),            // 상품준비중
            Map.entry("N20", PREPARING),            // 배송준비중
            Map.entry("N21", PREPARING),            // 배송대기
            Map.entry("N22", PREPARING),            // 배송보류
            Map.entry("N30", SHIPPING),             // 배송중
            Map.entry("N40", DELIVERED),            // 배송완료
            Map.entry("N50", PURCHASE_CONFIRMED),   // 구매확정
            Map.entry("C00", CANCEL_REQUESTED),     // 취소신청
            Map.entry("C10", CANCEL_REQUESTED),     // 취소접수 - 관리자
            Map.entry("C34", CANCEL_REQUESTED),     // 취소처리중 - 환불전
            Map.entry("C35", CANCEL_REQUESTED),     // 취소처리중 - 환불완료
            Map.entry("C36", CANCEL_REQUESTED),     // 취소처리중 - 환불보류
            Map.entry("C40", CANCELLED),            // 취소완료
            Map.entry("C41", CANCELLED),            // 취소 완료 - 환불전
            Map.entry("C42", CANCELLED),            // 취소 완료 - 환불요청중
            Map.entry("C43", CANCELLED),            // 취소 완료 - 환불보류
            Map.entry("C47", CANCELLED),            // 입금전취소 - 구매자
            Map.entry("C48", CANCELLED),            // 입금전취소 - 자동취소
            Map.entry("C49", CANCELLED),            // 입금전취소 - 관리자
            Map.entry("R00", RETURN_REQUESTED),     // 반품신청
            Map.entry("R10", RETURN_REQUESTED),     // 반품접수
            Map.entry("R12", RETURN_REQUESTED),     // 반품보류
            Map.entry("R13", RETURN_REQUESTED),     // 반품접수 - 수거완료(자동)
            Map.entry("R20", RETURN_REQUESTED),     // 반품 수거 완료
            Map.entry("R30", RETURN_REQUESTED),     // 반품처리중 - 수거전
            Map.entry("R31", RETURN_REQUESTED),     // 반품처리중 - 수거완료
            Map.entry("R34", RETURN_REQUESTED),     // 반품처리중 - 환불전
            Map.entry("R36", RETURN_REQUESTED),     // 반품처리중 - 환불보류
            Map.entry("R40", RETURNED),             // 반품완료 - 환불완료
            Map.entry("R41", RETURNED),             // 반품완료 - 환불전
            Map.entry("R42", RETURNED),             // 반품완료 - 환불요청중
            Map.entry("R43", RETURNED),             // 반품완료 - 환불보류
            Map.entry("E00", EXCHANGE_REQUESTED),   // 교환신청
            Map.entry("E10", EXCHANGE_REQUESTED),   // 교환접수
            Map.entry("N01", EXCHANGE_REQUESTED),   // 교환접수 - 교환상품
            Map.entry("N03", EXCHANGE_REQUESTED),   // 교환접수 - 카드결제대기
            Map.entry("E12", EXCHANGE_REQUESTED),   // 교환보류
            Map.entry("E13", EXCHANGE_REQUESTED),   // 교환접수 - 수거완료(자동)
            Map.entry("E20", EXCHANGE_REQUESTED),   // 교환준비
            Map.entry("E30", EXCHANGE_REQUESTED),   // 교환처리중 - 수거전
            Map.entry("E31", EXCHANGE_REQUESTED),   // 교환처리중 - 수거완료
            Map.entry("E32", EXCHANGE_REQUESTED),   // 교환처리중 - 입금전
            Map.entry("E33", EXCHANGE_REQUESTED),   // 교환처리중 - 입금완료
            Map.entry("E34", EXCHANGE_REQUESTED),   // 교환처리중 - 환불전
            Map.entry("E35", EXCHANGE_REQUESTED),   // 교환처리중 - 환불완료
            Map.entry("E36", EXCHANGE_REQUESTED),   // 교환처리중 - 환불보류
            Map.entry("E40", EXCHANGED));           // 교환완료

    /** A claim the mall refused (취소접수거부, 반품 접수 거부, 교환접수거부): the line is where it was before the claim. */
    private static final Set<String> REFUSED_CLAIMS = Set.of("C11", "R11", "E11");

    private Cafe24StatusCodes() {
    }

    /** Null for a code Cafe24 has not documented. */
    static OrderLineStatus meaning(String code) {
        return code == null ? null : CODES.get(code);
    }

    /** A refused claim is read through the status the line had before it ({@code order_status_before_cs}). */
    static boolean isRefusedClaim(String code) {
        return REFUSED_CLAIMS.contains(code);
    }
}
