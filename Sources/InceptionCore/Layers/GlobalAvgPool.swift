// Global average pooling, forward and backward: inp (n, c, h, w), out (n, c).

/// out[b, c] = the mean of the h*w values of plane (b, c), each sum taken in order.
/// Four planes are summed side by side: one plane's additions wait on each other,
/// four independent ones overlap.
public func globalAvgPoolForward(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, planes: Int, hw: Int) {
    var p = 0
    while p + 4 <= planes {
        let plane = inp + p * hw
        var sums = SIMD4<Float>()
        for i in 0..<hw { sums += SIMD4(plane[i], plane[hw + i], plane[2 * hw + i], plane[3 * hw + i]) }
        let means = sums / Float(hw)
        (out[p], out[p + 1], out[p + 2], out[p + 3]) = (means[0], means[1], means[2], means[3])
        p += 4
    }
    for p in p..<planes {
        let plane = inp + p * hw
        var sum: Float = 0
        for i in 0..<hw {
            sum += plane[i]
        }
        out[p] = sum / Float(hw)
    }
}

/// Adds dout[b, c] / (h*w) into every position of plane (b, c) of dinp.
public func globalAvgPoolBackward(dinp: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>, planes: Int, hw: Int) {
    for p in 0..<planes {
        let d = dout[p] / Float(hw)
        let plane = dinp + p * hw
        for i in 0..<hw {
            plane[i] += d
        }
    }
}
