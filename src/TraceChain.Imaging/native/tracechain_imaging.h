/* TraceChain imaging shim: a flat C API over zxing-cpp 1.4 (read) and zint 2.11 (write).
 * Library structs (zint_symbol, ZXing::Result) never cross this boundary; every struct here is plain,
 * blittable and mirrored in src/TraceChain.Imaging/Interop/. Every function catches all C++ exceptions
 * and reports them as TC_ERR_INTERNAL with a message. Error messages are written, NUL-terminated and
 * truncated, into the caller's buffer. */
#ifndef TRACECHAIN_IMAGING_H
#define TRACECHAIN_IMAGING_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TC_API __attribute__((visibility("default")))

/* Status codes. */
#define TC_OK 0
#define TC_ERR_ARGUMENT 1     /* a null pointer, a bad size or option */
#define TC_ERR_LIMIT 2        /* the image exceeds a limit; refused before decoding */
#define TC_ERR_IMAGE 3        /* not a PNG/JPEG, or a malformed/truncated one */
#define TC_ERR_ENCODE 4       /* zint refused the data (message names why) */
#define TC_ERR_NO_MEMORY 5
#define TC_ERR_INTERNAL 6     /* an unexpected C++ exception */

/* Symbologies to write. */
#define TC_SYMBOL_DATAMATRIX 1
#define TC_SYMBOL_QRCODE 2

/* Label outputs. */
#define TC_OUTPUT_GRAY 0      /* 8-bit grayscale pixels, row-major, stride == width */
#define TC_OUTPUT_PNG 1       /* 8-bit grayscale PNG file bytes */
#define TC_OUTPUT_SVG 2       /* UTF-8 SVG document */

typedef struct tc_limits {
    int64_t max_encoded_bytes; /* size of a PNG/JPEG file */
    int64_t max_pixels;        /* width * height */
    int32_t max_width;
    int32_t max_height;
} tc_limits;

typedef struct tc_decode_options {
    uint32_t formats;          /* zxing-cpp 1.4 BarcodeFormat bits; 0 = all */
    int32_t try_harder;
    int32_t try_rotate;
    int32_t try_downscale;
    int32_t max_symbols;       /* 1..255 */
    int32_t scan_regions;      /* 1: when the whole view yields fewer than max_symbols, also decode crops
                                  centred on textured regions (finds off-centre Data Matrix symbols) */
    int32_t reserved;
} tc_decode_options;

/* One code found. Pointers stay valid until tc_results_free. */
typedef struct tc_code {
    const uint8_t* bytes;      /* content bytes, GS1 separators kept as 0x1D */
    const char* text;          /* content as UTF-8 */
    int32_t bytes_length;
    int32_t text_length;
    uint32_t format;           /* one BarcodeFormat bit */
    int32_t corners[8];        /* x,y of top-left, top-right, bottom-right, bottom-left */
    char symbology_identifier[8]; /* AIM identifier such as "]d2", NUL-terminated */
} tc_code;

typedef struct tc_encode_request {
    const uint8_t* data;       /* GS1: bracketed AIs "[01]...[17]..."; otherwise UTF-8 */
    const char* hri_text;      /* human-readable lines separated by '\n'; may be null */
    int32_t data_length;
    int32_t hri_length;
    int32_t symbology;         /* TC_SYMBOL_* */
    int32_t gs1;               /* 1: GS1 mode (FNC1 first, ]d2 / ]Q3) */
    int32_t module_pixels;     /* pixels (PNG, gray) or SVG units per module, 1..64 */
    int32_t quiet_zone_modules; /* quiet zone on each side; at least the symbology's minimum */
    int32_t output;            /* TC_OUTPUT_* */
    int32_t reserved;
} tc_encode_request;

typedef struct tc_results tc_results;
typedef struct tc_buffer tc_buffer;

TC_API const char* tc_version(void);

TC_API int tc_decode_image(const uint8_t* data, size_t length, const tc_limits* limits,
                           const tc_decode_options* options, tc_results** results, char* error, int32_t error_capacity);
TC_API int tc_decode_gray(const uint8_t* pixels, int32_t width, int32_t height, int32_t stride, const tc_limits* limits,
                          const tc_decode_options* options, tc_results** results, char* error, int32_t error_capacity);
TC_API int32_t tc_results_count(const tc_results* results);
TC_API int tc_results_get(const tc_results* results, int32_t index, tc_code* code);
TC_API void tc_results_free(tc_results* results);

TC_API int tc_encode(const tc_encode_request* request, tc_buffer** buffer, char* error, int32_t error_capacity);
TC_API int tc_buffer_get(const tc_buffer* buffer, const uint8_t** data, int64_t* length, int32_t* width, int32_t* height);
TC_API void tc_buffer_free(tc_buffer* buffer);

#ifdef __cplusplus
}
#endif

#endif
