// Rectified linear unit, forward and backward. Shapes do not matter: any
// contiguous tensor of `count` elements.

/// out[i] = max(inp[i], 0). `out` may be the same buffer as `inp` (in place).
public func reluForward(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, count: Int) {
    for i in 0..<count {
        out[i] = max(inp[i], 0)
    }
}

/// Adds dout into dinp where the unit was active. It reads the forward *output*
/// (positive exactly where the input was), so the input need not be kept.
public func reluBackward(dinp: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>,
                         out: UnsafePointer<Float>, count: Int) {
    for i in 0..<count where out[i] > 0 {
        dinp[i] += dout[i]
    }
}
