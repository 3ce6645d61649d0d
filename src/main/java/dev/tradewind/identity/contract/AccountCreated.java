package dev.tradewind.identity.contract;

import java.util.UUID;

/** The answer to {@link CreateAccount}: the new account's id, or {@code existed} when the email was taken. */
public record AccountCreated(UUID userId, boolean existed) {
}
