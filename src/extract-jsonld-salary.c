/*
 * extract-jsonld-salary.c - a JobPosting's pay in the shapes sites write it.
 *
 *   baseSalary: 120000 | "120,000" | "$100k - $120k" (salary text)
 *     | MonetaryAmount {currency, value: 120000 | "120000.00"
 *                      | QuantitativeValue {minValue, maxValue | value, unitText}}
 *     | MonetaryAmount {currency, minValue, maxValue, unitText}
 *     | an array of these (the first that gives an amount counts)
 *   estimatedSalary, in the same shapes or as MonetaryAmountDistribution
 *     (percentile10 .. percentile90, else median; duration "P1Y"), when
 *     baseSalary gives nothing: the board's estimate, not employer pay, so
 *     it becomes salary text marked "Estimated" (provenance "estimate").
 *
 * A baseSalary with no amount (the empty template some ATSs emit,
 * {"currency": "", "value": {"unitText": ""}}) gives no structured salary.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract-jsonld-internal.h"
#include "extract-schema.h"
#include "html.h"

/* How many elements of a salary array are looked at. */
#define SALARY_MAX_ITEMS 16

/* The amount a value's text reads as (0: none), as schema_amount reads it. */
static double amount_of(const struct json_node *v)
{
	char *s = v ? json_value_text(v) : NULL;
	double d = s ? schema_amount(s) : 0;

	free(s);
	return d;
}

static double jnum(const struct json_node *o, const char *key)
{
	return amount_of(jget(o, key));
}

/* The amounts of a QuantitativeValue or a MonetaryAmount's own members:
 * minValue and maxValue, else value, else a distribution's percentiles or
 * median.  Returns 1 when any was found. */
static int amounts(const struct json_node *obj, double *min, double *max)
{
	*min = jnum(obj, "minValue");
	*max = jnum(obj, "maxValue");
	if (*min == 0 && *max == 0)
		*min = *max = jnum(obj, "value");
	if (*min == 0 && *max == 0) {
		*min = jnum(obj, "percentile10");
		*max = jnum(obj, "percentile90");
	}
	if (*min == 0 && *max == 0)
		*min = *max = jnum(obj, "median");
	return *min != 0 || *max != 0;
}

/* A MonetaryAmount object into p's hints; returns 1 when it gave an amount. */
static int monetary_amount(const struct json_node *ma, const char *job_currency,
			   struct raw_posting *p)
{
	const struct json_node *val = jget(ma, "value");
	char *cur, *unit = NULL;
	double min = 0, max = 0;
	int found;

	if (val != NULL && val->type == JSON_OBJECT) {
		amounts(val, &min, &max);
		unit = jtext(val, "unitText", NULL);
	} else if (val != NULL) {
		min = max = amount_of(val);
	}
	if (min == 0 && max == 0)
		amounts(ma, &min, &max);
	if (unit == NULL)
		unit = jtext(ma, "unitText", NULL);
	if (unit == NULL)
		unit = jtext(ma, "duration", NULL);
	cur = jtext(ma, "currency", NULL);
	found = schema_salary_hints(&p->salary_hints, min, max, cur ? cur : job_currency, unit);
	free(cur);
	free(unit);
	return found;
}

/* One salary value; returns 1 when it gave pay. */
static int salary_value(const struct json_node *v, const char *job_currency,
			struct raw_posting *p)
{
	double a;

	if (v->type == JSON_OBJECT)
		return monetary_amount(v, job_currency, p);
	a = amount_of(v);
	if (a > 0)
		return schema_salary_hints(&p->salary_hints, a, a, job_currency, NULL);
	/* "$100k - $120k": text for the salary reader, as a card's would be */
	if (v->type == JSON_TEXT && p->salary_text == NULL)
		p->salary_text = jhtml(v);
	return p->salary_text != NULL;
}

/* The member key of job (a value or an array of values); 1 when it gave pay. */
static int salary_member(const struct json_node *job, const char *key, const char *job_currency,
			 struct raw_posting *p)
{
	const struct json_node *v = jget(job, key), *item;
	int i, found = 0;

	if (v == NULL)
		return 0;
	if (v->type != JSON_ARRAY)
		return salary_value(v, job_currency, p);
	for (i = 0; i < SALARY_MAX_ITEMS && !found; i++) {
		item = jindex(v, i);
		if (item == NULL)
			break;
		found = salary_value(item, job_currency, p);
	}
	return found;
}

void jsonld_salary(const struct json_node *job, struct raw_posting *p)
{
	char *cur = jtext(job, "salaryCurrency", NULL);
	struct raw_posting est;

	if (!salary_member(job, "baseSalary", cur, p)) {
		raw_posting_init(&est);
		if (salary_member(job, "estimatedSalary", cur, &est))
			p->salary_text = schema_estimate_text(&est);
		raw_posting_release(&est);
	}
	free(cur);
}
