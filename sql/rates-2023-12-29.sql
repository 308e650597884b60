-- The exchange rates a new (or upgraded) database starts with: a dated
-- snapshot, not live data.  Update them with "jobstats rates set" or
-- "jobstats rates import" before converting salaries of a later date.
--
-- Source: the European Central Bank's euro foreign exchange reference rates
-- of 29 December 2023 (the last of 2023), units of each currency per euro,
-- as published at https://www.ecb.europa.eu/stats/eurofxref/ .  Checked
-- figure by figure against a public copy of that day's ECB XML file
-- (eurofxref, 2023-12-29, as kept in the vane/ecb-fx repository).
-- Stored per US dollar: each per-euro figure divided by the dollar's
-- (1.1050), so USD is exactly 1 and EUR is 1 / 1.1050.
WITH ecb (currency, per_eur) AS (VALUES
	('USD', 1.1050), ('EUR', 1), ('JPY', 156.33), ('BGN', 1.9558),
	('CZK', 24.724), ('DKK', 7.4529), ('GBP', 0.86905), ('HUF', 382.80),
	('PLN', 4.3395), ('RON', 4.9756), ('SEK', 11.0960), ('CHF', 0.9260),
	('ISK', 150.50), ('NOK', 11.2405), ('TRY', 32.6531), ('AUD', 1.6263),
	('BRL', 5.3618), ('CAD', 1.4642), ('CNY', 7.8509), ('HKD', 8.6314),
	('IDR', 17079.71), ('ILS', 3.9993), ('INR', 91.9045), ('KRW', 1433.66),
	('MXN', 18.7231), ('MYR', 5.0775), ('NZD', 1.7504), ('PHP', 61.283),
	('SGD', 1.4591), ('THB', 37.973), ('ZAR', 20.3477))
INSERT INTO rates (currency, per_usd, as_of, source)
SELECT currency, per_eur / 1.1050, '2023-12-29', 'ECB reference rates (snapshot)'
FROM ecb;
