#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA extensions that `csha256_compress_hardware` needs.
int csha256_hardware_available(void);

/// Runs the SHA-256 compression function over `blocks` consecutive 64-byte blocks,
/// updating the eight state words in place, with the 64 round constants of FIPS 180-4.
/// Call only when `csha256_hardware_available()`.
void csha256_compress_hardware(uint32_t state[8], const uint8_t *data, size_t blocks,
                               const uint32_t round_constants[64]);

#endif
