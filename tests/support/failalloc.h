/*
 * failalloc.h - make the Nth heap allocation of the code under test fail, to
 * check that every out-of-memory path returns RT_ENOMEM and leaks nothing.
 * Works through the linker's --wrap of malloc, calloc and realloc.
 */
#ifndef RT_FAILALLOC_H
#define RT_FAILALLOC_H

#include <stddef.h>

/* Fail the Nth allocation from now (1 = the next one); 0 disarms. */
void failalloc_arm(size_t n);

/* Allocations seen since the last arm (armed or not). */
size_t failalloc_count(void);

/* 1 if the armed failure has happened since the last arm. */
int failalloc_fired(void);

#endif
