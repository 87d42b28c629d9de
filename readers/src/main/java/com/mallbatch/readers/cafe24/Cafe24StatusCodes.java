package com.mallbatch.readers.cafe24;

import com.mallbatch.domain.OrderLineStatus;

import java.util.Map;

/** Cafe24's order status codes and what they mean in common terms. */
final class Cafe24StatusCodes {

    private static final Map<String, OrderLineStatus> CODES = Map.ofEntries(
            Map.entry("N00", OrderLineStatus.AWAITING_PAYMENT),   // 입금전
            Map.entry("N10", OrderLineStatus.PREPARING),          // 상품준비중
            Map.entry("N20", OrderLineStatus.PREPARING),          // 배송준비중
            Map.entry("N21", OrderLineStatus.PREPARING),          // 배송대기
            Map.entry("N22", OrderLineStatus.PREPARING),          // 배송보류
            Map.entry("N30", OrderLineStatus.SHIPPING),           // 배송중
            Map.entry("N40", OrderLineStatus.DELIVERED),          // 배송완료
            Map.entry("N50", OrderLineStatus.PURCHASE_CONFIRMED), // 구매확정
            Map.entry("C00", OrderLineStatus.CANCEL_REQUESTED),   // 취소신청
            Map.entry("C10", OrderLineStatus.CANCEL_REQUESTED),   // 취소접수 - 관리자
            Map.entry("C34", OrderLineStatus.CANCEL_REQUESTED),   // 취소처리중 - 환불전
            Map.entry("C36", OrderLineStatus.CANCEL_REQUESTED),   // 취소처리중 - 환불추가
            Map.entry("C40", OrderLineStatus.CANCELLED),          // 취소완료
            Map.entry("C47", OrderLineStatus.CANCELLED),          // 입금전취소 - 구매자
            Map.entry("C48", OrderLineStatus.CANCELLED),          // 입금전취소 - 자동취소
            Map.entry("C49", OrderLineStatus.CANCELLED),          // 입금전취소 - 관리자
            Map.entry("R00", OrderLineStatus.RETURN_REQUESTED),   // 반품신청
            Map.entry("R10", OrderLineStatus.RETURN_REQUESTED),   // 반품접수
            Map.entry("R12", OrderLineStatus.RETURN_REQUESTED),   // 반품보류
            Map.entry("R13", OrderLineStatus.RETURN_REQUESTED),   // 반품접수 - 수거완료(환불전)
            Map.entry("R30", OrderLineStatus.RETURN_REQUESTED),   // 반품처리중 - 수거전
            Map.entry("R34", OrderLineStatus.RETURN_REQUESTED),   // 반품처리중 - 환불전
            Map.entry("R36", OrderLineStatus.RETURN_REQUESTED),   // 반품처리중 - 환불추가
            Map.entry("R40", OrderLineStatus.RETURNED),           // 반품완료
            Map.entry("E00", OrderLineStatus.EXCHANGE_REQUESTED), // 교환신청
            Map.entry("E10", OrderLineStatus.EXCHANGE_REQUESTED), // 교환접수
            Map.entry("E12", OrderLineStatus.EXCHANGE_REQUESTED), // 교환보류
            Map.entry("E13", OrderLineStatus.EXCHANGE_REQUESTED), // 교환접수 - 수거완료
            Map.entry("E20", OrderLineStatus.EXCHANGE_REQUESTED), // 교환준비
            Map.entry("E30", OrderLineStatus.EXCHANGE_REQUESTED), // 교환처리중
            Map.entry("E32", OrderLineStatus.EXCHANGE_REQUESTED), // 교환처리중 - 환불전
            Map.entry("E34", OrderLineStatus.EXCHANGE_REQUESTED), // 교환처리중 - 환불추가
            Map.entry("E36", OrderLineStatus.EXCHANGE_REQUESTED), // 교환처리중 - 입금전
            Map.entry("E40", OrderLineStatus.EXCHANGED));         // 교환완료

    private Cafe24StatusCodes() {
    }

    /** Null for a code Cafe24 has not documented. */
    static OrderLineStatus meaning(String code) {
        return code == null ? null : CODES.get(code);
    }
}
