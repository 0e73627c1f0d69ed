// The weight gradient of a stride-1 convolution through `gemm`'s 4x24 micro-kernel,
// when the input has a multiple of 8 channels.
//
//     dW (oc, K) += dout (oc, P) · col (K, P)ᵀ        (per image, summed over images)
//
// `gemmTransposedB` computes this as dot products of rows, whose horizontal sums and
// 8-accumulator tiles reach about two thirds of the FMA peak. Read as a product with
// the positions as its depth instead, C (oc, K) = A (oc, P) · B (P, K), it needs
// B[t] (one output position) to hold K values of which every 8 are contiguous. The
// padded image in channels-last order (hp, wp, c) gives exactly that when the K
// columns are taken in (ky, kx, i) order: column (ky·kw + kx)·c + i of position
// (oy, ox) is at ((oy + ky)·wp + ox + kx)·c + i, and i runs over whole vectors of
// channels. So B is `ImplicitColumns` again: a row offset per position, a column
// offset per vector. C comes out in (ky, kx, i) order and is added into dW's
// (i, ky, kx) order at the end.

extension ConvGeometry {
    /// Whether the weight gradient goes through `weightGradientChannelsLast`: not for
    /// a 1x1 kernel, whose im2col matrix is the input itself, so the rows' dot
    /// products read it as it is and the reordering copy would cost more than it saves
    /// (measured with `bench --layers`).
    var weightGradientIsChannelsLast: Bool { c % 8 == 0 && stride == 1 && kh * kw > 1 && oh * ow > 0 }
}

/// dweight (oc, c, kh, kw) += the weight gradient of dout (n, oc, oh, ow) over
/// inp (n, c, h, w), for a geometry with `weightGradientIsChannelsLast`.
func weightGradientChannelsLast(dweight: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>,
                                inp: UnsafePointer<Float>, _ g: ConvGeometry) {
    let (k, positions, area) = (g.patchSize, g.oh * g.ow, g.kh * g.kw)
    let (hp, wp) = (g.paddedHeight, g.paddedWidth)
    // Position t = (oy, ox) starts its window at padded pixel oy·wp + ox; column vector
    // (ky·kw + kx)·c + 8v reads pixel ky·wp + kx, channels 8v..<8v + 8.
    let rowOffsets = (0..<positions).map { ($0 / g.ow * wp + $0 % g.ow) * g.c }
    let vectorOffsets = stride(from: 0, to: k, by: 8).map { j in
        let (window, i) = j.quotientAndRemainder(dividingBy: g.c)
        return ((window / g.kw) * wp + window % g.kw) * g.c + i
    }
    let image = UnsafeMutablePointer<Float>.allocate(capacity: hp * wp * g.c)  // (hp, wp, c), zero border
    image.initialize(repeating: 0, count: hp * wp * g.c)
    let sums = UnsafeMutablePointer<Float>.allocate(capacity: g.oc * k)  // (oc, K) in (ky, kx, i) order
    defer {
        image.deallocate()
        sums.deallocate()
    }
    rowOffsets.withUnsafeBufferPointer { rows in
        vectorOffsets.withUnsafeBufferPointer { vectors in
            let columns = ImplicitColumns(base: image, rowOffsets: rows.baseAddress!, vectorOffsets: vectors.baseAddress!)
            for b in 0..<g.n {
                let plane = inp + b * g.c * g.h * g.w
                for i in 0..<g.c {
                    for y in 0..<g.h {
                        var to = image + ((y + g.padH) * wp + g.padW) * g.c + i
                        var from = plane + (i * g.h + y) * g.w
                        for _ in 0..<g.w {
                            to.pointee = from.pointee
                            to += g.c
                            from += 1
                        }
                    }
                }
                let a = PackedMatrix(rows: g.oc, columns: positions, source: dout + b * g.oc * positions,
                                     rowStride: positions, columnStride: 1)
                gemm(c: sums, ldc: k, a: a, b: columns, columns: 0..<k, accumulate: b > 0)
            }
        }
    }
    for o in 0..<g.oc {
        for i in 0..<g.c {
            for window in 0..<area { dweight[(o * g.c + i) * area + window] += sums[o * k + window * g.c + i] }
        }
    }
}
