-- Landed-cost reference data: shipping zones and rate tables, import tax rules, customs duty rules. Every rule is
-- versioned: a rule id keeps its versions, and a quote uses, per rule id, the highest version whose valid_from is
-- not after the quote's instant. Rows are never updated in place; a changed figure is a new version.
CREATE TABLE shipping_zones (
    country char(2) PRIMARY KEY,
    zone    text    NOT NULL
);

-- fee = base_fee + step_fee x (started step_grams of the parcel's total weight), in currency.
CREATE TABLE shipping_rates (
    rate_id          text          NOT NULL,
    version          int           NOT NULL CHECK (version > 0),
    valid_from       timestamptz   NOT NULL,
    origin_zone      text          NOT NULL,
    destination_zone text          NOT NULL,
    service_level    text          NOT NULL CHECK (service_level IN ('ECONOMY', 'STANDARD', 'EXPRESS')),
    currency         char(3)       NOT NULL,
    base_fee         numeric(12,2) NOT NULL CHECK (base_fee >= 0),
    step_fee         numeric(12,2) NOT NULL CHECK (step_fee >= 0),
    step_grams       int           NOT NULL CHECK (step_grams > 0),
    transit_days_min int           NOT NULL CHECK (transit_days_min > 0),
    transit_days_max int           NOT NULL,
    note             text          NOT NULL,
    PRIMARY KEY (rate_id, version),
    CHECK (transit_days_max >= transit_days_min)
);

-- Import VAT/GST of one destination. At or under low_value_limit (the consignment's goods value, converted into
-- low_value_currency) the tax is either collected at sale by the platform as deemed supplier (COLLECT_AT_SALE:
-- EU IOSS, UK, AU, NZ, NO VOEC, SG OVR) or not levied (EXEMPT). duty_area names the duty rule that applies.
CREATE TABLE tax_rules (
    rule_id             text          NOT NULL,
    version             int           NOT NULL CHECK (version > 0),
    valid_from          timestamptz   NOT NULL,
    country             char(2)       NOT NULL,
    tax_name            text          NOT NULL,
    rate                numeric(7,5)  NOT NULL CHECK (rate >= 0 AND rate < 1),
    shipping_in_base    boolean       NOT NULL,
    duty_in_base        boolean       NOT NULL,
    low_value_limit     numeric(14,2),
    low_value_currency  char(3),
    low_value_treatment text          CHECK (low_value_treatment IN ('COLLECT_AT_SALE', 'EXEMPT')),
    duty_area           text          NOT NULL,
    source              text          NOT NULL,
    PRIMARY KEY (rule_id, version),
    CHECK ((low_value_limit IS NULL) = (low_value_currency IS NULL)
       AND (low_value_limit IS NULL) = (low_value_treatment IS NULL))
);
CREATE INDEX tax_rules_country ON tax_rules (country);

-- Customs duty of one customs territory (a country, or the EU customs union). No duty when the consignment's goods
-- value, converted into threshold_currency, is at or under threshold; null threshold = no de-minimis.
CREATE TABLE duty_rules (
    rule_id            text          NOT NULL,
    version            int           NOT NULL CHECK (version > 0),
    valid_from         timestamptz   NOT NULL,
    area               text          NOT NULL,
    threshold          numeric(14,2),
    threshold_currency char(3),
    shipping_in_value  boolean       NOT NULL,
    default_rate       numeric(7,5)  NOT NULL CHECK (default_rate >= 0),
    source             text          NOT NULL,
    PRIMARY KEY (rule_id, version),
    CHECK ((threshold IS NULL) = (threshold_currency IS NULL))
);

-- Ad-valorem rates by HS prefix (chapter = 2 digits, heading = 4, subheading = 6); the longest matching prefix wins.
CREATE TABLE duty_rates (
    rule_id   text         NOT NULL,
    version   int          NOT NULL,
    hs_prefix text         NOT NULL CHECK (hs_prefix ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
    rate      numeric(7,5) NOT NULL CHECK (rate >= 0),
    note      text         NOT NULL,
    PRIMARY KEY (rule_id, version, hs_prefix),
    FOREIGN KEY (rule_id, version) REFERENCES duty_rules (rule_id, version)
);
