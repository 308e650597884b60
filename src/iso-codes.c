/* iso-codes.c - the ISO 4217 currency codes, and country codes by location's table. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "iso-codes.h"
#include "location-internal.h"

/*
 * ISO 4217 List One, the current currency and funds codes, as the
 * maintenance agency (SIX) publishes it in 2025: every national currency
 * (XCG, the Caribbean guilder, since 2025-03-31; ZWG, Zimbabwe Gold, since
 * 2024-06-25), the funds codes (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW)
 * and the X codes (metals, SDR, units of account, XTS for tests, XXX for no
 * currency).  Added to it, marked below, codes withdrawn since 2021 that
 * postings crawled before may still be paid in, so that a rate can be set
 * for them.  Sorted (bsearch); check_iso_codes.c keeps it so.
 */
const char iso_currency_codes[][4] = {
	"AED", "AFN", "ALL", "AMD",
	"ANG",	/* withdrawn 2025: XCG */
	"AOA", "ARS", "AUD", "AWG", "AZN",
	"BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD",
	"BTN", "BWP", "BYN", "BZD",
	"CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC",
	"CUC",	/* withdrawn 2021: CUP */
	"CUP", "CVE", "CZK",
	"DJF", "DKK", "DOP", "DZD",
	"EGP", "ERN", "ETB", "EUR",
	"FJD", "FKP",
	"GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD",
	"HKD", "HNL",
	"HRK",	/* withdrawn 2023: EUR */
	"HTG", "HUF",
	"IDR", "ILS", "INR", "IQD", "IRR", "ISK",
	"JMD", "JOD", "JPY",
	"KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT",
	"LAK", "LBP", "LKR", "LRD", "LSL", "LYD",
	"MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN",
	"MXV", "MYR", "MZN",
	"NAD", "NGN", "NIO", "NOK", "NPR", "NZD",
	"OMR",
	"PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
	"QAR",
	"RON", "RSD", "RUB", "RWF",
	"SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE",
	"SLL",	/* withdrawn 2024: SLE */
	"SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
	"THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS",
	"UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS",
	"VED", "VES", "VND", "VUV",
	"WST",
	"XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD",
	"XPF", "XPT", "XSU", "XTS", "XUA", "XXX",
	"YER",
	"ZAR", "ZMW", "ZWG",
	"ZWL",	/* withdrawn 2024: ZWG */
};
const size_t iso_ncurrency_codes = sizeof(iso_currency_codes) / sizeof(iso_currency_codes[0]);

static int compare_code(const void *key, const void *entry)
{
	return strcmp(key, entry);
}

int iso_currency_known(const char *code)
{
	return bsearch(code, iso_currency_codes, iso_ncurrency_codes, sizeof(iso_currency_codes[0]),
		       compare_code) != NULL;
}

int iso_country_known(const char *code)
{
	size_t i;

	for (i = 0; i < location_ncountries; i++)
		if (strcmp(code, location_countries[i].a2) == 0)
			return 1;
	return 0;
}
