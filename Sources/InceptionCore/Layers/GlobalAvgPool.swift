// Global average pooling, forward and backward: inp (n, c, h, w), out (n, c).

/// out[b, c] = the mean of the h*w values of plane (b, c).
public func globalAvgPoolForward(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, planes: Int, hw: Int) {
    for p in 0..<planes {
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
