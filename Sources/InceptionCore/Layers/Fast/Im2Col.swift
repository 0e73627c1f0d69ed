// im2col turns one image's convolution into a matrix product:
//
//     col (c·kh·kw, oh·ow):  col[(i·kh + ky)·kw + kx][oy·ow + ox] = inp[i][oy·s + ky − padH][ox·s + kx − padW]
//
// (zero where that falls in the padding), so out (oc, oh·ow) = W (oc, c·kh·kw) · col,
// the weights OIHW read as a matrix as they are. col2im is its transpose: it adds
// each entry of a col-shaped gradient back onto the input position it was read from.
//
// Both first give the image its border of zeros (a `padded` workspace of
// c·(h + 2·padH)·(w + 2·padW) floats), so that every run of ow outputs of one row of
// col reads ow inputs of one padded row with no clipping: with stride 1 each run is
// a straight vector copy.

extension ConvGeometry {
    /// Height and width of the input with its zero border.
    var paddedHeight: Int { h + 2 * padH }
    var paddedWidth: Int { w + 2 * padW }
    /// Whether the image needs its zero border.
    var isPadded: Bool { padH > 0 || padW > 0 }
    /// Floats of the `padded` workspace of im2col and col2im (zero without padding).
    var paddedImageSize: Int { isPadded ? c * paddedHeight * paddedWidth : 0 }
}

/// For each row y of each input plane i: where it starts in the image (c, h, w)
/// and in the padded image (c, hp, wp).
@inline(__always)
private func forEachInputRow(_ g: ConvGeometry, _ body: (_ imageOffset: Int, _ paddedOffset: Int) -> Void) {
    for i in 0..<g.c {
        for y in 0..<g.h {
            body((i * g.h + y) * g.w, (i * g.paddedHeight + y + g.padH) * g.paddedWidth + g.padW)
        }
    }
}

/// For each row (i, ky, kx) of col and each output row oy: where its run of ow
/// values starts in col and in the padded image (whose row stride is paddedWidth).
/// Offsets advance by addition: this loop runs c·kh·kw·oh times per image.
@inline(__always)
private func forEachRun(_ g: ConvGeometry, _ body: (_ colOffset: Int, _ imageOffset: Int) -> Void) {
    let (oh, ow, hp, wp) = (g.oh, g.ow, g.paddedHeight, g.paddedWidth)
    let step = g.stride &* wp
    var colOffset = 0
    for i in 0..<g.c {
        for ky in 0..<g.kh {
            for kx in 0..<g.kw {
                var imageOffset = (i * hp + ky) * wp + kx
                for _ in 0..<oh {
                    body(colOffset, imageOffset)
                    colOffset &+= ow
                    imageOffset &+= step
                }
            }
        }
    }
}

/// col (c·kh·kw, oh·ow) from inp (c, h, w), one image. `padded` is a workspace of
/// `g.paddedImageSize` floats (unused without padding).
func im2col(col: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>,
            padded: UnsafeMutablePointer<Float>, _ g: ConvGeometry) {
    var image = inp
    if g.isPadded {
        // padded (c, hp, wp): zero border, inp in the middle.
        padded.update(repeating: 0, count: g.paddedImageSize)
        forEachInputRow(g) { imageOffset, paddedOffset in copyFloats(padded + paddedOffset, inp + imageOffset, g.w) }
        image = UnsafePointer(padded)
    }
    let (ow, s) = (g.ow, g.stride)
    forEachRun(g) { colOffset, imageOffset in
        let (dst, src) = (col + colOffset, image + imageOffset)
        if s == 1 {
            copyFloats(dst, src, ow)
        } else {
            for ox in 0..<ow { dst[ox] = src[ox * s] }
        }
    }
}

/// dinp (c, h, w) += the col-shaped gradient dcol (c·kh·kw, oh·ow) folded back, one
/// image. `padded` is a workspace of `g.paddedImageSize` floats (unused without padding).
func col2imAdding(dinp: UnsafeMutablePointer<Float>, dcol: UnsafePointer<Float>,
                  padded: UnsafeMutablePointer<Float>, _ g: ConvGeometry) {
    // Without padding the runs land directly in dinp; with it, in a zeroed padded
    // image whose middle is added to dinp at the end (the border is dropped).
    let image = g.isPadded ? padded : dinp
    if g.isPadded { padded.update(repeating: 0, count: g.paddedImageSize) }
    let (ow, s) = (g.ow, g.stride)
    forEachRun(g) { colOffset, imageOffset in
        let (dst, src) = (image + imageOffset, dcol + colOffset)
        if s == 1 {
            addFloats(dst, src, ow)
        } else {
            for ox in 0..<ow { dst[ox * s] += src[ox] }
        }
    }
    if g.isPadded {
        forEachInputRow(g) { imageOffset, paddedOffset in addFloats(dinp + imageOffset, padded + paddedOffset, g.w) }
    }
}
