#include "CPlatform.h"

#if defined(__GLIBC__)
#include <malloc.h>

void cplatform_keep_heap(int mmap_threshold, int trim_threshold) {
    mallopt(M_MMAP_THRESHOLD, mmap_threshold);
    mallopt(M_TRIM_THRESHOLD, trim_threshold);
}
#else
void cplatform_keep_heap(int mmap_threshold, int trim_threshold) {
    (void)mmap_threshold; (void)trim_threshold;
}
#endif

#if defined(__x86_64__)
#include <cpuid.h>

cplatform_cpuid_registers cplatform_cpuid(uint32_t leaf, uint32_t subleaf) {
    cplatform_cpuid_registers r = {0, 0, 0, 0};
    if (leaf > __get_cpuid_max(leaf & 0x80000000u, 0)) return r;
    __cpuid_count(leaf, subleaf, r.eax, r.ebx, r.ecx, r.edx);
    return r;
}

uint64_t cplatform_xcr0(void) {
    if (!(cplatform_cpuid(1, 0).ecx & (1u << 27))) return 0;
    uint32_t lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((uint64_t)hi << 32) | lo;
}
#else
cplatform_cpuid_registers cplatform_cpuid(uint32_t leaf, uint32_t subleaf) {
    (void)leaf; (void)subleaf;
    cplatform_cpuid_registers r = {0, 0, 0, 0};
    return r;
}

uint64_t cplatform_xcr0(void) { return 0; }
#endif
