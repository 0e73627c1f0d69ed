// im2col turns one image's convolution into a matrix product:
//
//     col (c·kh·kw, oh·ow):  col[(i·kh + ky)·kw + kx][oy·ow + ox] = inp[i][oy·s + ky − pad][ox·s + kx − pad]
//
// (zero where that falls in the padding), so out (oc, oh·ow) = W (oc, c·kh·kw) · col,
// the weights OIHW read as a matrix as they are. col2im is its transpose: it adds
// each entry of a col-shaped gradient back onto the input position it was read from.
//
// Both walk the same runs: for one row (i, ky, kx) and one output row oy, the valid
// output columns form one interval [x0, x1) (computed once per row), and with stride
// 1 the input positions they read are contiguous, so each run is one bulk copy.

/// The output columns ox whose input column ox·stride + kx − pad lies inside [0, w).
@inline(__always)
private func validColumns(kx: Int, _ g: ConvGeometry) -> Range<Int> {
    let shift = g.pad - kx  // input x = ox·stride − shift
    // The kernel column can lie wholly right of the input (kx − pad ≥ w) in tiny images.
    guard g.w - 1 + shift >= 0 else { return 0..<0 }
    let first = shift > 0 ? (shift + g.stride - 1) / g.stride : 0
    let last = (g.w - 1 + shift) / g.stride
    return first..<max(first, min(g.ow, last + 1))
}

/// col (c·kh·kw, oh·ow) from inp (c, h, w), one image.
func im2col(col: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, _ g: ConvGeometry) {
    let (oh, ow) = (g.oh, g.ow)
    for i in 0..<g.c {
        let plane = inp + i * g.h * g.w
        for ky in 0..<g.kh {
            for kx in 0..<g.kw {
                let row = col + ((i * g.kh + ky) * g.kw + kx) * oh * ow
                let xs = validColumns(kx: kx, g)
                for oy in 0..<oh {
                    let dst = row + oy * ow
                    let y = oy * g.stride + ky - g.pad
                    guard y >= 0 && y < g.h, !xs.isEmpty else {
                        dst.update(repeating: 0, count: ow)
                        continue
                    }
                    dst.update(repeating: 0, count: xs.lowerBound)
                    let src = plane + y * g.w + kx - g.pad
                    if g.stride == 1 {
                        (dst + xs.lowerBound).update(from: src + xs.lowerBound, count: xs.count)
                    } else {
                        for ox in xs { dst[ox] = src[ox * g.stride] }
                    }
                    (dst + xs.upperBound).update(repeating: 0, count: ow - xs.upperBound)
                }
            }
        }
    }
}

/// dinp (c, h, w) += the col-shaped gradient dcol (c·kh·kw, oh·ow) folded back, one image.
func col2imAdding(dinp: UnsafeMutablePointer<Float>, dcol: UnsafePointer<Float>, _ g: ConvGeometry) {
    let (oh, ow) = (g.oh, g.ow)
    for i in 0..<g.c {
        let plane = dinp + i * g.h * g.w
        for ky in 0..<g.kh {
            for kx in 0..<g.kw {
                let row = dcol + ((i * g.kh + ky) * g.kw + kx) * oh * ow
                let xs = validColumns(kx: kx, g)
                for oy in 0..<oh {
                    let y = oy * g.stride + ky - g.pad
                    guard y >= 0 && y < g.h else { continue }
                    let src = row + oy * ow
                    let dst = plane + y * g.w + kx - g.pad
                    if g.stride == 1 {
                        for ox in xs { dst[ox] += src[ox] }
                    } else {
                        for ox in xs { dst[ox * g.stride] += src[ox] }
                    }
                }
            }
        }
    }
}
