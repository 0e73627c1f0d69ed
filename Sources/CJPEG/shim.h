// libjpeg's default error handler calls exit(); Swift cannot longjmp, so this
// header wraps one whole decode in C: errors longjmp back here and come out as a
// message. A stream that ends early (libjpeg's JWRN_JPEG_EOF warning) is refused,
// as Pillow refuses a truncated file; other warnings (extraneous bytes before a
// marker, corrupt entropy data) leave an image that Pillow reads, and so do we.
#include <stdio.h>
#include <stdlib.h>
#include <setjmp.h>
#include <jpeglib.h>
#include <jerror.h>

struct cjpeg_error {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

static void cjpeg_error_exit(j_common_ptr cinfo) {
    struct cjpeg_error *e = (struct cjpeg_error *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, e->message);
    longjmp(e->jump, 1);
}

static void cjpeg_emit_message(j_common_ptr cinfo, int level) {
    struct cjpeg_error *e = (struct cjpeg_error *)cinfo->err;
    if (level < 0 && cinfo->err->msg_code == JWRN_JPEG_EOF && e->pub.num_warnings++ == 0) {
        (*cinfo->err->format_message)(cinfo, e->message);
    }
}

/// Decodes a JPEG held in memory to 8-bit RGB (libjpeg's defaults: islow DCT, fancy
/// upsampling). Returns malloc'd width*height*3 bytes, or NULL with `message` filled.
/// Images with a side above `max_side` are refused before their pixels are allocated.
static inline unsigned char *cjpeg_decode_rgb(const unsigned char *data, unsigned long size, int max_side,
                                              int *width, int *height, char *message, size_t message_size) {
    struct jpeg_decompress_struct cinfo;
    struct cjpeg_error err;
    unsigned char *volatile pixels = NULL;
    err.message[0] = 0;
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = cjpeg_error_exit;
    err.pub.emit_message = cjpeg_emit_message;
    if (setjmp(err.jump)) {
        snprintf(message, message_size, "%s", err.message);
        jpeg_destroy_decompress(&cinfo);
        free(pixels);
        return NULL;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, size);
    jpeg_read_header(&cinfo, TRUE);
    cinfo.out_color_space = JCS_RGB;
    *width = (int)cinfo.image_width;
    *height = (int)cinfo.image_height;
    if (*width <= 0 || *height <= 0 || *width > max_side || *height > max_side) {
        snprintf(message, message_size, "image size %dx%d is outside 1..%d", *width, *height, max_side);
        jpeg_destroy_decompress(&cinfo);
        return NULL;
    }
    jpeg_start_decompress(&cinfo);
    pixels = malloc((size_t)*width * (size_t)*height * 3);
    if (!pixels) {
        snprintf(message, message_size, "out of memory");
        jpeg_destroy_decompress(&cinfo);
        return NULL;
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = pixels + (size_t)cinfo.output_scanline * (size_t)*width * 3;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    if (err.pub.num_warnings > 0) {
        snprintf(message, message_size, "%s", err.message);
        jpeg_destroy_decompress(&cinfo);
        free(pixels);
        return NULL;
    }
    jpeg_destroy_decompress(&cinfo);
    return pixels;
}
