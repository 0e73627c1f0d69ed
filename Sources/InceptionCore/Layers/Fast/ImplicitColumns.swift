// A stride-1 convolution's im2col matrix, read in place instead of built.
//
// With stride 1, row (i, ky, kx) of col (`Im2Col.swift`) is plane i of the padded
// input shifted by ky rows and kx columns: col[(i·kh + ky)·kw + kx][oy·ow + ox] =
// padded[i][oy + ky][ox + kx]. So the matrix products can read B[row][position]
// at padded + rowOffset(row) + positionOffset(position), with
//
//     rowOffset(i, ky, kx)  = (i·hp + ky)·wp + kx
//     positionOffset(oy, ox) = oy·wp + ox
//
// Eight positions starting at a multiple of 8 stay on one output row when ow is a
// multiple of 8, so they are eight contiguous floats: one vector load. The copy
// im2col made (c·kh·kw floats per output position) shrinks to the padded image
// (about c floats per position), which stays in L1 for the tiny network's maps.
//
// The input gradient of a stride-1 convolution is itself one (dout, padded by
// kh − 1 − padH and kw − 1 − padW, against the kernel turned by 180° with its
// input and output channels swapped), so it reads dout in place the same way and
// col2im is not needed either.

/// The windows of a stride-1 convolution over `planes` planes of h × w with the
/// given padding: the padded image's shape and the offsets of `ImplicitColumns`.
struct StrideOneWindows {
    let planes: Int, h: Int, w: Int
    let kh: Int, kw: Int, padH: Int, padW: Int

    var paddedHeight: Int { h + 2 * padH }
    var paddedWidth: Int { w + 2 * padW }
    var oh: Int { paddedHeight - kh + 1 }
    var ow: Int { paddedWidth - kw + 1 }
    /// Floats of one padded image (planes, hp, wp).
    var paddedSize: Int { planes * paddedHeight * paddedWidth }

    /// Whether the products can read these windows in place: every vector of eight
    /// output positions must lie on one output row.
    var readableInPlace: Bool { ow % 8 == 0 && oh > 0 }

    /// rowOffset(i, ky, kx) for every row of the im2col matrix, in its order.
    func rowOffsets() -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(planes * kh * kw)
        for i in 0..<planes {
            for ky in 0..<kh {
                for kx in 0..<kw { offsets.append((i * paddedHeight + ky) * paddedWidth + kx) }
            }
        }
        return offsets
    }

    /// positionOffset of every eighth output position (the first of each vector).
    func vectorOffsets() -> [Int] {
        stride(from: 0, to: oh * ow, by: 8).map { $0 / ow * paddedWidth + $0 % ow }
    }

    /// Copies the image (planes, h, w) into the middle of `padded` (planes, hp, wp),
    /// whose border must already be zero (it is never written, so one zeroing
    /// serves every image padded into the same buffer).
    /// (Pointer steps: rows are one or two vectors, and checked index products per
    /// row had cost as much as the copy.)
    func pad(_ image: UnsafePointer<Float>, into padded: UnsafeMutablePointer<Float>) {
        var (from, to) = (image, padded + padH * paddedWidth + padW)
        for _ in 0..<planes {
            for _ in 0..<h {
                copyFloats(to, from, w)
                (from, to) = (from + w, to + paddedWidth)
            }
            to += 2 * padH * paddedWidth
        }
    }
}

/// The im2col matrix (planes·kh·kw, oh·ow) of one or more padded images, read in
/// place: the right operand of `gemm` (one image) and of `gemmTransposedB` (the
/// images as segments `segmentStride` floats apart).
struct ImplicitColumns: GemmColumns, SegmentedOperand {
    let base: UnsafePointer<Float>
    let rowOffsets: UnsafePointer<Int>
    let vectorOffsets: UnsafePointer<Int>
    var segmentStride = 0

    @inline(__always) func row(_ kk: Int) -> UnsafePointer<Float> { base + rowOffsets[kk] }
    @inline(__always) func column(_ j: Int) -> Int { vectorOffsets[j &>> 3] + (j & 7) }
    @inline(__always) func row(_ i: Int, segment s: Int) -> UnsafePointer<Float> {
        base + s * segmentStride + rowOffsets[i]
    }
    @inline(__always) func position(_ t: Int) -> Int { column(t) }
}

extension StrideOneWindows {
    /// Calls body with the in-place columns of `images` padded images stored one
    /// after another in a zeroed workspace; body pads them (`pad`) before reading.
    func withColumns<R>(images: Int, _ body: (UnsafeMutablePointer<Float>, ImplicitColumns) -> R) -> R {
        let padded = UnsafeMutablePointer<Float>.allocate(capacity: images * paddedSize)
        padded.initialize(repeating: 0, count: images * paddedSize)
        defer { padded.deallocate() }
        return rowOffsets().withUnsafeBufferPointer { rows in
            vectorOffsets().withUnsafeBufferPointer { vectors in
                body(padded, ImplicitColumns(base: padded, rowOffsets: rows.baseAddress!,
                                             vectorOffsets: vectors.baseAddress!, segmentStride: paddedSize))
            }
        }
    }
}
