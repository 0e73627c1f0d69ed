// What Swift cannot reach on its own: the CPUID instruction and the XCR0
// register, read to check the CPU before any AVX2 kernel runs, and glibc's
// mallopt, which no Swift module exports.
#ifndef CPLATFORM_H
#define CPLATFORM_H

#include <stdint.h>

/// The four CPUID registers of `leaf` and `subleaf`; all zero when the leaf is
/// beyond the CPU's highest, or on a CPU that is not x86-64.
typedef struct {
    uint32_t eax, ebx, ecx, edx;
} cplatform_cpuid_registers;

cplatform_cpuid_registers cplatform_cpuid(uint32_t leaf, uint32_t subleaf);

/// XCR0, the register state the operating system saves (bits 1 and 2: SSE and
/// AVX); 0 unless CPUID says the OS enabled XGETBV (leaf 1, ECX bit 27).
uint64_t cplatform_xcr0(void);

/// Keeps blocks up to `mmap_threshold` bytes in the heap instead of fresh mmaps,
/// and trims the heap only past `trim_threshold` free bytes (glibc mallopt
/// M_MMAP_THRESHOLD and M_TRIM_THRESHOLD). Does nothing without glibc.
void cplatform_keep_heap(int mmap_threshold, int trim_threshold);

#endif
