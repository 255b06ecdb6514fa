/*
 * test_record.c - record labels: facets created on demand, duplicate labels
 * ignored, coded-with-no-label facets, language default, clear is idempotent.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "testutil.h"
#include "revtag/record.h"
#include "rtint.h"

static void test_labels(void **state)
{
    (void)state;
    rt_record r;
    rt_record_init(&r);
    assert_string_equal(rt_record_lang(&r), "en");
    assert_null(rt_record_get_facet(&r, "country"));
    assert_int_equal(rt_record_add_label(&r, "country", "GB"), RT_OK);
    assert_int_equal(rt_record_add_label(&r, "country", "US"), RT_OK);
    assert_int_equal(rt_record_add_label(&r, "country", "GB"), RT_OK);
    assert_int_equal(rt_record_add_facet(&r, "theme"), RT_OK);
    const rt_facet_labels *f = rt_record_get_facet(&r, "country");
    assert_non_null(f);
    assert_int_equal(f->nlabels, 2);
    assert_string_equal(f->labels[1], "US");
    f = rt_record_get_facet(&r, "theme");
    assert_non_null(f);
    assert_int_equal(f->nlabels, 0);
    r.lang = rt_strdup("fr");
    assert_string_equal(rt_record_lang(&r), "fr");
    rt_record_clear(&r);
    assert_int_equal(r.nfacets, 0);
    rt_record_clear(&r);
    rt_record_clear(NULL);
}

static int oom_step(void *vctx)
{
    rt_record *r = vctx;
    rt_record_init(r);
    int rc = rt_record_add_label(r, "policy_area", "Health");
    return rc != RT_OK ? rc : rt_record_add_label(r, "country", "KE");
}

static void oom_cleanup(void *vctx)
{
    rt_record_clear(vctx);
}

static void test_out_of_memory(void **state)
{
    (void)state;
    rt_record r;
    assert_int_equal(tu_each_alloc_failure(oom_step, oom_cleanup, &r, 20), RT_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
