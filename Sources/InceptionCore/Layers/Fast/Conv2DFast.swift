// The fast convolution: the same contract as conv2dForwardReference and
// conv2dBackwardReference (Conv2D.swift), computed as matrix products.
//
// Per image, with K = c·kh·kw and P = oh·ow output positions:
//   forward          out (oc, P)  = W (oc, K) · col (K, P)                 (+ bias)
//   input gradient   dcol (K, P)  = Wᵀ (K, oc) · dout (oc, P), then col2im  (added to dinp)
//   weight gradient  dW (oc, K)  += dout (oc, P) · col (K, P)ᵀ              (summed over images)
// where col = im2col(inp). Two kinds of convolution never build col:
//   - a 1x1 convolution with stride 1 and no padding: col is the input plane itself
//     (c, h·w), and dcol is dinp;
//   - a stride-1 convolution whose output rows are whole vectors (ow and w multiples
//     of 8, every 3x3 and 5x5 of the tiny network): the products read col from the
//     padded image in place (`ImplicitColumns`), and the input gradient is the
//     stride-1 convolution of the padded dout with the turned kernel
//       dinp (c, h·w) += W' (c, oc·kh·kw) · dcolumns (oc·kh·kw, h·w),
//       W'[i][(o·kh + ky)·kw + kx] = W[o][i][kh − 1 − ky][kw − 1 − kx],
//     so col2im is not needed either.
// The weight gradient of a stride-1 kernel wider than 1x1 over a multiple of 8
// channels goes through gemm's micro-kernel instead (`weightGradientChannelsLast`).
//
// The kernels run on the calling thread: the engine spreads whole parts of a batch
// over the cores instead (Model/BatchSplit.swift); only a single image's large forward
// convolution is cut in two (`positionHalves`). Images are taken in chunks of
// `chunkImages` only to bound the im2col workspace of the backward pass.

extension ConvGeometry {
    /// Rows of the im2col matrix: c·kh·kw.
    var patchSize: Int { c * kh * kw }

    /// A 1x1 convolution whose input plane already is its im2col matrix.
    var isPointwise: Bool { kh == 1 && kw == 1 && stride == 1 && !isPadded }

    /// The windows the products read in place for the forward pass and the weight
    /// gradient, or nil when this convolution needs im2col.
    var inputWindows: StrideOneWindows? {
        guard stride == 1, !isPointwise else { return nil }
        let windows = StrideOneWindows(planes: c, h: h, w: w, kh: kh, kw: kw, padH: padH, padW: padW)
        return windows.readableInPlace ? windows : nil
    }

    /// The windows of dout that the input gradient reads in place (its output is
    /// (c, h, w)), or nil when it needs col2im.
    var outputGradientWindows: StrideOneWindows? {
        guard stride == 1, !isPointwise, padH < kh, padW < kw else { return nil }
        let windows = StrideOneWindows(planes: oc, h: oh, w: ow, kh: kh, kw: kw, padH: kh - 1 - padH, padW: kw - 1 - padW)
        return windows.readableInPlace ? windows : nil
    }

    /// Images per chunk of the backward pass: 4, fewer when their im2col matrices
    /// would pass 8 MB.
    var chunkImages: Int {
        let perImage = max(1, patchSize * oh * ow * MemoryLayout<Float>.size)
        return max(1, min(4, 8 << 20 / perImage))
    }
}

/// out (n, oc, oh, ow) = inp (n, c, h, w) ⋆ weight (oc, c, kh, kw) + bias (oc), then
/// max(out, 0) with `relu` (as `reluForward`, in the product's epilogue). Image b's
/// output starts at out + b · outImageStride (by default oc·oh·ow: a tensor of its
/// own; larger, it is a module's concatenated output, written in place).
public func conv2dForwardFast(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>,
                              weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?, _ g: ConvGeometry,
                              relu: Bool = false, outImageStride: Int? = nil) {
    let (k, positions, imageSize) = (g.patchSize, g.oh * g.ow, g.c * g.h * g.w)
    let outImageStride = outImageStride ?? g.oc * positions
    // weight (oc, c, kh, kw) read as W (oc, K).
    let w = PackedMatrix(rows: g.oc, columns: k, source: weight, rowStride: k, columnStride: 1)
    // out (oc, P) of image b = W · B, where B is that image's col.
    func multiply<B: GemmColumns>(image b: Int, _ columns: B) {
        let halves = positionHalves(g)
        concurrentChunks(halves.count) { part in
            gemm(c: out + b * outImageStride, ldc: positions, a: w, b: columns, columns: halves[part],
                 accumulate: false, rowBias: bias, relu: relu)
        }
    }
    if let windows = g.inputWindows {
        windows.withColumns(images: 1) { padded, columns in
            for b in 0..<g.n {
                windows.pad(inp + b * imageSize, into: padded)
                multiply(image: b, columns)
            }
        }
        return
    }
    // Workspace: col (K, P), then the padded image for im2col.
    let col: UnsafeMutablePointer<Float>? = g.isPointwise ? nil : .allocate(capacity: k * positions + g.paddedImageSize)
    defer { col?.deallocate() }
    for b in 0..<g.n {
        let inImage = inp + b * imageSize  // (c, h, w)
        if let col { im2col(col: col, inp: inImage, padded: col + k * positions, g) }
        multiply(image: b, RowMajorColumns(base: col.map { UnsafePointer($0) } ?? inImage, rowStride: positions))
    }
}

/// A single image's large convolution (batch 1: the step-by-step view, a photo) has no
/// batch parts to spread, so its output positions are cut in two for two threads. The
/// cut falls on a multiple of the 24-column tile, so every tile, and every bit, is the
/// one a single thread computes; batches keep one thread per part (`BatchSplit`).
func positionHalves(_ g: ConvGeometry) -> [Range<Int>] {
    let positions = g.oh * g.ow
    guard g.n == 1, g.multiplies >= 4_000_000, positions >= 48 else { return [0..<positions] }
    let cut = (positions / 2 + 23) / 24 * 24
    return [0..<cut, cut..<positions]
}

/// Given dout (n, oc, oh, ow), adds the gradients into dinp (n, c, h, w) (unless nil),
/// dweight (oc, c, kh, kw) and dbias (oc), exactly as conv2dBackwardReference.
public func conv2dBackwardFast(dinp: UnsafeMutablePointer<Float>?, dweight: UnsafeMutablePointer<Float>,
                               dbias: UnsafeMutablePointer<Float>?, dout: UnsafePointer<Float>,
                               inp: UnsafePointer<Float>, weight: UnsafePointer<Float>, _ g: ConvGeometry) {
    if let dbias { addBiasGradient(dbias, dout: dout, g) }
    // The weight gradient: through the micro-kernel when the channels allow it, else
    // below as dot products of rows (`gemmTransposedB`).
    let channelsLast = g.weightGradientIsChannelsLast
    if channelsLast { weightGradientChannelsLast(dweight: dweight, dout: dout, inp: inp, g) }
    if let inputWindows = g.inputWindows, let doutWindows = g.outputGradientWindows {
        conv2dBackwardInPlace(dinp: dinp, dweight: channelsLast ? nil : dweight, dout: dout, inp: inp, weight: weight,
                              g, inputWindows, doutWindows)
        return
    }
    let (k, positions) = (g.patchSize, g.oh * g.ow)
    let per = g.chunkImages
    // weight (oc, c, kh, kw) read as Wᵀ (K, oc).
    let wT = dinp == nil ? nil : PackedMatrix(rows: k, columns: g.oc, source: weight, rowStride: 1, columnStride: k)
    // Workspace: a chunk's im2col matrices side by side, col (per, K, P), then the
    // padded image for im2col and col2im.
    let col: UnsafeMutablePointer<Float>? =
        g.isPointwise ? nil : .allocate(capacity: per * k * positions + g.paddedImageSize)
    defer { col?.deallocate() }
    let padded = col.map { $0 + per * k * positions }
    for first in stride(from: 0, to: g.n, by: per) {
        let count = min(g.n, first + per) - first
        let doutChunk = dout + first * g.oc * positions
        if !channelsLast {
            if let col, let padded {
                for b in 0..<count {
                    im2col(col: col + b * k * positions, inp: inp + (first + b) * g.c * g.h * g.w, padded: padded, g)
                }
            }
            gemmTransposedB(c: dweight, ldc: k, m: g.oc, n: k, len: positions, segments: count,
                            a: SegmentedRows(base: doutChunk, rowStride: positions, segmentStride: g.oc * positions),
                            b: SegmentedRows(base: col.map { UnsafePointer($0) } ?? inp + first * g.c * g.h * g.w,
                                             rowStride: positions, segmentStride: k * positions))
        }
        guard let dinp, let wT else { continue }
        for b in 0..<count {
            let doutImage = doutChunk + b * g.oc * positions  // (oc, P)
            let dinpImage = dinp + (first + b) * g.c * g.h * g.w  // (c, h, w)
            if let col, let padded {
                // The chunk's col is no longer needed: its first slot holds dcol (K, P).
                gemm(c: col, ldc: positions, a: wT, b: doutImage, ldb: positions, n: positions, accumulate: false)
                col2imAdding(dinp: dinpImage, dcol: col, padded: padded, g)
            } else {
                gemm(c: dinpImage, ldc: positions, a: wT, b: doutImage, ldb: positions, n: positions, accumulate: true)
            }
        }
    }
}

/// The backward pass of a convolution whose windows are read in place (see the
/// top of this file): the weight gradient (unless dweight is nil: computed
/// already) over all images at once, then each image's input gradient as the
/// turned kernel over its padded dout.
private func conv2dBackwardInPlace(dinp: UnsafeMutablePointer<Float>?, dweight: UnsafeMutablePointer<Float>?,
                                   dout: UnsafePointer<Float>, inp: UnsafePointer<Float>,
                                   weight: UnsafePointer<Float>, _ g: ConvGeometry,
                                   _ inputWindows: StrideOneWindows, _ doutWindows: StrideOneWindows) {
    let (k, positions, imageSize) = (g.patchSize, g.oh * g.ow, g.c * g.h * g.w)
    if let dweight {
        inputWindows.withColumns(images: g.n) { padded, columns in
            for b in 0..<g.n { inputWindows.pad(inp + b * imageSize, into: padded + b * inputWindows.paddedSize) }
            gemmTransposedB(c: dweight, ldc: k, m: g.oc, n: k, len: positions, segments: g.n,
                            a: SegmentedRows(base: dout, rowStride: positions, segmentStride: g.oc * positions),
                            b: columns)
        }
    }
    guard let dinp else { return }
    // W'[i][(o·kh + ky)·kw + kx] = W[o][i][kh − 1 − ky][kw − 1 − kx]: kernel (o, i) read
    // backwards, at i·kh·kw + columnOffset[(o·kh + ky)·kw + kx].
    let area = g.kh * g.kw
    let columnOffset = (0..<g.oc * area).map { q in q / area * g.c * area + area - 1 - q % area }
    let turned = columnOffset.withUnsafeBufferPointer { offsets in
        PackedMatrix(rows: g.c, columns: g.oc * area) { i, q in weight[i * area + offsets[q]] }
    }
    doutWindows.withColumns(images: 1) { padded, columns in
        for b in 0..<g.n {
            doutWindows.pad(dout + b * g.oc * positions, into: padded)
            gemm(c: dinp + b * imageSize, ldc: g.h * g.w, a: turned, b: columns, columns: 0..<g.h * g.w,
                 accumulate: true)
        }
    }
}

/// dbias (oc) += dout (n, oc, oh, ow) summed over images and positions.
private func addBiasGradient(_ dbias: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>, _ g: ConvGeometry) {
    let positions = g.oh * g.ow
    for b in 0..<g.n {
        for o in 0..<g.oc { dbias[o] += sumFloats(dout + (b * g.oc + o) * positions, positions) }
    }
}
