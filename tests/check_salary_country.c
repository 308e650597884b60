/*
 * check_salary_country.c - salary text read with the page's country:
 * currencies by sign, code and country, lakh and crore, millions, periods
 * and range words in the languages job pages use, and what is not pay.
 */
#include "config.h"

#include "check-main.h"
#include <stdio.h>
#include <string.h>

#include "salary.h"
#include "salary-cases.h"

/*
 * Issue 3's shapes: currencies by sign, code and country; lakh and crore;
 * millions; periods in the languages the real pages use; notes.  Texts are
 * real where a source is named, else written in the shapes the brief lists.
 */
struct country_case {
	const char *text, *country;
	int found;
	double min, max;
	const char *currency;
	enum salary_period period;
	unsigned notes;
};


static const struct country_case country_cases[] = {
	/* "$" by the page's country; USD assumed, and said, when none */
	{ "$80,000 - $95,000", "AU", 1, 80000, 95000, "AUD", Y, BC },
	{ "$80,000 - $95,000", "CA", 1, 80000, 95000, "CAD", Y, BC },
	{ "$80,000 - $95,000", "", 1, 80000, 95000, "USD", Y, AS },
	{ "$80,000 - $95,000", "GB", 1, 80000, 95000, "USD", Y, AS },
	{ "$20,000 a $21,000 por mes", "MX", 1, 20000, 21000, "MXN", M, BC },
	{ "US$60/hr", "AU", 1, 60, 60, "USD", H, 0 },
	{ "NZ$90,000 per annum", "", 1, 90000, 90000, "NZD", Y, 0 },
	{ "HK$45,000 per month", "", 1, 45000, 45000, "HKD", M, 0 },
	{ "S$6,000 - S$8,000 monthly", "", 1, 6000, 8000, "SGD", M, 0 },
	{ "R$ 8.000 a R$ 12.000 por m\xc3\xaas", "BR", 1, 8000, 12000, "BRL", M, 0 },
	{ "MX$25,000 al mes", "", 1, 25000, 25000, "MXN", M, 0 },
	/* "kr" by country; unknown without one */
	{ "45 000 kr/m\xc3\xa5nad", "SE", 1, 45000, 45000, "SEK", M, BC },
	{ "kr 650 000 per year", "NO", 1, 650000, 650000, "NOK", Y, BC },
	{ "40.000 kr. om m\xc3\xa5neden", "DK", 1, 40000, 40000, "DKK", M, BC },
	{ "45 000 kr per month", "", 1, 45000, 45000, "", M, 0 },
	/* currencies written after the number */
	/* Polish pay is quoted by the month; too small to be yearly, so unknown */
	{ "12 000 - 18 000 z\xc5\x82 brutto", "PL", 1, 12000, 18000, "PLN", U, 0 },
	{ "60 000 K\xc4\x8d m\xc4\x9bs\xc3\xad\xc4\x8dn\xc4\x9b", "CZ", 1, 60000, 60000, "CZK", M, 0 },
	{ "800 000 Ft / h\xc3\xb3", "HU", 1, 800000, 800000, "HUF", M, 0 },
	{ "7.000 - 9.000 lei net", "RO", 1, 7000, 9000, "RON", U, 0 },
	{ "ZAR 45,000 per month", "", 1, 45000, 45000, "ZAR", M, 0 },
	{ "R 35 000 per month", "ZA", 1, 35000, 35000, "ZAR", M, BC },
	{ "CHF 120'000 - 140'000", "CH", 1, 120000, 140000, "CHF", Y, 0 },
	{ "CHF 120\xe2\x80\x99" "000", "CH", 1, 120000, 120000, "CHF", Y, 0 },
	/* "¥" is the yen in Japan and the renminbi in China: read by country */
	{ "\xc2\xa5" "5M - \xc2\xa5" "8M", "JP", 1, 5e6, 8e6, "JPY", Y, BC },
	{ "\xc2\xa5" "15,000 per month", "CN", 1, 15000, 15000, "CNY", M, BC },
	{ "\xc2\xa5" "5,000,000 a year", "", 1, 5e6, 5e6, "JPY", Y, AS },
	{ "\xef\xbf\xa5" "300,000 per month", "JP", 1, 3e5, 3e5, "JPY", M, BC },	/* ￥ */
	/* "Rs" is the rupee of India, Pakistan, Sri Lanka, Nepal ... */
	{ "Rs 50,000 per month", "PK", 1, 50000, 50000, "PKR", M, BC },
	{ "Rs. 1,20,000 per month", "LK", 1, 120000, 120000, "LKR", M, BC },
	{ "Rs 12,00,000 per annum", "IN", 1, 1.2e6, 1.2e6, "INR", Y, BC },
	{ "Rs 50,000 per month", "", 1, 50000, 50000, "INR", M, AS },
	{ "\xe2\x82\xa8" "60,000 per month", "NP", 1, 60000, 60000, "NPR", M, BC },	/* ₨ */
	{ "\xe2\x82\xb9" "50,000 per month", "PK", 1, 50000, 50000, "INR", M, 0 },	/* ₹ is India's */
	{ "E\xc2\xa3" "10,000 per month", "EG", 1, 10000, 10000, "EGP", M, 0 },	/* E£ */
	{ "\xc2\xa3" "E 8,000 monthly", "", 1, 8000, 8000, "EGP", M, 0 },	/* £E */
	{ "JPY 6M", "", 1, 6e6, 6e6, "JPY", Y, 0 },
	{ "$1.2M", "", 0, 0, 0, "", U, 0 },	/* millions of dollars, no period: not pay */
	{ "\xe2\x82\xa9" "50,000,000", "KR", 1, 5e7, 5e7, "KRW", Y, 0 },
	/* lakh and crore: rupees (or taka) of the page's country, as a "$" is
	 * that country's dollar (Pakistan, Bangladesh, Nepal and Sri Lanka
	 * count in lakhs too); of no country, no currency */
	{ "12 LPA", "IN", 1, 1200000, 1200000, "INR", Y, BC },
	{ "10-15 Lacs", "IN", 1, 1000000, 1500000, "INR", Y, BC },
	{ "12 LPA", "", 1, 1200000, 1200000, "", Y, 0 },
	{ "12 LPA", "US", 1, 1200000, 1200000, "", Y, 0 },
	{ "15 lakh", "BD", 1, 1500000, 1500000, "BDT", Y, BC },
	{ "15 lakh PKR", "PK", 1, 1500000, 1500000, "PKR", Y, 0 },
	{ "INR 8 - 12 Lakhs", "", 1, 800000, 1200000, "INR", Y, 0 },
	/* in.indeed.com (Tharun-Techie page): a label glued to the unit; and
	 * the signed shape (written here); "30LED" is no lakh */
	{ "15L - 30LSalary", "IN", 1, 1500000, 3000000, "INR", Y, BC },
	{ "\xe2\x82\xb9" "15L - \xe2\x82\xb9" "30L", "", 1, 1500000, 3000000, "INR", Y, 0 },
	{ "30LED", "IN", 0, 0, 0, "", U, 0 },
	{ "\xe2\x82\xb9" "1.5 Cr", "", 1, 15000000, 15000000, "INR", Y, 0 },
	{ "\xe2\x82\xb9" "25,000 - \xe2\x82\xb9" "35,000 a month", "IN", 1, 25000, 35000, "INR", M, 0 },
	/* periods in other languages */
	{ "55.000 - 65.000 \xe2\x82\xac pro Jahr", "DE", 1, 55000, 65000, "EUR", Y, 0 },
	{ "45 000 \xe2\x82\xac par an", "FR", 1, 45000, 45000, "EUR", Y, 0 },
	{ "30.000 \xe2\x82\xac al a\xc3\xb1o", "ES", 1, 30000, 30000, "EUR", Y, 0 },
	{ "2.500 \xe2\x82\xac al mese", "IT", 1, 2500, 2500, "EUR", M, 0 },
	{ "18 \xe2\x82\xac pro Stunde", "DE", 1, 18, 18, "EUR", H, 0 },
	{ "45.000 bis 55.000 EUR", "DE", 1, 45000, 55000, "EUR", Y, 0 },
	/* written max first: swapped, and said */
	{ "$130,000 - $100,000 a year", "US", 1, 100000, 130000, "USD", Y, SW | BC },
	/* sanity windows: numbers that cannot be pay for their period */
	{ "$95,000 an hour", "US", 0, 0, 0, "", U, 0 },
	{ "$12 a year", "US", 0, 0, 0, "", U, 0 },
	{ "$900,000 a month", "US", 0, 0, 0, "", U, 0 },
	{ "\xe2\x82\xb9" "800 an hour", "IN", 1, 800, 800, "INR", H, 0 },
	/* not pay, whatever the currency */
	{ "$40,000+ (30,336)", "US", 0, 0, 0, "", U, 0 },
	{ "$5M Series A", "US", 0, 0, 0, "", U, 0 },
	{ "Call +1 (555) 123-4567", "US", 0, 0, 0, "", U, 0 },
	{ "10,000 employees", "US", 0, 0, 0, "", U, 0 },
	{ "Post a job for $299", "US", 0, 0, 0, "", U, 0 },
	{ "spend the ~$200 or so initial consultation fee", "US", 0, 0, 0, "", U, 0 },
	/* currency words after the figure; a word names what "$" left open */
	{ "270 pesos la hora", "MX", 1, 270, 270, "MXN", H, BC },
	{ "270 pesos la hora", "", 1, 270, 270, "", H, 0 },	/* pesos of which country? */
	{ "$26,000 pesos brutos mensuales", "MX", 1, 26000, 26000, "MXN", M, BC },
	{ "$15 d\xc3\xb3lares por hora", "MX", 1, 15, 15, "USD", H, 0 },
	{ "250 dolar\xc3\xb3w za godzin\xc4\x99", "PL", 1, 250, 250, "USD", H, AS },
	{ "350 z\xc5\x82otych za godzin\xc4\x99", "PL", 1, 350, 350, "PLN", H, 0 },
	{ "60.000 Euro pro Jahr", "DE", 1, 60000, 60000, "EUR", Y, 0 },
	{ "6,467.30Euro (EUR) Monthly", "", 1, 6467.30, 6467.30, "EUR", M, 0 },
	{ "foreigners earning $S3500 to $S7000 a month", "NZ", 1, 3500, 7000, "SGD", M, 0 },
	{ "LKR 40,000 - 70,000/month", "LK", 1, 40000, 70000, "LKR", M, 0 },
	/* decimal commas, thousands words, "万", ",-" */
	{ "R$ 6,4 mil mensais", "BR", 1, 6400, 6400, "BRL", M, 0 },
	{ "10,50 \xe2\x82\xac pro Stunde", "DE", 1, 10.5, 10.5, "EUR", H, 0 },
	{ "havi brutt\xc3\xb3 400 ezer \xc3\xa9s 1,2 milli\xc3\xb3 forint k\xc3\xb6z\xc3\xb6tt", "HU",
	  1, 400000, 1200000, "HUF", M, 0 },
	{ "\xe7\xb4\x84" "380\xe4\xb8\x87\xe5\x86\x86\xe3\x80\x9c" "1200\xe4\xb8\x87\xe5\x86\x86", "JP",
	  1, 3.8e6, 1.2e7, "JPY", Y, 0 },				/* 約380万円〜1200万円 */
	{ "\xe5\xb9\xb3\xe5\x9d\x87\xe6\x9c\x88\xe5\x8f\x8e\xe3\x81\xaf" "37\xe4\xb8\x87\xe5\x86\x86", "JP",
	  1, 370000, 370000, "JPY", M, 0 },				/* 平均月収は37万円 */
	{ "Z\xc3\xa1kladn\xc3\xa1 mzda je od \xc3\xbarovne 1300,- EUR/mesiac", "SK", 1, 1300, 1300, "EUR", M, 0 },
	{ "732.711kr", "NO", 1, 732711, 732711, "NOK", Y, BC },
	{ "\xe2\x82\xac" "1.125K a month", "DE", 1, 1125, 1125, "EUR", M, 0 },
	/* ranges opened by a word and joined by another */
	{ "mellom 700.000 NOK og 900.000 NOK", "NO", 1, 700000, 900000, "NOK", Y, 0 },
	{ "fr\xc3\xa5n 48 000 till 63 000 SEK per m\xc3\xa5nad", "SE", 1, 48000, 63000, "SEK", M, 0 },
	{ "od 7 990 z\xc5\x82 do 12 520 z\xc5\x82 brutto", "PL", 1, 7990, 12520, "PLN", U, 0 },
	{ "zwischen 45.000 und 50.000 Euro pro Jahr", "DE", 1, 45000, 50000, "EUR", Y, 0 },
	/* a bare "and" or "y" joins two amounts that both name their currency */
	{ "$50 and $150", "US", 1, 50, 150, "USD", U, BC },
	{ "$20,000 and $21,000 per month", "US", 1, 20000, 21000, "USD", M, BC },
	{ "$20,000 y $21,000 por mes", "MX", 1, 20000, 21000, "MXN", M, BC },
	{ "$100,000 and $20,000 bonus", "US", 1, 100000, 100000, "USD", Y, BC },
	{ "5 and 10 years", "US", 0, 0, 0, "", U, 0 },
	{ "$50 gym and $100 lunch", "US", 0, 0, 0, "", U, 0 },
	{ "between $147000/YR - $237500/YR.", "US", 1, 147000, 237500, "USD", Y, BC },
	{ "between C$23,545.60 (in Saskatchewan) and C$31,200 (in Alberta)", "CA", 1, 23545.60,
	  31200, "CAD", Y, 0 },
	/* a period before the figure */
	{ "per month for a full-time worker is CHF 5\xe2\x80\x99" "430", "CH", 1, 5430, 5430, "CHF", M, 0 },
	{ "en gjennomsnittlig m\xc3\xa5nedsl\xc3\xb8nn p\xc3\xa5 69 210 kr", "NO", 1, 69210, 69210, "NOK",
	  M, BC },
	{ "Gym: $50 a month. Salary $100,000", "US", 1, 100000, 100000, "USD", Y, BC },
	{ "Part-time 20 hours per week at $18", "US", 1, 18, 18, "USD", U, BC },
	{ "Work 3 days per week for $25", "US", 1, 25, 25, "USD", U, BC },
	{ "Per year of experience add $2,000", "US", 1, 2000, 2000, "USD", U, BC },
	{ "\xe6\x9c\x88\xe7\xb5\xa6" "30\xe4\xb8\x87\xe5\x86\x86\xef\xbc\x88\xe5\xb9\xb4\xe5\x8f\x8e"
	  "450\xe4\xb8\x87\xe5\x86\x86\xef\xbc\x89", "JP", 1, 300000, 300000, "JPY", M, 0 },
	/* 月給30万円（年収450万円）: the nearest pay word before each figure */
	/* two single figures are not joined into a range: base and total pay,
	 * regular and overtime rates, junior and senior pay look the same */
	{ "Starting wages of $19+/hour for weekday shifts and $21+/hour for weekend shifts!", "US",
	  1, 19, 19, "USD", H, BC },
	{ "STARTING PAY $24.31 per hour, plus an additional $2.00/hour shift premium", "US",
	  1, 24.31, 24.31, "USD", H, BC },
	{ "$20 an hour, or $45,000 a year", "US", 1, 20, 20, "USD", H, BC },
	{ "$120K base salary, $180K total compensation", "US", 1, 120000, 120000, "USD", Y, BC },
	{ "$20/hr, overtime at $30/hr", "US", 1, 20, 20, "USD", H, BC },
	/* a first end with its own period or an aside: the second must match */
	{ "$25/hr - 40 hrs/week", "US", 1, 25, 25, "USD", H, BC },
	{ "$60,000 per year - 15 days PTO", "US", 1, 60000, 60000, "USD", Y, BC },
	{ "$3,000/month - $36,000/year", "US", 1, 3000, 3000, "USD", M, BC },
	{ "$45,000 (DOE) - 2 years experience", "US", 1, 45000, 45000, "USD", Y, BC },
	{ "$4,000 (per month) - $5,000 (per month)", "US", 1, 4000, 5000, "USD", M, BC },
	{ "$60,000 - 15 days PTO", "US", 1, 60000, 60000, "USD", Y, BC },
	/* lakhs are sized as rupees */
	{ "60 LPA", "IN", 1, 6e6, 6e6, "INR", Y, BC },
	{ "1.2 Cr per annum", "IN", 1, 1.2e7, 1.2e7, "INR", Y, BC },
	{ "8 lakh per month", "IN", 1, 8e5, 8e5, "INR", M, BC },
	{ "60 LPA", "", 1, 6e6, 6e6, "", Y, 0 },
	/* word units need their language's money */
	{ "Oversee $1.5 mil in annual sales", "US", 0, 0, 0, "", U, 0 },
	{ "$10 mil project portfolio, salary DOE", "US", 0, 0, 0, "", U, 0 },
	{ "Wear 4-6 mil nitrile gloves", "US", 0, 0, 0, "", U, 0 },
	{ "50 mil pesos al mes", "MX", 1, 50000, 50000, "MXN", M, BC },
	{ "\xe5\x91\x98\xe5\xb7\xa5\xe4\xba\xba\xe6\x95\xb0" "1-5\xe4\xb8\x87\xe4\xba\xba\xef\xbc\x8c"
	  "\xe6\x9c\x88\xe8\x96\xaa" "15000\xe5\x85\x83", "CN", 1, 15000, 15000, "CNY", M, BC },
	/* 员工人数1-5万人，月薪15000元: a headcount, then the pay */
	/* fees that are pay, perks that are not */
	{ "Sessional fee: $80 per hour", "AU", 1, 80, 80, "AUD", H, BC },
	{ "$22/hr - no placement fee", "US", 1, 22, 22, "USD", H, BC },
	{ "Employee referral program with $500 payout", "US", 0, 0, 0, "", U, 0 },
	{ "Relocation assistance and $3,000 to cover moving", "US", 0, 0, 0, "", U, 0 },
	{ "Help us post a job ad each week. Pay $25/hr", "US", 1, 25, 25, "USD", H, BC },
	/* "és" joins only what "között" closes; "Euro-" is no currency */
	{ "Brutt\xc3\xb3 500 000 Ft \xc3\xa9s 30 000 Ft cafeteria", "HU", 1, 500000, 500000, "HUF", U, 0 },
	{ "Offices in 5 Euro-zone countries", "DE", 0, 0, 0, "", U, 0 },
	{ "$45.000 pesos", "UY", 1, 45000, 45000, "UYU", U, BC },
	{ "\xe2\x82\xac" "3.500/Monat - 30 Tage Urlaub", "DE", 1, 3500, 3500, "EUR", M, 0 },
	{ "\xe6\x9c\x88\xe8\x96\xaa" "1.5\xe4\xb8\x87-2\xe4\xb8\x87", "CN", 1, 15000, 20000, "CNY", M, BC },
	/* 月薪1.5万-2万: no currency is written; after a pay word, ten-thousands
	 * are the money of the page's country, as lakhs are */
	{ "\xe6\x97\xb6\xe8\x96\xaa" "50\xe5\x85\x83\xef\xbc\x8c\xe6\x9c\x88\xe8\x96\xaa" "8000\xe5\x85\x83", "CN",
	  1, 50, 50, "CNY", H, BC },	/* 时薪50元，月薪8000元 */
	{ "$40,000 (1,234 jobs)", "US", 0, 0, 0, "", U, 0 },
	{ "Warehouse Associate $18/hr (5 openings)", "US", 1, 18, 18, "USD", H, BC },
	/* Dutch: periods, "tussen ... en", allowances written as compounds */
	{ "een brutosalaris van 3034 euro per maand", "NL", 1, 3034, 3034, "EUR", M, 0 },
	{ "gemiddeld maandelijks " EURO " 6.282 bruto", "NL", 1, 6282, 6282, "EUR", M, 0 },
	{ "17,35 euro bruto per uur", "NL", 1, 17.35, 17.35, "EUR", H, 0 },
	{ "Ik verdien tussen de 3200 en 3300 euro bruto.", "NL", 1, 3200, 3300, "EUR", U, 0 },
	{ "40 euro per maand aan thuiswerkvergoeding", "NL", 0, 0, 0, "", U, 0 },
	{ "ik krijg 70 euro reiskostenvergoeding", "NL", 0, 0, 0, "", U, 0 },
	/* Spanish and French periods */
	{ "un sueldo de 50 euros por jornada", "ES", 1, 50, 50, "EUR", D, 0 },
	{ "salarios m\xc3\xadnimos diarios oscilan entre 278,80 MXN y 419,88 MXN", "MX", 1,
	  278.80, 419.88, "MXN", D, 0 },
	{ "de 2000 \xc3\xa0 2200 euros/ mois", "FR", 1, 2000, 2200, "EUR", M, 0 },
	{ "800 000 Ft / h\xc3\xb3", "HU", 1, 800000, 800000, "HUF", M, 0 },	/* not "/h" */
	/* Malay and Indonesian: juta (a million), hingga/sampai (until) */
	{ "RM1.500 per bulan", "MY", 1, 1500, 1500, "MYR", M, 0 },
	{ "Rp. 35 juta hingga Rp. 70 juta", "ID", 1, 35e6, 70e6, "IDR", U, 0 },
	{ "Rp 2,3 hingga Rp 3 juta sebulan", "ID", 1, 2.3e6, 3e6, "IDR", M, 0 },
	{ "Rp 5 juta hingga 31 Desember 2024", "ID", 1, 5e6, 5e6, "IDR", U, 0 },	/* a date */
	/* Vietnamese: triệu (a million), đồng and VNĐ only after a figure */
	{ "15 - 20 tri\xe1\xbb\x87u \xc4\x91\xe1\xbb\x93ng/th\xc3\xa1ng", "VN", 1, 15e6, 20e6, "VND",
	  M, 0 },
	{ "t\xe1\xbb\xab 8.000.000 - 40.000.000 VN\xc4\x90/th\xc3\xa1ng", "VN", 1, 8e6, 4e7, "VND", M, 0 },
	{ "h\xe1\xbb\xa3p \xc4\x91\xe1\xbb\x93ng 12 th\xc3\xa1ng", "VN", 0, 0, 0, "", U, 0 },	/* hợp đồng: a contract */
	{ "\xc4\x91\xe1\xbb\x93ng 500", "VN", 0, 0, 0, "", U, 0 },
	/* Korean: 만 (ten thousand), 원 after a figure, 월급/연봉 */
	{ "\xec\x9b\x94\xea\xb8\x89 400\xeb\xa7\x8c\xec\x9b\x90", "KR", 1, 4e6, 4e6, "KRW", M, 0 },
	{ "\xec\x97\xb0\xeb\xb4\x89 3,000\xeb\xa7\x8c\xec\x9b\x90", "KR", 1, 3e7, 3e7, "KRW", Y, 0 },
	{ "\xec\x9b\x90 100", "KR", 0, 0, 0, "", U, 0 },
	/* Chinese: 至 joins a range, 萬 is 万, 時薪 hourly, 澳元/令吉 after a figure */
	{ "\xe5\x85\xbc\xe8\x81\xb7\xe6\x99\x82\xe8\x96\xaa" "200\xe8\x87\xb3" "450\xe5\x85\x83", "TW", 1, 200,
	  450, "TWD", H, BC },					/* 兼職時薪200至450元 */
	{ "\xe6\x9c\x88\xe8\x96\xaa\xe4\xb8\x8a\xe7\x9c\x8b" "7\xe8\x90\xac\xe5\x85\x83", "TW", 1, 70000, 70000,
	  "TWD", M, BC },					/* 月薪上看7萬元 */
	{ "24.10\xe6\xbe\xb3\xe5\x85\x83/\xe5\xb0\x8f\xe6\x97\xb6", "AU", 1, 24.10, 24.10, "AUD", H, 0 },	/* 澳元/小时 */
	{ "2024\xe5\xb9\xb4" "7\xe6\x9c\x88" "1\xe6\x97\xa5\xe8\x87\xb3" "2025\xe5\xb9\xb4", "CN", 0, 0, 0, "", U, 0 },	/* a date span */
	/* currency words after a figure */
	{ "1 million naira to 1.5 million naira monthly", "NG", 1, 1e6, 1.5e6, "NGN", M, 0 },
	{ "55-80,000 Dirham per annum", "AE", 1, 55000, 80000, "AED", Y, BC },
	{ "\xe2\x82\xbd" "210 000", "RU", 1, 210000, 210000, "RUB", U, 0 },	/* ₽ */
	/* Japanese ads keep their pay beside the allowance words */
	{ "\xe6\x9c\x88\xe7\xb5\xa6" "30\xe4\xb8\x87\xe5\x86\x86\xef\xbc\x88\xe4\xba\xa4\xe9\x80\x9a\xe8\xb2\xbb\xe6\x94\xaf\xe7\xb5\xa6\xef\xbc\x89",
	  "JP", 1, 3e5, 3e5, "JPY", M, 0 },			/* 月給30万円（交通費支給） */
	/* a grade number is not the low end of the pay range after it */
	{ "Grade 6 - " POUND "28,142- " POUND "31,022 (Pay award pending)", "GB", 1, 28142, 31022, "GBP",
	  Y, 0 },
	{ "Grade P5 $80K", "PH", 1, 80000, 80000, "USD", Y, AS },	/* P5 is no peso amount */
	/* one-letter signs: on a page of their country, before a sizeable
	 * figure or with a period */
	{ "N125,000 per month", "NG", 1, 125000, 125000, "NGN", M, BC },
	{ "N125,000 per month", "US", 0, 0, 0, "", U, 0 },
	{ "N95 masks", "NG", 0, 0, 0, "", U, 0 },
	{ "P30,000 monthly", "PH", 1, 30000, 30000, "PHP", M, BC },
	{ "R20.76 per hour", "ZA", 1, 20.76, 20.76, "ZAR", H, BC },
	/* more currency words and signs */
	{ "33 700 kronor i m\xc3\xa5naden", "SE", 1, 33700, 33700, "SEK", M, 0 },
	{ "43 540 kroner i m\xc3\xa5neden", "NO", 1, 43540, 43540, "NOK", M, BC },
	{ "265 kr. i timen", "DK", 1, 265, 265, "DKK", H, BC },
	{ "118 kr./t.", "DK", 1, 118, 118, "DKK", H, BC },
	{ "160 bis 225 Franken pro Tag", "CH", 1, 160, 225, "CHF", D, BC },
	{ "Dh.12,000 monthly", "AE", 1, 12000, 12000, "AED", M, BC },
	{ "Php 462 a day", "PH", 1, 462, 462, "PHP", D, 0 },
	{ "339,000 NGN each month", "NG", 1, 339000, 339000, "NGN", M, 0 },
	{ "7.2\xe4\xb8\x87\xe7\xbe\x8e\xe5\x85\x83", "CN", 1, 72000, 72000, "USD", Y, 0 },	/* 7.2万美元 */
	{ "\xec\x97\xb0\xeb\xb4\x89 1\xec\x96\xb5 \xec\x9b\x90", "KR", 1, 1e8, 1e8, "KRW", Y, 0 },	/* 연봉 1억 원 */
	{ "Soit 37 k" EURO " annuels", "FR", 1, 37000, 37000, "EUR", Y, 0 },
	/* not pay: a borrowed unit's bare end, trillions, prices per unit,
	 * Japanese allowances and fees before the figure */
	{ "raising $5-20M from venture capital firms", "US", 0, 0, 0, "", U, 0 },
	{ "a GDP of $2.3 trillion", "CA", 0, 0, 0, "", U, 0 },
	{ "our warehouse fee will be $0.65/cubic foot per month", "US", 0, 0, 0, "", U, 0 },
	{ "$10/user/month", "US", 0, 0, 0, "", U, 0 },
	{ "\xe3\x80\x90\xe9\x80\x9a\xe5\x8b\xa4\xe6\x89\x8b\xe5\xbd\x93\xe3\x80\x91\xe6\x9c\x88\xe4\xb8\x8a\xe9\x99\x90"
	  "50,000\xe5\x86\x86", "JP", 0, 0, 0, "", U, 0 },		/* 【通勤手当】月上限50,000円 */
	{ "\xe9\xa7\x90\xe8\xbb\x8a\xe5\xa0\xb4 \xe6\x9c\x88\xe9\xa1\x8d" "4000\xe5\x86\x86", "JP", 0, 0, 0, "", U, 0 },	/* 駐車場 月額4000円 */
	{ "\xe5\x90\x84\xe7\xa8\xae\xe6\x89\x8b\xe5\xbd\x93\xe3\x81\x82\xe3\x82\x8a \xe6\x9c\x88\xe7\xb5\xa6" "25\xe4\xb8\x87\xe5\x86\x86",
	  "JP", 1, 250000, 250000, "JPY", M, 0 },		/* 各種手当あり 月給25万円 */
	/* second review: slash periods of many languages stay pay; a price per
	 * unit does not */
	{ "R$ 3.500/m\xc3\xaas", "BR", 1, 3500, 3500, "BRL", M, 0 },
	{ "R$ 2.000 a R$ 3.000/m\xc3\xaas", "BR", 1, 2000, 3000, "BRL", M, 0 },
	{ "35.000 " EURO "/a\xc3\xb1o", "ES", 1, 35000, 35000, "EUR", Y, 0 },
	{ "15 " EURO "/heure", "FR", 1, 15, 15, "EUR", H, 0 },
	{ "6000 z\xc5\x82/miesi\xc4\x85" "c", "PL", 1, 6000, 6000, "PLN", M, 0 },
	{ "30 z\xc5\x82/godz.", "PL", 1, 30, 30, "PLN", H, 0 },
	{ "200 K\xc4\x8d/hod", "CZ", 1, 200, 200, "CZK", H, 0 },
	{ "3000 " EURO "/kk", "FI", 1, 3000, 3000, "EUR", M, 0 },
	{ "250 kr/time", "NO", 1, 250, 250, "NOK", H, BC },
	{ "$5k/m", "US", 1, 5000, 5000, "USD", M, BC },
	{ "\xc2\xa3" "400/d", "GB", 1, 400, 400, "GBP", U, 0 },	/* "/d" is also D.O.E. */
	{ "$45,000/d.o.e.", "US", 1, 45000, 45000, "USD", Y, BC },
	{ "$60,000 /w full benefits", "US", 1, 60000, 60000, "USD", Y, BC },
	/* what the pay depends on ends the perk window */
	{ "The pay range for this position is $65,000 - $85,000 based on education and experience.",
	  "US", 1, 65000, 85000, "USD", Y, BC },
	{ "Hiring range: $22.00 - $28.00 per hour depending on training and experience", "US", 1,
	  22, 28, "USD", H, BC },
	{ "$18/hr paid training", "US", 1, 18, 18, "USD", H, BC },
	{ "$16.50 per hour Stock Associate", "US", 1, 16.5, 16.5, "USD", H, BC },
	{ "$25/hr premium pay for weekends", "US", 1, 25, 25, "USD", H, BC },
	{ "$22/hr Part-time options available", "US", 1, 22, 22, "USD", H, BC },
	/* a 401(k) ends its clause at a pay word, ")", " - ", and a list is no
	 * plan's sum */
	{ "Benefits include 401(k) Salary Range: $100,000 - $120,000", "US", 1, 100000, 120000,
	  "USD", Y, BC },
	{ "Health insurance 401k Pay $22 - $26 per hour", "US", 1, 22, 26, "USD", H, BC },
	{ "Full benefits + 401k $60,000-$70,000", "US", 1, 60000, 70000, "USD", Y, BC },
	{ "Retirement (401k) $65K-$80K", "US", 1, 65000, 80000, "USD", Y, BC },
	{ "401(k) match up to $5,000", "US", 0, 0, 0, "", U, 0 },
	/* a bare "and" joins no base pay and its extra */
	{ "Pay $20/hr and $2/hr night differential", "US", 1, 20, 20, "USD", H, BC },
	{ "$25/hr and $37.50/hr overtime", "US", 1, 25, 25, "USD", H, BC },
	{ "Salary: $75,000 and $15,000 commission", "US", 1, 75000, 75000, "USD", Y, BC },
	{ "Sueldo $12,000 y $1,500 en vales de despensa", "MX", 1, 12000, 12000, "MXN", U, BC },
	/* allowances added or included: the pay stays */
	{ EURO " 3.500 bruto per maand inclusief vakantietoeslag", "NL", 1, 3500, 3500, "EUR", M, 0 },
	{ "3.200 " EURO " brutto/Monat mit Fahrtkostenzuschuss", "DE", 1, 3200, 3200, "EUR", M, 0 },
	/* capitalised unit words start a phrase; "Mo." and "Fr." are weekdays */
	{ "$18 Day Shift", "US", 1, 18, 18, "USD", U, BC },
	{ "$45,000 Week days only", "US", 1, 45000, 45000, "USD", Y, BC },
	{ "$65,000 HR Manager position", "US", 1, 65000, 65000, "USD", Y, BC },
	{ "Stundenlohn 15 " EURO " Mo. - Fr.", "DE", 1, 15, 15, "EUR", U, 0 },
	{ EURO "15 Mo.-Fr. 8-17 Uhr", "DE", 1, 15, 15, "EUR", U, 0 },
	{ "Fr. 6'500 pro Monat", "CH", 1, 6500, 6500, "CHF", M, BC },
	/* dirhams and francs by country; a region is no currency */
	{ "Salaire: 8000 dirhams par mois", "MA", 1, 8000, 8000, "MAD", M, BC },
	{ "Standort: 97070 Franken", "DE", 0, 0, 0, "", U, 0 },
	{ "Must wear P100 respirator", "PH", 0, 0, 0, "", U, 0 },
	{ "R25,000 per month", "", 1, 25000, 25000, "ZAR", M, AS },
	/* Japanese allowances paid or included beside the pay */
	{ "\xe7\xb5\xa6\xe4\xb8\x8e\xef\xbc\x9a\xe5\x90\x84\xe7\xa8\xae\xe6\x89\x8b\xe5\xbd\x93\xe3\x81\x82\xe3\x82\x8a "
	  "25\xe4\xb8\x87\xe5\x86\x86\xef\xbd\x9e" "35\xe4\xb8\x87\xe5\x86\x86", "JP", 1, 250000, 350000, "JPY", U, 0 },
	/* third review: title words, extras and what the pay depends on */
	{ "$25/hr overtime available", "US", 1, 25, 25, "USD", H, BC },
	{ "Salary: $60,000.00 per year\nCommission pay", "US", 1, 60000, 60000, "USD", Y, BC },
	{ "$20/hr phone support", "US", 1, 20, 20, "USD", H, BC },
	{ "$85,000 Business Development Representative", "US", 1, 85000, 85000, "USD", Y, BC },
	{ POUND "35,000 Learning Support Assistant", "GB", 1, 35000, 35000, "GBP", Y, 0 },
	{ "$22/hr Night Differential", "US", 1, 22, 22, "USD", H, BC },
	{ POUND "35,000 per annum inclusive of London weighting", "GB", 1, 35000, 35000, "GBP", Y, 0 },
	{ POUND "32,000 - " POUND "38,000 per annum inc London Weighting", "GB", 1, 32000, 38000, "GBP",
	  Y, 0 },
	{ "Compensation: $85,000 Equity: 0.1%", "US", 1, 85000, 85000, "USD", Y, BC },
	{ "$90,000 - $120,000 equity", "US", 1, 90000, 120000, "USD", Y, BC },
	{ "$20 - $25/hr Phone Sales Representative", "US", 1, 20, 25, "USD", H, BC },
	{ "Pay: $18.00 - $22.00 per hour\nOvertime pay", "US", 1, 18, 22, "USD", H, BC },
	{ "$100,000 in equity", "US", 0, 0, 0, "", U, 0 },
	{ "$40,000 - $45,000 tuition reimbursement", "US", 0, 0, 0, "", U, 0 },
	{ "Up to $5,000 paid in relocation assistance", "US", 0, 0, 0, "", U, 0 },
	{ "$5,000 paid relocation", "US", 0, 0, 0, "", U, 0 },
	{ "$500 monthly paid stipend", "US", 0, 0, 0, "", U, 0 },
	/* "R" is assumed the rand only on a page of no country; IDs are no pay */
	{ "Ref: R12345 Salary " POUND "30,000", "GB", 1, 30000, 30000, "GBP", Y, 0 },
	{ "Job R10234 - Salary $80,000", "US", 1, 80000, 80000, "USD", Y, BC },
	{ "Requisition ID: R0123456", "", 0, 0, 0, "", U, 0 },
	/* period words before the figure */
	{ "sebulan hanya Rp 2,3 hingga Rp 3 juta", "ID", 1, 2.3e6, 3e6, "IDR", M, 0 },
	{ "Anta att din timl\xc3\xb6n \xc3\xa4r 120 kr.", "SE", 1, 120, 120, "SEK", H, BC },
	{ "\xe6\x9c\x88\xe5\x85\xa5" "2\xe4\xb8\x87\xe5\x8f\x8a\xe4\xbb\xa5\xe4\xb8\x8a", "CN", 1, 20000, 20000, "CNY", M, BC },	/* 月入2万及以上 */
	{ "\xe5\xb9\xb4\xe5\x8f\x8e" "800\xe4\xb8\x87", "JP", 1, 8e6, 8e6, "JPY", Y, BC },	/* 年収800万 */
	{ "\xe5\xb9\xb4\xe5\x8f\x8e" "800\xe4\xb8\x87", "", 1, 8e6, 8e6, "", Y, 0 },
	{ "\xe5\x91\x98\xe5\xb7\xa5" "5\xe4\xb8\x87\xe4\xba\xba", "CN", 0, 0, 0, "", U, 0 },	/* 员工5万人: people */
	/* a first end with its period and an aside */
	{ "from $3,000/month (entry) to $4,500/month (senior)", "US", 1, 3000, 4500, "USD", M, BC },
	/* retirement plans in the same clause; perks after the figure */
	{ "the maximum contribution to a 401(k) is limited to $19,500", "US", 0, 0, 0, "", U, 0 },
	{ "401(k), Salary: $100,000", "US", 1, 100000, 100000, "USD", Y, BC },
	{ "401(k) \xe2\x80\xa2 $120,000", "US", 1, 120000, 120000, "USD", Y, BC },
	{ "401(k) and $90,000 salary", "US", 1, 90000, 90000, "USD", Y, BC },
	{ "a refresher of $150k of shares at january prices", "US", 0, 0, 0, "", U, 0 },
	{ "it has a $5,000 deductible you must pay", "US", 0, 0, 0, "", U, 0 },
	{ "Equity Research Analyst $120,000", "US", 1, 120000, 120000, "USD", Y, BC },
	{ "Premium Support Engineer $90,000", "US", 1, 90000, 90000, "USD", Y, BC },
	{ "$120K base + equity", "US", 1, 120000, 120000, "USD", Y, BC },
	{ "$0.25/hr", "US", 0, 0, 0, "", U, 0 },
	{ "AUS$100", "AU", 0, 0, 0, "", U, 0 },
	{ "Job ID$5", "US", 0, 0, 0, "", U, 0 },
};

START_TEST(test_country)
{
	const struct country_case *c = &country_cases[_i];
	struct salary_hints h;
	struct salary s;

	memset(&h, 0, sizeof(h));
	snprintf(h.country, sizeof(h.country), "%s", c->country);
	ck_assert_msg(salary_parse(c->text, &h, &s) == c->found, "'%s' (%s): found %d",
		      c->text, c->country, s.found);
	if (!c->found)
		return;
	ck_assert_msg(near(s.min, c->min) && near(s.max, c->max), "'%s': %.2f-%.2f", c->text,
		      s.min, s.max);
	ck_assert_msg(strcmp(s.currency, c->currency) == 0, "'%s': currency '%s'", c->text,
		      s.currency);
	ck_assert_msg(s.period == c->period, "'%s': period %d", c->text, s.period);
	ck_assert_msg(s.notes == c->notes, "'%s': notes %#x", c->text, s.notes);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("salary-country");
	TCase *tc = tcase_create("country");

	tcase_add_loop_test(tc, test_country, 0, sizeof(country_cases) / sizeof(country_cases[0]));
	suite_add_tcase(s, tc);
	return s;
}
