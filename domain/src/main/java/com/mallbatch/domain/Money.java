package com.mallbatch.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An amount in Korean won, kept with two decimals as the malls report it ("12900.00"). */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        Objects.requireNonNull(amount, "amount");
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Parses a decimal string such as {@code "12900.00"}; throws {@link NumberFormatException} otherwise. */
    public static Money parse(String decimal) {
        return new Money(new BigDecimal(decimal.trim()));
    }

    public static Money of(long won) {
        return new Money(BigDecimal.valueOf(won));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)));
    }

    @Override
    public int compareTo(Money o) {
        return amount.compareTo(o.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
