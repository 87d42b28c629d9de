package com.mallbatch.readers.crawl;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.OrderLineStatus;
import com.mallbatch.domain.ProductStatus;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Turns the text a page shows into a value: "12,900원" → 12900.00, "1,234" → 1234, "품절" → 0 stock. A text it
 * cannot read is an {@link IllegalArgumentException} whose message says what was expected.
 */
@FunctionalInterface
public interface ValueParser {

    Object parse(String raw);

    ValueParser TEXT = raw -> raw;

    ValueParser INTEGER = raw -> {
        try {
            return Integer.parseInt(raw.replace(",", "").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("should be a whole number like 1,234 but is \"" + raw + "\"");
        }
    };

    /** Won amounts with thousands separators, a currency word or sign, and an optional leading '+' or '-'. */
    ValueParser MONEY = raw -> {
        String digits = raw.replace(",", "").replace("원", "").replace("₩", "").replace("KRW", "").replace("+", "")
                .replace(" ", "").trim();
        if (digits.isEmpty()) {
            return Money.ZERO;
        }
        try {
            return new Money(new BigDecimal(digits).setScale(2));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("should be an amount like 12,900원 but is \"" + raw + "\"");
        }
    };

    ValueParser BOOLEAN = raw -> switch (raw.trim().toLowerCase()) {
        case "true", "t", "y", "yes" -> true;
        case "false", "f", "n", "no" -> false;
        default -> throw new IllegalArgumentException("should be true or false but is \"" + raw + "\"");
    };

    /** Stock counts; any of the sold-out words means zero. */
    static ValueParser stock(List<String> soldOutWords) {
        return raw -> soldOutWords.contains(raw.trim()) ? 0 : (Integer) INTEGER.parse(raw);
    }

    /** A fixed dictionary, e.g. 판매중 → true. */
    static ValueParser dictionary(Map<String, Object> values) {
        return raw -> {
            Object value = values.get(raw.trim());
            if (value == null) {
                throw new IllegalArgumentException("is \"" + raw + "\", which the profile does not map (known: "
                        + values.keySet() + ")");
            }
            return value;
        };
    }

    /** Order status words → the common status; the word itself is kept as the platform's code. */
    static ValueParser status(Map<String, OrderLineStatus> statuses) {
        return word(statuses);
    }

    /** Product status words (판매중, 품절, 판매중지 …) → the common product status. */
    static ValueParser productStatus(Map<String, ProductStatus> statuses) {
        return word(statuses);
    }

    private static ValueParser word(Map<String, ?> meanings) {
        return raw -> {
            Object meaning = meanings.get(raw.trim());
            if (meaning == null) {
                throw new IllegalArgumentException("has the status \"" + raw + "\", which the profile does not map (known: "
                        + meanings.keySet() + ")");
            }
            return meaning;
        };
    }

    static ValueParser dateTime(String pattern) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern);
        return raw -> {
            try {
                return LocalDateTime.parse(raw.trim(), format);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("should be a time like " + pattern + " but is \"" + raw + "\"");
            }
        };
    }
}
