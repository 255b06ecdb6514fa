/*
 * ris.c - placeholder while the ris reader is being written (not committed).
 */
#include "rtint.h"

static int ph_open(rt_reader *r, rt_err *err)
{
    (void)r;
    return rt_err_set(err, RT_EINVAL, "ris: reader not written yet");
}

static int ph_next(rt_reader *r, rt_record *rec, rt_err *err)
{
    (void)r;
    (void)rec;
    return rt_err_set(err, RT_EINVAL, "ris: reader not written yet");
}

static void ph_free(void *state)
{
    (void)state;
}

const rt_io_format rt_io_ris = { ph_open, ph_next, ph_free };
