package dev.tradewind.identity.application;

/** What a successful sign-in or refresh hands the client. */
public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {
}
