/*
 * salary-currency.c - currencies in salary text: the spellings pages use
 * ("US$", "€", "zł", "Kč"), signs that need the page's country to mean one
 * currency ("$", "kr", "R"), and each currency's rough size against the
 * dollar, used only to tell pay from nonsense (an hourly rate of 95,000
 * dollars, a yearly salary of 12) — never to convert.
 */
#include "config.h"

#include <string.h>

#include "iso-codes.h"
#include "salary-internal.h"

/*
 * Spellings, longest first where one is a prefix of another ("US$", "$",
 * "złotych", "zł").  Matched case-sensitively ("CAD" is a code, "cad" a
 * word); a spelling ending in a letter must end a word.  "$", "kr", "R",
 * "peso", "元", "¥" and "Rs" are signs, not codes: salary_resolve_currency
 * reads them by country.
 */
struct spelling {
	const char *text;
	const char *iso;
};

static const struct spelling spellings[] = {
	{ "US$", "USD" }, { "USD", "USD" }, { "CA$", "CAD" }, { "C$", "CAD" },
	{ "CAD", "CAD" }, { "AU$", "AUD" }, { "A$", "AUD" }, { "AUD", "AUD" },
	{ "NZ$", "NZD" }, { "NZD", "NZD" }, { "HK$", "HKD" }, { "HKD", "HKD" },
	{ "S$", "SGD" }, { "SGD", "SGD" }, { "R$", "BRL" }, { "BRL", "BRL" },
	{ "MX$", "MXN" }, { "Mex$", "MXN" }, { "MXN", "MXN" },
	{ "NT$", "TWD" }, { "TWD", "TWD" },
	{ "$S", "SGD" },	/* older Singapore style: "$S3500" */
	{ "$", "$" },
	{ "\xe2\x82\xac", "EUR" }, { "EUR", "EUR" },			/* € */
	/* currencies written as words, after the figure in most languages */
	{ "Euros", "EUR" }, { "euros", "EUR" }, { "Euro", "EUR" }, { "euro", "EUR" },
	{ "EURO", "EUR" },
	{ "d\xc3\xb3lares", "USD" }, { "D\xc3\xb3lares", "USD" },	/* dólares: not the pesos */
	{ "dollars", "$" }, { "Dollars", "$" }, { "dolar\xc3\xb3w", "$" },	/* dolarów */
	{ "pesos", "peso" }, { "Pesos", "peso" },
	{ "z\xc5\x82otych", "PLN" }, { "z\xc5\x82ote", "PLN" }, { "z\xc5\x82oty", "PLN" },
	{ "forint", "HUF" }, { "korun", "CZK" },
	{ "E\xc2\xa3", "EGP" }, { "\xc2\xa3" "E", "EGP" },			/* E£ £E */
	{ "\xc2\xa3", "GBP" }, { "GBP", "GBP" },			/* £ */
	{ "\xe2\x82\xb9", "INR" }, { "INR", "INR" },			/* ₹ */
	{ "Rs.", "rupee" }, { "Rs", "rupee" }, { "\xe2\x82\xa8", "rupee" },	/* ₨ */
	{ "CN\xc2\xa5", "CNY" }, { "CNY", "CNY" }, { "RMB", "CNY" },
	{ "\xe5\x85\x83", "yuan" },						/* 元 */
	{ "\xe5\x86\x86", "JPY" }, { "JPY", "JPY" },			/* 円 */
	{ "\xc2\xa5", "yen-yuan" }, { "\xef\xbf\xa5", "yen-yuan" },	/* ¥ ￥ */
	{ "\xe2\x82\xa9", "KRW" }, { "KRW", "KRW" },			/* ₩ */
	{ "CHF", "CHF" }, { "SFr.", "CHF" }, { "Fr.", "franc" },
	{ "SEK", "SEK" }, { "NOK", "NOK" }, { "DKK", "DKK" }, { "ISK", "ISK" },
	{ "kr.", "kr" }, { "kr", "kr" }, { "Kr", "kr" },
	{ "z\xc5\x82", "PLN" }, { "PLN", "PLN" },			/* zł */
	{ "K\xc4\x8d", "CZK" }, { "CZK", "CZK" },			/* Kč */
	{ "Ft", "HUF" }, { "HUF", "HUF" },
	{ "lei", "RON" }, { "RON", "RON" }, { "BGN", "BGN" },
	{ "ZAR", "ZAR" }, { "R", "R" },
	{ "\xe2\x82\xaa", "ILS" }, { "ILS", "ILS" },			/* ₪ */
	{ "\xe2\x82\xba", "TRY" }, { "TRY", "TRY" },			/* ₺ */
	{ "\xe2\x82\xb1", "PHP" }, { "PHP", "PHP" },			/* ₱ */
	{ "\xe2\x82\xa6", "NGN" }, { "NGN", "NGN" },			/* ₦ */
	{ "\xe0\xb8\xbf", "THB" }, { "THB", "THB" },			/* ฿ */
	{ "\xe2\x82\xab", "VND" }, { "VND", "VND" },			/* ₫ */
	{ "RM", "MYR" }, { "MYR", "MYR" }, { "Rp.", "IDR" }, { "Rp", "IDR" }, { "IDR", "IDR" },
	{ "PKR", "PKR" }, { "LKR", "LKR" }, { "NPR", "NPR" }, { "AED", "AED" }, { "SAR", "SAR" }, { "QAR", "QAR" },
	{ "ARS", "ARS" }, { "CLP", "CLP" }, { "COP", "COP" }, { "PEN", "PEN" },
	{ "UAH", "UAH" }, { "EGP", "EGP" }, { "KES", "KES" }, { "BDT", "BDT" },
	{ "\xe2\x82\xbd", "RUB" }, { "RUB", "RUB" },				/* ₽ */
	{ "Dhs.", "dirham" }, { "Dhs", "dirham" }, { "Dh.", "dirham" }, { "Dh", "dirham" },
	{ "Php", "PHP" }, { "\xe4\xba\xba\xe6\xb0\x91\xe5\xb8\x81", "CNY" },	/* 人民币 */
	/* signs of one letter, money only right before a sizeable figure on a
	 * page of their country: "N125,000" (naira), "P30,000" (peso) */
	{ "N", "N" }, { "P", "P" },
};

/* Words that are a currency only after a figure: before one, or inside
 * words, they are something else ("hợp đồng" is a contract). */
static const struct spelling words_after[] = {
	{ "naira", "NGN" }, { "Naira", "NGN" },
	{ "dirhams", "dirham" }, { "Dirhams", "dirham" }, { "dirham", "dirham" },
	{ "Dirham", "dirham" },
	{ "ringgit", "MYR" }, { "Ringgit", "MYR" }, { "rupees", "rupee" }, { "Rupees", "rupee" },
	{ "kronor", "SEK" }, { "kroner", "kr" }, { "kronur", "ISK" }, { "Franken", "franc" },
	{ "\xe7\xbe\x8e\xe5\x85\x83", "USD" }, { "\xe6\xb8\xaf\xe5\x85\x83", "HKD" },	/* 美元 港元 */
	{ "\xe6\xb8\xaf\xe5\xb8\x81", "HKD" }, { "\xe6\x97\xa5\xe5\x85\x83", "JPY" },	/* 港币 日元 */
	{ "\xe6\xac\xa7\xe5\x85\x83", "EUR" }, { "\xe8\x8b\xb1\xe9\x95\x91", "GBP" },	/* 欧元 英镑 */
	{ "VN\xc4\x90", "VND" }, { "\xc4\x91\xe1\xbb\x93ng", "VND" },	/* VNĐ đồng */
	{ "\xec\x9b\x90", "KRW" },						/* 원 */
	{ "\xe6\xbe\xb3\xe5\x85\x83", "AUD" },					/* 澳元 */
	{ "\xe4\xbb\xa4\xe5\x90\x89", "MYR" },					/* 令吉 */
};

/*
 * Rough units per US dollar (late 2024), for the sanity windows only.  A
 * currency missing here is taken at 1, which only makes its window wider
 * or narrower by its true rate; the exchange rates a report converts with
 * live in the database.
 */
static const struct {
	const char iso[4];
	double per_usd;
} scales[] = {
	{ "USD", 1 }, { "EUR", 0.95 }, { "GBP", 0.8 }, { "CHF", 0.9 }, { "CAD", 1.4 },
	{ "AUD", 1.55 }, { "NZD", 1.7 }, { "SGD", 1.35 }, { "HKD", 7.8 }, { "CNY", 7.2 },
	{ "TWD", 32 }, { "JPY", 150 }, { "KRW", 1400 }, { "INR", 85 }, { "PKR", 280 },
	{ "BDT", 120 }, { "SEK", 11 }, { "NOK", 11 }, { "DKK", 7 }, { "ISK", 140 },
	{ "PLN", 4 }, { "CZK", 24 }, { "HUF", 390 }, { "RON", 4.8 }, { "BGN", 1.9 },
	{ "ZAR", 18 }, { "BRL", 6 }, { "MXN", 20 }, { "ARS", 1000 }, { "CLP", 980 },
	{ "COP", 4400 }, { "PEN", 3.8 }, { "ILS", 3.6 }, { "TRY", 35 }, { "PHP", 58 },
	{ "NGN", 1600 }, { "THB", 34 }, { "VND", 25000 }, { "MYR", 4.5 }, { "IDR", 16000 },
	{ "AED", 3.67 }, { "SAR", 3.75 }, { "QAR", 3.64 }, { "UAH", 41 }, { "EGP", 50 },
	{ "KES", 130 }, { "LKR", 300 }, { "NPR", 135 }, { "UYU", 40 }, { "DOP", 60 },
	{ "MUR", 46 }, { "SCR", 14 }, { "RUB", 95 }, { "MAD", 10 },
};

/* Which currency each sign means on a page from each country. */
static const struct {
	const char *sign;
	const char country[3];
	const char iso[4];
} by_country[] = {
	{ "$", "US", "USD" }, { "$", "CA", "CAD" }, { "$", "AU", "AUD" },
	{ "$", "NZ", "NZD" }, { "$", "SG", "SGD" }, { "$", "HK", "HKD" },
	{ "$", "MX", "MXN" }, { "$", "TW", "TWD" }, { "$", "AR", "ARS" },
	{ "$", "CL", "CLP" }, { "$", "CO", "COP" },
	{ "kr", "SE", "SEK" }, { "kr", "NO", "NOK" }, { "kr", "DK", "DKK" },
	{ "kr", "IS", "ISK" }, { "R", "ZA", "ZAR" }, { "N", "NG", "NGN" }, { "P", "PH", "PHP" },
	{ "dirham", "AE", "AED" }, { "dirham", "MA", "MAD" },
	{ "franc", "CH", "CHF" }, { "franc", "LI", "CHF" },
	{ "peso", "MX", "MXN" }, { "peso", "AR", "ARS" }, { "peso", "CL", "CLP" },
	{ "peso", "CO", "COP" }, { "peso", "PH", "PHP" }, { "peso", "UY", "UYU" },
	{ "peso", "DO", "DOP" },
	{ "yuan", "CN", "CNY" }, { "yuan", "TW", "TWD" }, { "yuan", "HK", "HKD" },
	{ "yen-yuan", "JP", "JPY" }, { "yen-yuan", "CN", "CNY" },
	{ "rupee", "IN", "INR" }, { "rupee", "PK", "PKR" }, { "rupee", "LK", "LKR" },
	{ "rupee", "NP", "NPR" }, { "rupee", "MU", "MUR" }, { "rupee", "SC", "SCR" },
	/* amounts in lakh and crore with no sign: the money of the country */
	{ "lakh", "IN", "INR" }, { "lakh", "PK", "PKR" }, { "lakh", "BD", "BDT" },
	{ "lakh", "NP", "NPR" }, { "lakh", "LK", "LKR" },
	/* ten-thousands (万 萬 만) with no sign after a pay word */
	{ "ten-thousand", "JP", "JPY" }, { "ten-thousand", "CN", "CNY" },
	{ "ten-thousand", "TW", "TWD" },
	{ "ten-thousand", "HK", "HKD" }, { "ten-thousand", "KR", "KRW" },
};

/* What a sign means on a page of no country that says otherwise: "$" the
 * US dollar, "元" the renminbi, "¥" the yen (pages in English write the
 * renminbi "CN¥" or "RMB"), "Rs" the Indian rupee, "R" the rand; all noted
 * as assumed.  The others ("kr", "pesos", "N", "P", dirhams, francs) name
 * no currency without their country. */
static const struct {
	const char *sign;
	const char iso[4];
} assumed[] = {
	{ "$", "USD" }, { "yuan", "CNY" }, { "yen-yuan", "JPY" }, { "rupee", "INR" },
	{ "R", "ZAR" },	/* only on a page of no country */
};

/* The first of n spellings at p, as salary_match_currency reads it. */
static const char *match_spelling(const struct spelling *list, size_t count, const char *p,
				  const char **end, int before_figure)
{
	size_t i, n;

	for (i = 0; i < count; i++) {
		const char *t = list[i].text;

		if (*t != *p)
			continue;	/* the scanner asks at every byte: keep it cheap */
		n = strlen(t);
		if (strncmp(p, t, n) != 0)
			continue;
		if (salary_is_alpha((unsigned char)t[n - 1]) &&
		    (salary_is_alpha((unsigned char)p[n]) ||
		     (p[n] == '-' && salary_is_alpha((unsigned char)p[n + 1]))))
			continue;	/* "Euro-zone" is no currency */
		if (!before_figure && t[n - 1] == '$')
			continue;
		/* "R" is a sign only right before a number: "R 25 000", "R25k";
		 * "N" and "P" only glued to one: "N125,000", "P30,000" */
		if (strcmp(list[i].iso, "R") == 0 &&
		    !salary_is_digit((unsigned char)*salary_skip_space(p + n)))
			continue;
		if ((strcmp(list[i].iso, "N") == 0 || strcmp(list[i].iso, "P") == 0) &&
		    !salary_is_digit((unsigned char)p[n]))
			continue;
		*end = p + n;
		return list[i].iso;
	}
	return NULL;
}

const char *salary_match_currency(const char *p, const char **end, int before_figure)
{
	const char *iso = match_spelling(spellings, COUNT(spellings), p, end, before_figure);

	if (iso == NULL && !before_figure)
		iso = match_spelling(words_after, COUNT(words_after), p, end, 0);
	return iso;
}

const char *salary_resolve_currency(const char *cur, const char *country, unsigned *notes)
{
	size_t i;

	if (cur == NULL || iso_currency_known(cur))
		return cur;	/* a code, not a sign */
	for (i = 0; country != NULL && i < COUNT(by_country); i++) {
		if (strcmp(by_country[i].sign, cur) == 0 &&
		    strcmp(by_country[i].country, country) == 0) {
			*notes |= SALARY_CURRENCY_BY_COUNTRY;
			return by_country[i].iso;
		}
	}
	for (i = 0; i < COUNT(assumed); i++) {
		if (strcmp(cur, "R") == 0 && country != NULL && *country != '\0')
			break;	/* "R" on a page of another country: a reference */
		if (strcmp(cur, assumed[i].sign) == 0) {
			*notes |= SALARY_CURRENCY_ASSUMED;
			return assumed[i].iso;
		}
	}
	return NULL;	/* "kr" or "pesos" of no known country: unknown. */
}

double salary_currency_scale(const char *iso)
{
	size_t i;

	for (i = 0; iso != NULL && i < COUNT(scales); i++)
		if (strcmp(scales[i].iso, iso) == 0)
			return scales[i].per_usd;
	return 1;
}

int salary_sign_needs_country(const char *cur)
{
	static const char *const signs[] = { "N", "P", "franc", "dirham" };
	size_t i;

	for (i = 0; cur != NULL && i < COUNT(signs); i++)
		if (strcmp(cur, signs[i]) == 0)
			return 1;
	return 0;
}
