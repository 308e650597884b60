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

static double jnum(struct jsonq *q, const char *json, const char *key)
{
	char type[8], *v = jget(q, json, key, type);
	double d = v ? schema_amount(v) : 0;

	free(v);
	return d;
}

/* The amounts of a QuantitativeValue or a MonetaryAmount's own members:
 * minValue and maxValue, else value, else a distribution's percentiles or
 * median.  Returns 1 when any was found. */
static int amounts(struct jsonq *q, const char *obj, double *min, double *max)
{
	*min = jnum(q, obj, "minValue");
	*max = jnum(q, obj, "maxValue");
	if (*min == 0 && *max == 0)
		*min = *max = jnum(q, obj, "value");
	if (*min == 0 && *max == 0) {
		*min = jnum(q, obj, "percentile10");
		*max = jnum(q, obj, "percentile90");
	}
	if (*min == 0 && *max == 0)
		*min = *max = jnum(q, obj, "median");
	return *min != 0 || *max != 0;
}

/* A MonetaryAmount object into p's hints; returns 1 when it gave an amount. */
static int monetary_amount(struct jsonq *q, const char *ma, const char *job_currency,
			   struct raw_posting *p)
{
	char type[8], *val = jget(q, ma, "value", type), *cur, *unit = NULL;
	double min = 0, max = 0;
	int found;

	if (val != NULL && strcmp(type, "object") == 0) {
		amounts(q, val, &min, &max);
		unit = jtext(q, val, "unitText", NULL);
	} else if (val != NULL) {
		min = max = schema_amount(val);
	}
	if (min == 0 && max == 0)
		amounts(q, ma, &min, &max);
	if (unit == NULL)
		unit = jtext(q, ma, "unitText", NULL);
	if (unit == NULL)
		unit = jtext(q, ma, "duration", NULL);
	cur = jtext(q, ma, "currency", NULL);
	found = schema_salary_hints(&p->salary_hints, min, max, cur ? cur : job_currency, unit);
	free(val);
	free(cur);
	free(unit);
	return found;
}

/* One salary value of type type; returns 1 when it gave pay. */
static int salary_value(struct jsonq *q, const char *v, const char *type,
			const char *job_currency, struct raw_posting *p)
{
	double a;

	if (strcmp(type, "object") == 0)
		return monetary_amount(q, v, job_currency, p);
	a = schema_amount(v);
	if (a > 0)
		return schema_salary_hints(&p->salary_hints, a, a, job_currency, NULL);
	/* "$100k - $120k": text for the salary reader, as a card's would be */
	if (strcmp(type, "text") == 0 && p->salary_text == NULL)
		p->salary_text = html_fragment_text(v);
	return p->salary_text != NULL;
}

/* The member key of job (a value or an array of values); 1 when it gave pay. */
static int salary_member(struct jsonq *q, const char *job, const char *key,
			 const char *job_currency, struct raw_posting *p)
{
	char type[8], *v = jget(q, job, key, type), *item;
	int i, found = 0;

	if (v == NULL)
		return 0;
	if (strcmp(type, "array") != 0) {
		found = salary_value(q, v, type, job_currency, p);
		free(v);
		return found;
	}
	for (i = 0; i < SALARY_MAX_ITEMS && !found; i++) {
		item = jindex(q, v, i, type);
		if (item == NULL)
			break;
		found = salary_value(q, item, type, job_currency, p);
		free(item);
	}
	free(v);
	return found;
}

void jsonld_salary(struct jsonq *q, const char *job, struct raw_posting *p)
{
	char *cur = jtext(q, job, "salaryCurrency", NULL);
	struct raw_posting est;

	if (!salary_member(q, job, "baseSalary", cur, p)) {
		raw_posting_init(&est);
		if (salary_member(q, job, "estimatedSalary", cur, &est))
			p->salary_text = schema_estimate_text(&est);
		raw_posting_release(&est);
	}
	free(cur);
}
