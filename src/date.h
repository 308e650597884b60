/*
 * date.h - calendar days written YYYY-MM-DD (proleptic Gregorian): read and
 * checked once, here, for filters, rates and report trends alike; counted
 * in days for week and month arithmetic.  Pure: no I/O, no time zone.
 */
#ifndef JOBSTATS_DATE_H
#define JOBSTATS_DATE_H

struct date {
	int year, month, day;
};

/*
 * 1 when s begins with a real calendar day written YYYY-MM-DD ("2025-02-29"
 * is not one), and with whole set nothing follows it; then *out (may be
 * NULL) holds it.  0 otherwise.  Without whole, "2025-01-06 10:00:00" reads
 * as its day.
 */
int date_read(const char *s, int whole, struct date *out);

/* Days from 1970-01-01 (negative before), and back. */
long date_to_days(struct date d);
struct date date_from_days(long days);

/* d written YYYY-MM-DD, for years 0 to 9999. */
void date_format(struct date d, char out[11]);

#endif
