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
                copyChannelsLast(image, inp + b * g.c * g.h * g.w, g)
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

/// Copies one image (c, h, w) into the middle of `image` (hp, wp, c), channels last.
/// Where w is a multiple of 8, as in the network, 8 channels × 8 columns go at a
/// time: eight loads, a transpose in registers, eight stores (the plain loop's
/// stores, c floats apart, had cost a tenth of the weight gradient).
private func copyChannelsLast(_ image: UnsafeMutablePointer<Float>, _ plane: UnsafePointer<Float>, _ g: ConvGeometry) {
    let (c, h, w, wp) = (g.c, g.h, g.w, g.paddedWidth)
    for y in 0..<h {
        let row = image + ((y + g.padH) * wp + g.padW) * c
        if w % 8 == 0 {
            for i in stride(from: 0, to: c, by: 8) {
                for x in stride(from: 0, to: w, by: 8) {
                    let (from, to, planeSize) = (plane + (i * h + y) * w + x, row + x * c + i, h * w)
                    var m = (SIMD8.load(from), SIMD8.load(from + planeSize), SIMD8.load(from + 2 * planeSize),
                             SIMD8.load(from + 3 * planeSize), SIMD8.load(from + 4 * planeSize),
                             SIMD8.load(from + 5 * planeSize), SIMD8.load(from + 6 * planeSize),
                             SIMD8.load(from + 7 * planeSize))
                    for _ in 0..<3 { m = perfectShuffle(m) }
                    SIMD8.store(m.0, to)
                    SIMD8.store(m.1, to + c)
                    SIMD8.store(m.2, to + 2 * c)
                    SIMD8.store(m.3, to + 3 * c)
                    SIMD8.store(m.4, to + 4 * c)
                    SIMD8.store(m.5, to + 5 * c)
                    SIMD8.store(m.6, to + 6 * c)
                    SIMD8.store(m.7, to + 7 * c)
                }
            }
        } else {
            for i in 0..<c {
                for x in 0..<w { row[x * c + i] = plane[(i * h + y) * w + x] }
            }
        }
    }
}

private typealias Rows8 = (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>,
                           SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>)

/// One stage of an 8x8 transpose: rows 2k and 2k + 1 side by side give row k their
/// even lanes and row k + 4 their odd ones. Entry (i, j), with i and j as 3-bit
/// numbers, moves to (j₀i₂i₁, i₀j₂j₁); three stages take it to (j, i).
@inline(__always)
private func perfectShuffle(_ r: Rows8) -> Rows8 {
    let (p0, p1) = (SIMD16(lowHalf: r.0, highHalf: r.1), SIMD16(lowHalf: r.2, highHalf: r.3))
    let (p2, p3) = (SIMD16(lowHalf: r.4, highHalf: r.5), SIMD16(lowHalf: r.6, highHalf: r.7))
    return (p0.evenHalf, p1.evenHalf, p2.evenHalf, p3.evenHalf, p0.oddHalf, p1.oddHalf, p2.oddHalf, p3.oddHalf)
}
