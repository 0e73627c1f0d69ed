/// The gradient reaching a ReLU's input, as a new array of `count` values: dout
/// where the unit was active (its output `out` > 0), 0 elsewhere.
///
/// The same values as `reluBackward` adding into a zeroed buffer (0 + d is d), in
/// one vectorised pass: no zero-fill first, and a select instead of a branch per
/// element. The engine uses it where that gradient starts a fresh buffer.
func reluGradient(dout: UnsafePointer<Float>, out: UnsafePointer<Float>, count: Int) -> [Float] {
    [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
        let d = buffer.baseAddress!
        var i = 0
        while i + 8 <= count {
            let active = SIMD8.load(out + i) .> 0
            SIMD8.store(SIMD8<Float>().replacing(with: SIMD8.load(dout + i), where: active), d + i)
            i += 8
        }
        while i < count {
            d[i] = out[i] > 0 ? dout[i] : 0
            i += 1
        }
        initialized = count
    }
}
