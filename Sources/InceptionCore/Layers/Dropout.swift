// Inverted dropout, training only: each element survives with probability
// 1 - rate and is then scaled by 1 / (1 - rate), so evaluation is the identity.

/// Draws the mask (0 or 1 / (1 - rate) per element) from `rng` and writes
/// out = inp * mask. `out` may be `inp`.
public func dropoutForward(out: UnsafeMutablePointer<Float>, mask: UnsafeMutablePointer<Float>,
                           inp: UnsafePointer<Float>, count: Int, rate: Float, rng: inout SeededGenerator) {
    let keep = 1 / (1 - rate)
    for i in 0..<count {
        mask[i] = rng.nextUnit() < rate ? 0 : keep
        out[i] = inp[i] * mask[i]
    }
}

/// dinp += dout * mask.
public func dropoutBackward(dinp: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>,
                            mask: UnsafePointer<Float>, count: Int) {
    for i in 0..<count {
        dinp[i] += dout[i] * mask[i]
    }
}
