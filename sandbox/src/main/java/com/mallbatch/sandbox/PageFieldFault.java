package com.mallbatch.sandbox;

import java.util.Set;

/**
 * A seller-center knob: one variant field of crawled product pages rendered differently, for a share of the products
 * chosen from the seed (the same knob on the same sandbox always picks the same products; every variant row of a
 * picked product is changed). Each center's ground truth keeps the true values and names what it changed
 * ({@code SellerCenter.driftedFields()}, {@code "driftedFields"} in {@code GET /_sandbox/seller/{id}/ground-truth}).
 *
 * @param mode    {@link Mode#UNPARSEABLE} or {@link Mode#DIFFERENT_VALUE}
 * @param field   the variant field: {@code stock} or {@code extraPrice} (the option's extra price)
 * @param share   of each center's products (those whose page exists), 0 &lt; share ≤ 1; at least one is picked
 * @param renders {@link Mode#DIFFERENT_VALUE}: how many renders of a picked product's page, from when the knob is set,
 *                show the different value (then it shows the true one again); ignored for {@link Mode#UNPARSEABLE}
 * @param center  only this seller center ({@code stylemarket01} …); null: every one
 */
public record PageFieldFault(Mode mode, String field, double share, int renders, String center) {

    public enum Mode {
        /**
         * The field is shown in a format the bundled profiles' parsers cannot read ({@code 1,234개} for stock,
         * {@code +2,000원 (옵션가)} for an extra price): each such row is a malformed record the crawl skips, and the
         * field's parse rate drops; the crawl does not fail (a parse failure is no missing field, so it does not count
         * against the profile's {@code maxMissingRatio}; it counts against {@code mallbatch.collect.skip-limit}).
         */
        UNPARSEABLE,
        /**
         * The field shows another, well-formed value (stock + 1…9, extra price + 1,000…3,000원) during the next
         * {@code renders} renders of the page, as a stale cache would: a crawl in that time stores the wrong value,
         * a later one reads the true one.
         */
        DIFFERENT_VALUE
    }

    public static final Set<String> FIELDS = Set.of("stock", "extraPrice");

    public PageFieldFault {
        if (mode == null) {
            throw new IllegalArgumentException("A page field fault needs a mode: UNPARSEABLE or DIFFERENT_VALUE");
        }
        if (!FIELDS.contains(field)) {
            throw new IllegalArgumentException("A page field fault changes one of " + FIELDS + ", not '" + field + "'");
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("A page field fault's share is above 0 and at most 1, not " + share);
        }
        if (mode == Mode.DIFFERENT_VALUE && renders < 1) {
            throw new IllegalArgumentException("A DIFFERENT_VALUE fault lasts at least 1 render, not " + renders);
        }
    }

    /** {@code field} unreadable on the pages of {@code share} of the products of every center. */
    public static PageFieldFault unparseable(String field, double share) {
        return new PageFieldFault(Mode.UNPARSEABLE, field, share, 0, null);
    }

    /** {@code field} showing another value on the next {@code renders} renders of {@code share} of the products' pages. */
    public static PageFieldFault differentValue(String field, double share, int renders) {
        return new PageFieldFault(Mode.DIFFERENT_VALUE, field, share, renders, null);
    }

    /** The same fault on one seller center only. */
    public PageFieldFault onlyAt(String centerId) {
        return new PageFieldFault(mode, field, share, renders, centerId);
    }
}
