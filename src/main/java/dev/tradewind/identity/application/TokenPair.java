package dev.tradewind.identity.application;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a successful sign-in or refresh hands the client; service accounts get no refresh token. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {
}
