-- Seed figures for the landed-cost tables, as of 2026. Tax and duty figures are published ones; each row's source
-- says where from and what is simplified. Duty rates are the destination's general (MFN / erga omnes) ad-valorem
-- rate for the headings the demo catalogue uses, rounded where the tariff splits a heading further: re-verify
-- against the destination's published tariff before relying on them for real shipments. Shipping rates are the
-- platform's own price list (not a carrier's published tariff).

INSERT INTO shipping_zones (country, zone)
SELECT c, 'EU' FROM unnest(ARRAY['AT','BE','BG','HR','CY','CZ','DK','EE','FI','FR','DE','GR','HU','IE','IT','LV','LT',
  'LU','MT','NL','PL','PT','RO','SK','SI','ES','SE']) AS c
UNION ALL SELECT c, 'EUROPE' FROM unnest(ARRAY['GB','CH','NO','IS','LI']) AS c
UNION ALL SELECT c, 'NAM' FROM unnest(ARRAY['US','CA','MX']) AS c
UNION ALL SELECT c, 'APAC' FROM unnest(ARRAY['JP','KR','SG','AU','NZ','CN','HK','TW','TH','VN','IN']) AS c;
-- Any other country is zone ROW.

WITH zones(zone) AS (VALUES ('EU'), ('EUROPE'), ('NAM'), ('APAC'), ('ROW')),
pairs AS (
  SELECT o.zone AS origin, d.zone AS destination,
         CASE WHEN o.zone = d.zone THEN 'same-zone'
              WHEN o.zone IN ('EU', 'EUROPE') AND d.zone IN ('EU', 'EUROPE') THEN 'neighbouring'
              WHEN o.zone = 'ROW' OR d.zone = 'ROW' THEN 'remote'
              ELSE 'intercontinental' END AS distance
  FROM zones o CROSS JOIN zones d),
prices(distance, service_level, base_fee, step_fee, days_min, days_max) AS (VALUES
  ('same-zone',        'ECONOMY',   4.90, 0.80,  3,  6), ('same-zone',        'STANDARD',  6.90, 1.10, 2,  4),
  ('same-zone',        'EXPRESS',  12.90, 1.90,  1,  2),
  ('neighbouring',     'ECONOMY',   7.90, 1.40,  4,  8), ('neighbouring',     'STANDARD',  9.90, 1.90, 3,  5),
  ('neighbouring',     'EXPRESS',  19.90, 2.90,  1,  3),
  ('intercontinental', 'ECONOMY',  12.90, 3.20,  8, 16), ('intercontinental', 'STANDARD', 17.90, 4.20, 5,  9),
  ('intercontinental', 'EXPRESS',  34.90, 6.50,  2,  4),
  ('remote',           'ECONOMY',  16.90, 4.50, 10, 21), ('remote',           'STANDARD', 22.90, 5.60, 6, 12),
  ('remote',           'EXPRESS',  44.90, 8.90,  3,  6))
INSERT INTO shipping_rates (rate_id, version, valid_from, origin_zone, destination_zone, service_level, currency,
                            base_fee, step_fee, step_grams, transit_days_min, transit_days_max, note)
SELECT 'ship:' || p.origin || '>' || p.destination || ':' || r.service_level, 1, '2026-01-01T00:00:00Z', p.origin,
       p.destination, r.service_level, 'EUR', r.base_fee, r.step_fee, 500, r.days_min, r.days_max,
       'Tradewind price list 2026, ' || p.distance || ' lane; per started 500 g of the parcel''s total weight'
FROM pairs p JOIN prices r ON r.distance = p.distance;

-- Import VAT in the EU: standard rates from the European Commission's "VAT rates applied in the Member States"
-- (taxation-customs.ec.europa.eu), checked for 2026. Where a rate changed recently the earlier rate is kept as v1.
INSERT INTO tax_rules (rule_id, version, valid_from, country, tax_name, rate, shipping_in_base, duty_in_base,
                       low_value_limit, low_value_currency, low_value_treatment, duty_area, source)
SELECT 'vat:' || country, version, valid_from::timestamptz, country, 'VAT', rate, true, true, 150.00, 'EUR',
       'COLLECT_AT_SALE', 'EU',
       'Standard VAT rate ' || (rate * 100)::numeric(5,1) || ' %, this version valid from ' || valid_from
       || ' (European Commission, VAT rates in the Member States, 2026)' || coalesce('; ' || note, '') || '. Import VAT base = customs value'
       || ' (goods + transport to the EU) + duty (Dir. 2006/112/EC art. 85-86). Consignments of intrinsic value'
       || ' <= EUR 150: VAT charged at sale through IOSS by the marketplace as deemed supplier (art. 14a, since'
       || ' 2021-07-01), on the price including delivery'
FROM (VALUES
  ('AT', 1, '2016-01-01', 0.20, NULL), ('BE', 1, '1996-01-01', 0.21, NULL), ('BG', 1, '1999-01-01', 0.20, NULL),
  ('HR', 1, '2013-01-01', 0.25, NULL), ('CY', 1, '2014-01-13', 0.19, NULL), ('CZ', 1, '2013-01-01', 0.21, NULL),
  ('DK', 1, '1992-01-01', 0.25, NULL), ('EE', 1, '2024-01-01', 0.22, NULL),
  ('EE', 2, '2025-07-01', 0.24, 'raised from 22 % on 2025-07-01'),
  ('FI', 1, '2013-01-01', 0.24, NULL), ('FI', 2, '2024-09-01', 0.255, 'raised from 24 % on 2024-09-01'),
  ('FR', 1, '2014-01-01', 0.20, NULL), ('DE', 1, '2021-01-01', 0.19, NULL), ('GR', 1, '2016-06-01', 0.24, NULL),
  ('HU', 1, '2012-01-01', 0.27, NULL), ('IE', 1, '2021-03-01', 0.23, NULL), ('IT', 1, '2013-10-01', 0.22, NULL),
  ('LV', 1, '2012-07-01', 0.21, NULL), ('LT', 1, '2009-09-01', 0.21, NULL), ('LU', 1, '2024-01-01', 0.17, NULL),
  ('MT', 1, '2004-01-01', 0.18, NULL), ('NL', 1, '2012-10-01', 0.21, NULL), ('PL', 1, '2011-01-01', 0.23, NULL),
  ('PT', 1, '2011-01-01', 0.23, 'mainland rate (Azores 16 %, Madeira 22 % not modelled)'),
  ('RO', 1, '2017-01-01', 0.19, NULL), ('RO', 2, '2025-08-01', 0.21, 'raised from 19 % on 2025-08-01'),
  ('SK', 1, '2011-01-01', 0.20, NULL), ('SK', 2, '2025-01-01', 0.23, 'raised from 20 % on 2025-01-01'),
  ('SI', 1, '2013-07-01', 0.22, NULL), ('ES', 1, '2012-09-01', 0.21, 'mainland and Balearics (Canary Islands are outside the EU VAT area, not modelled)'),
  ('SE', 1, '1990-07-01', 0.25, NULL)
) AS eu(country, version, valid_from, rate, note);

INSERT INTO tax_rules (rule_id, version, valid_from, country, tax_name, rate, shipping_in_base, duty_in_base,
                       low_value_limit, low_value_currency, low_value_treatment, duty_area, source) VALUES
('vat:GB', 1, '2021-01-01T00:00:00Z', 'GB', 'VAT', 0.20, true, true, 135.00, 'GBP', 'COLLECT_AT_SALE', 'GB',
 'HMRC, VAT and overseas goods sold to customers in the UK (since 2021-01-01): standard rate 20 %. Consignments of'
 || ' intrinsic value <= GBP 135: VAT charged at the point of sale by the online marketplace, no import VAT and no'
 || ' customs duty. Above GBP 135: import VAT on customs value (incl. transport) + duty'),
('salestax:US', 1, '2016-03-10T00:00:00Z', 'US', 'sales tax', 0, false, false, NULL, NULL, NULL, 'US',
 'No federal VAT/GST. State and local sales taxes (collected by marketplace facilitators state by state) are NOT'
 || ' modelled: they depend on the ship-to state and locality, so this rule charges 0 and says so'),
('gst:CA', 1, '2024-01-01T00:00:00Z', 'CA', 'GST', 0.05, false, true, 20.00, 'CAD', 'EXEMPT', 'CA',
 'CBSA / CRA: GST 5 % on imports, on value for duty + duty (value for duty excludes transport from the point of'
 || ' direct shipment). Postal and courier consignments valued <= CAD 20 are relieved of duty and taxes (CUSMA-origin'
 || ' goods from US/MX: CAD 40 tax / CAD 150 duty, not modelled). Provincial HST/PST (13-15 % combined in HST'
 || ' provinces) NOT modelled: it depends on the province'),
('gst:AU', 1, '2018-07-01T00:00:00Z', 'AU', 'GST', 0.10, true, true, 1000.00, 'AUD', 'COLLECT_AT_SALE', 'AU',
 'ATO, GST on low value imported goods (since 2018-07-01): goods of customs value <= AUD 1,000 carry 10 % GST'
 || ' collected at sale by the electronic distribution platform, no duty or GST at the border. Above: duty + import'
 || ' GST on the value of the taxable importation (customs value + duty + international transport and insurance)'),
('ct:JP', 1, '2019-10-01T00:00:00Z', 'JP', 'consumption tax', 0.10, true, true, 10000, 'JPY', 'EXEMPT', 'JP',
 'Japan Customs: consumption tax 10 % (7.8 % national + 2.2 % local) since 2019-10-01, on CIF value + duty.'
 || ' Consignments of total taxable value <= JPY 10,000 are exempt from duty and consumption tax. Simplification:'
 || ' the personal-import valuation at 60 % of the overseas retail price is not applied'),
('gst:SG', 1, '2024-01-01T00:00:00Z', 'SG', 'GST', 0.09, true, true, 400.00, 'SGD', 'COLLECT_AT_SALE', 'SG',
 'IRAS: GST 9 % from 2024-01-01. Low-value goods <= SGD 400 imported by air or post: GST charged at sale by the'
 || ' OVR-registered electronic marketplace (since 2023-01-01). Above SGD 400: import GST on CIF + duty'),
('vat:KR', 1, '2024-01-01T00:00:00Z', 'KR', 'VAT', 0.10, true, true, 150.00, 'USD', 'EXEMPT', 'KR',
 'Korea Customs Service: VAT 10 % on dutiable value (CIF) + duty. Personal-use consignments <= USD 150 are exempt'
 || ' from duty and VAT (USD 200 for goods shipped from the US under KORUS, not modelled)'),
('vat:CH', 1, '2024-01-01T00:00:00Z', 'CH', 'VAT', 0.081, true, true, 61.72, 'CHF', 'EXEMPT', 'CH',
 'Swiss FOCBS / ESTV: VAT 8.1 % from 2024-01-01 on the import value (incl. transport to the destination) + duty.'
 || ' Import VAT of CHF 5 or less is not collected: modelled as a goods value limit of CHF 61.72 (8.1 % of it is'
 || ' under CHF 5). Mail-order sellers registered for Swiss VAT (>= CHF 100,000 of small consignments) not modelled'),
('vat:NO', 1, '2020-04-01T00:00:00Z', 'NO', 'VAT', 0.25, true, true, 3000.00, 'NOK', 'COLLECT_AT_SALE', 'NO',
 'Skatteetaten, VOEC scheme (since 2020-04-01): goods under NOK 3,000 carry 25 % VAT charged at sale by the'
 || ' VOEC-registered marketplace, no customs duty. Otherwise import VAT on customs value + duty. Simplification:'
 || ' the NOK 3,000 limit applies per item; here to the consignment, at or under the limit'),
('gst:NZ', 1, '2019-12-01T00:00:00Z', 'NZ', 'GST', 0.15, true, true, 1000.00, 'NZD', 'COLLECT_AT_SALE', 'NZ',
 'Inland Revenue, GST on low-value imported goods (since 2019-12-01): <= NZD 1,000 GST 15 % collected at sale by'
 || ' the marketplace, no duty or GST at the border. Above: duty + GST on customs value + freight + duty (border'
 || ' cost-recovery fees not modelled)');

INSERT INTO duty_rules (rule_id, version, valid_from, area, threshold, threshold_currency, shipping_in_value,
                        default_rate, source) VALUES
('duty:EU', 1, '2021-07-01T00:00:00Z', 'EU', 150.00, 'EUR', true, 0.04,
 'Council Reg. (EC) 1186/2009 art. 23: consignments of negligible value (intrinsic value <= EUR 150) are relieved'
 || ' of import duty; Combined Nomenclature erga omnes rates; customs value CIF to the EU border. The Council agreed'
 || ' in late 2025 to remove this relief, with an interim flat duty per item on low-value parcels planned for 2026:'
 || ' not modelled here; it belongs in a v2 of this rule with its valid_from once its terms are confirmed'),
('duty:GB', 1, '2021-01-01T00:00:00Z', 'GB', 135.00, 'GBP', true, 0.04,
 'UK Global Tariff; consignments <= GBP 135 are not charged customs duty (VAT at sale instead); customs value CIF'),
('duty:US', 1, '2016-03-10T00:00:00Z', 'US', 800.00, 'USD', false, 0.035,
 'HTSUS general (MFN) rates; 19 U.S.C. 1321 de minimis: shipments <= USD 800 duty-free (raised from USD 200 by'
 || ' the Trade Facilitation and Trade Enforcement Act 2015, effective 2016-03-10); customs value FOB'),
('duty:US', 2, '2025-08-29T00:00:00Z', 'US', NULL, NULL, false, 0.035,
 'Executive Order 14324: duty-free de minimis treatment suspended for all countries from 2025-08-29 (still in'
 || ' force in 2026 as far as this seed knows), so every shipment is dutiable. HTSUS general (MFN) rates only:'
 || ' additional country-specific duties (IEEPA, Section 301/232) are NOT modelled'),
('duty:CA', 1, '2024-01-01T00:00:00Z', 'CA', 20.00, 'CAD', false, 0.05,
 'Canadian Customs Tariff MFN rates; courier/postal de minimis CAD 20; value for duty excludes onward transport'),
('duty:AU', 1, '2018-07-01T00:00:00Z', 'AU', 1000.00, 'AUD', false, 0.05,
 'Australian Customs Tariff general rate 5 % (0 % for many headings); goods <= AUD 1,000 not charged duty at the'
 || ' border; customs value FOB'),
('duty:JP', 1, '2024-01-01T00:00:00Z', 'JP', 10000, 'JPY', true, 0.03,
 'Japan Customs Tariff (WTO / general rates); consignments <= JPY 10,000 exempt (see ct:JP); customs value CIF'),
('duty:SG', 1, '2024-01-01T00:00:00Z', 'SG', NULL, NULL, true, 0,
 'Singapore Customs: no customs duty except on intoxicating liquors, tobacco, motor vehicles and petroleum, none of'
 || ' which the catalogue sells'),
('duty:KR', 1, '2024-01-01T00:00:00Z', 'KR', 150.00, 'USD', true, 0.08,
 'Korea Customs Tariff basic rate 8 %; ITA electronics 0 %; personal-use consignments <= USD 150 exempt; CIF'),
('duty:CH', 1, '2024-01-01T00:00:00Z', 'CH', NULL, NULL, true, 0,
 'Swiss tariff: customs duties on industrial goods (HS chapters 25-97) abolished from 2024-01-01. Agricultural'
 || ' goods carry specific duties per 100 kg gross: not modelled (0 here)'),
('duty:NO', 1, '2020-04-01T00:00:00Z', 'NO', 3000.00, 'NOK', true, 0,
 'Norwegian Customs Tariff: most industrial goods duty-free; clothing and some textiles dutiable; goods sold under'
 || ' VOEC (< NOK 3,000) carry no duty'),
('duty:NZ', 1, '2019-12-01T00:00:00Z', 'NZ', 1000.00, 'NZD', false, 0.05,
 'New Zealand Working Tariff (typical 5 %, clothing 10 %, many goods 0 %); <= NZD 1,000 no duty; customs value FOB');

INSERT INTO duty_rates (rule_id, version, hs_prefix, rate, note) VALUES
('duty:EU', 1, '09', 0, 'tea 0902: 0 %'), ('duty:EU', 1, '0901', 0.075, 'roasted coffee 0901 21: 7.5 %'),
('duty:EU', 1, '14', 0, 'vegetable plaiting materials 1401: 0 %'),
('duty:EU', 1, '15', 0.04, 'olive oil 1509: specific duty per 100 kg, approximate ad-valorem equivalent'),
('duty:EU', 1, '16', 0.032, 'extracts 1603: approximate'),
('duty:EU', 1, '20', 0.24, 'jams and preserves 2007 99: approximate, additional sugar duty not modelled'),
('duty:EU', 1, '33', 0, 'beauty preparations 3304: 0 %'), ('duty:EU', 1, '34', 0, 'soap 3401, candles 3406: 0 %'),
('duty:EU', 1, '42', 0.037, 'textile handbags 4202 22: 3.7 %'), ('duty:EU', 1, '420292', 0.027, 'textile bags 4202 92: 2.7 %'),
('duty:EU', 1, '44', 0, 'wooden tableware 4419: 0 %'), ('duty:EU', 1, '48', 0, 'notebooks 4820, letter sets 4817: 0 %'),
('duty:EU', 1, '62', 0.12, 'woven apparel 6205: 12 %'), ('duty:EU', 1, '6214', 0.08, 'scarves 6214: 8 %'),
('duty:EU', 1, '6217', 0.063, 'clothing accessories 6217: 6.3 %'),
('duty:EU', 1, '63', 0.12, 'bed, table and toilet linen 6302: 12 %'),
('duty:EU', 1, '69', 0.09, 'ceramic tableware 6912: approximate'), ('duty:EU', 1, '6913', 0.06, 'ceramic ornaments 6913: approximate'),
('duty:EU', 1, '73', 0.032, 'stainless steel kitchenware 7323 93: 3.2 %'),
('duty:EU', 1, '82', 0.085, 'knives with fixed blades 8211 92: 8.5 %'),
('duty:EU', 1, '85', 0.02, 'loudspeakers, headphones, amplifiers 8518 and turntables 8519: approximate 2 %'),
('duty:EU', 1, '8544', 0.037, 'insulated conductors with connectors 8544 42: 3.7 %'),
('duty:EU', 1, '94', 0.047, 'lighting 9405: 4.7 %'), ('duty:EU', 1, '95', 0.047, 'toys and puzzles 9503: approximate'),
('duty:EU', 1, '96', 0.037, 'ballpoint pens 9608 10: 3.7 %'),
('duty:GB', 1, '09', 0, 'tea: 0 %'), ('duty:GB', 1, '0901', 0.06, 'roasted coffee: approximate'),
('duty:GB', 1, '20', 0.16, 'preserves: approximate'), ('duty:GB', 1, '33', 0, '0 %'), ('duty:GB', 1, '34', 0, '0 %'),
('duty:GB', 1, '44', 0, '0 %'), ('duty:GB', 1, '48', 0, '0 %'), ('duty:GB', 1, '62', 0.12, 'woven apparel: 12 %'),
('duty:GB', 1, '6214', 0.08, 'scarves: 8 %'), ('duty:GB', 1, '63', 0.12, 'household linen: 12 %'),
('duty:GB', 1, '69', 0.08, 'ceramic tableware: approximate'), ('duty:GB', 1, '73', 0.02, 'approximate'),
('duty:GB', 1, '82', 0.08, 'knives: approximate'), ('duty:GB', 1, '85', 0.02, 'audio equipment: approximate'),
('duty:GB', 1, '95', 0, 'toys: 0 %'), ('duty:GB', 1, '96', 0.04, 'pens: approximate'),
('duty:US', 1, '09', 0, 'tea and coffee: free'), ('duty:US', 1, '42', 0.07, 'textile bags: approximate'),
('duty:US', 1, '62', 0.197, 'cotton shirts 6205.20: 19.7 %'), ('duty:US', 1, '63', 0.067, 'cotton bed linen 6302.31: 6.7 %'),
('duty:US', 1, '69', 0.098, 'ceramic tableware: approximate'), ('duty:US', 1, '82', 0.04, 'knives: approximate'),
('duty:US', 1, '85', 0.049, 'loudspeakers, headphones 8518: 4.9 %'), ('duty:US', 1, '8544', 0.026, 'cables 8544.42: 2.6 %'),
('duty:US', 1, '95', 0, 'toys 9503: free'),
('duty:US', 2, '09', 0, 'tea and coffee: free'), ('duty:US', 2, '42', 0.07, 'textile bags: approximate'),
('duty:US', 2, '62', 0.197, 'cotton shirts 6205.20: 19.7 %'), ('duty:US', 2, '63', 0.067, 'cotton bed linen 6302.31: 6.7 %'),
('duty:US', 2, '69', 0.098, 'ceramic tableware: approximate'), ('duty:US', 2, '82', 0.04, 'knives: approximate'),
('duty:US', 2, '85', 0.049, 'loudspeakers, headphones 8518: 4.9 %'), ('duty:US', 2, '8544', 0.026, 'cables 8544.42: 2.6 %'),
('duty:US', 2, '95', 0, 'toys 9503: free'),
('duty:CA', 1, '09', 0, 'free'), ('duty:CA', 1, '62', 0.18, 'apparel: 18 %'), ('duty:CA', 1, '63', 0.17, 'household linen: approximate'),
('duty:CA', 1, '85', 0, 'audio equipment: free'), ('duty:CA', 1, '95', 0, 'toys: free'),
('duty:AU', 1, '09', 0, 'free'), ('duty:AU', 1, '85', 0, 'free'), ('duty:AU', 1, '95', 0, 'free'),
('duty:JP', 1, '0902', 0.17, 'green tea 0902 10: 17 %'), ('duty:JP', 1, '0901', 0.12, 'roasted coffee: 12 %'),
('duty:JP', 1, '62', 0.091, 'woven apparel: approximate'), ('duty:JP', 1, '63', 0.066, 'household linen: approximate'),
('duty:JP', 1, '42', 0.08, 'textile bags: approximate'), ('duty:JP', 1, '69', 0, 'free'), ('duty:JP', 1, '73', 0, 'free'),
('duty:JP', 1, '82', 0, 'free'), ('duty:JP', 1, '85', 0, 'free'), ('duty:JP', 1, '94', 0, 'free'),
('duty:JP', 1, '95', 0, 'free'), ('duty:JP', 1, '48', 0, 'free'), ('duty:JP', 1, '96', 0, 'free'),
('duty:KR', 1, '0902', 5.136, 'green tea 0902 10: 513.6 %'),
('duty:KR', 1, '62', 0.13, 'apparel: 13 %'), ('duty:KR', 1, '63', 0.13, 'household linen: 13 %'),
('duty:KR', 1, '85', 0, 'ITA electronics: free'),
('duty:NO', 1, '62', 0.107, 'clothing: approximate'), ('duty:NO', 1, '63', 0.107, 'household linen: approximate'),
('duty:NZ', 1, '62', 0.10, 'clothing: 10 %'), ('duty:NZ', 1, '09', 0, 'free'), ('duty:NZ', 1, '85', 0, 'free');
