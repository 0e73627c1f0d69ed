/// The gradient reaching a ReLU's input, as a new array shaped like its output
/// `out` (n, c, positions): dout where the unit was active (out > 0), 0 elsewhere.
/// dout is read where it lies (`ImageRuns`: a branch's slice of a module's
/// gradient needs no split copy first).
///
/// The same values as `reluBackward` adding into a zeroed buffer (0 + d is d), in
/// one vectorised pass: no zero-fill first, and a select instead of a branch per
/// element. Unless nil, `bias` receives the bias gradient of the convolution under
/// the ReLU: each row of `positions` values, row r belonging to channel r mod
/// `channels`, is summed as `sumFloats` sums it and added in row order, the same
/// additions `conv2dBackward` would make from the array, made while the values are
/// in registers instead of in a second pass.
func reluGradient(dout: ImageRuns, out: UnsafePointer<Float>, positions: Int,
                  bias: (sums: UnsafeMutablePointer<Float>, channels: Int)?) -> [Float] {
    let count = dout.images * dout.length
    precondition(dout.length % positions == 0, "runs of \(dout.length) are not rows of \(positions)")
    return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
        let d = buffer.baseAddress!
        var row = 0
        for image in 0..<dout.images {
            let src = dout.base + image * dout.stride
            for start in stride(from: 0, to: dout.length, by: positions) {
                let at = image * dout.length + start
                let sum = reluGradientRow(d + at, dout: src + start, out: out + at, positions)
                if let bias { bias.sums[row % bias.channels] += sum }
                row += 1
            }
        }
        initialized = count
    }
}

/// d[i] = dout[i] where out[i] > 0, else 0, for `count` values; returns their sum
/// in `sumFloats`' order (eight partial sums, then the tail).
@inline(__always)
private func reluGradientRow(_ d: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>,
                             out: UnsafePointer<Float>, _ count: Int) -> Float {
    var partial = SIMD8<Float>()
    var i = 0
    while i + 8 <= count {
        let v = SIMD8<Float>().replacing(with: SIMD8.load(dout + i), where: SIMD8.load(out + i) .> 0)
        SIMD8.store(v, d + i)
        partial += v
        i += 8
    }
    var sum = partial.sum()
    while i < count {
        d[i] = out[i] > 0 ? dout[i] : 0
        sum += d[i]
        i += 1
    }
    return sum
}
