package dev.tradewind.checkout.domain;

/** Where an order goes. {@code country} is ISO 3166-1 alpha-2; the rest is as the buyer wrote it. */
public record Address(String recipient, String line1, String line2, String city, String postalCode, String region,
                      String country) {
}
