package dev.tradewind.identity.domain;

/**
 * A buyer's shipping address. As typed it goes to {@link AddressRules#check}; {@link AddressRules#accept} gives it
 * back normalised: text stripped, country upper-cased, postal code and region in their stored form, phone in
 * E.164, absent optional fields null.
 */
public record NewAddress(String label, String recipient, String line1, String line2, String city, String region,
                         String postalCode, String country, String phone, boolean isDefault) {
}
