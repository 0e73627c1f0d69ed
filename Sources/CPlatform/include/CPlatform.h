// What Swift cannot reach on its own: the CPUID instruction and the XCR0
// register, read to check the CPU before any AVX2 kernel runs.
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

#endif
