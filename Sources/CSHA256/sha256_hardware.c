// SHA-256 compression with the x86 SHA extensions (SHA-NI), for hashing the build's output.
//
// The state is kept as two vectors, ABEF and CDGH, the order the sha256rnds2 instruction
// works in. Each group of four rounds adds four message words to their round constants;
// sha256rnds2 does two rounds at a time. From the fifth group on, the message schedule is
// extended four words at a time with sha256msg1 and sha256msg2.

#include "CSHA256.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <cpuid.h>
#include <immintrin.h>

int csha256_hardware_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

__attribute__((target("sha,sse4.1,ssse3")))
void csha256_compress_hardware(uint32_t state[8], const uint8_t *data, size_t blocks,
                               const uint32_t round_constants[64]) {
    // Message words are big-endian; this shuffle reverses the bytes of each 32-bit lane.
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

    // state[0..3] = A B C D and state[4..7] = E F G H, lowest lane first; rearranged to ABEF
    // and CDGH with A and C in the highest lanes.
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (; blocks > 0; blocks--, data += 64) {
        const __m128i abef_before = abef;
        const __m128i cdgh_before = cdgh;
        // m[0..3] hold the sixteen newest message words. Each word of the schedule is begun with
        // sha256msg1 as soon as its inputs exist and finished with sha256msg2 between the two
        // sha256rnds2 of a group, so the schedule never waits on the rounds nor they on it.
        __m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), byte_swap);
        __m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), byte_swap);
        __m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), byte_swap);
        __m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), byte_swap);
        __m128i k, t;

        // Four rounds with the words in `now`; `next` is the group after, whose last input is `now`.
#define BULLETIN_SHA_ROUNDS(group, now, prev, next, oldest)                                        \
        k = _mm_add_epi32(now, _mm_loadu_si128((const __m128i *)&round_constants[4 * (group)]));   \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, k);                                               \
        if ((group) >= 3 && (group) < 15) {                                                        \
            t = _mm_add_epi32(next, _mm_alignr_epi8(now, prev, 4));                                \
            next = _mm_sha256msg2_epu32(t, now);                                                   \
        }                                                                                          \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(k, 0x0E));                      \
        if ((group) >= 1 && (group) < 13) oldest = _mm_sha256msg1_epu32(oldest, now);

        BULLETIN_SHA_ROUNDS(0, m0, m3, m1, m3)
        BULLETIN_SHA_ROUNDS(1, m1, m0, m2, m0)
        BULLETIN_SHA_ROUNDS(2, m2, m1, m3, m1)
        BULLETIN_SHA_ROUNDS(3, m3, m2, m0, m2)
        BULLETIN_SHA_ROUNDS(4, m0, m3, m1, m3)
        BULLETIN_SHA_ROUNDS(5, m1, m0, m2, m0)
        BULLETIN_SHA_ROUNDS(6, m2, m1, m3, m1)
        BULLETIN_SHA_ROUNDS(7, m3, m2, m0, m2)
        BULLETIN_SHA_ROUNDS(8, m0, m3, m1, m3)
        BULLETIN_SHA_ROUNDS(9, m1, m0, m2, m0)
        BULLETIN_SHA_ROUNDS(10, m2, m1, m3, m1)
        BULLETIN_SHA_ROUNDS(11, m3, m2, m0, m2)
        BULLETIN_SHA_ROUNDS(12, m0, m3, m1, m3)
        BULLETIN_SHA_ROUNDS(13, m1, m0, m2, m0)
        BULLETIN_SHA_ROUNDS(14, m2, m1, m3, m1)
        BULLETIN_SHA_ROUNDS(15, m3, m2, m0, m2)
#undef BULLETIN_SHA_ROUNDS

        abef = _mm_add_epi32(abef, abef_before);
        cdgh = _mm_add_epi32(cdgh, cdgh_before);
    }

    // Back to A B C D and E F G H.
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#else

int csha256_hardware_available(void) { return 0; }

void csha256_compress_hardware(uint32_t state[8], const uint8_t *data, size_t blocks,
                               const uint32_t round_constants[64]) {
    (void)state; (void)data; (void)blocks; (void)round_constants;
}

#endif
