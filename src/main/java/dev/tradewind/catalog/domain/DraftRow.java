package dev.tradewind.catalog.domain;

import java.util.List;

/**
 * A row as read, before the rules: the values that parsed ({@code row}, with zero or null where one did not) and
 * what did not parse. {@code row} is null when the row could not be read at all (a CSV row with too many values).
 */
record DraftRow(int line, ProductRow row, List<RowError> errors) {
}
