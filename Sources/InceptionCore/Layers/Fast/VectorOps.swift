// Loops over short float vectors, eight lanes at a time, shared by the fast
// kernels (im2col's row copies, col2im's and pooling's row adds, the weight
// gradient's dot products).

/// dst[0..<count] = src[0..<count], eight at a time: the runs are 8 to 32 floats,
/// too short for a memcpy call to pay.
@inline(__always)
func copyFloats(_ dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, _ count: Int) {
    var x = 0
    while x + 8 <= count {
        SIMD8.store(SIMD8.load(src + x), dst + x)
        x += 8
    }
    while x < count {
        dst[x] = src[x]
        x += 1
    }
}

/// dst[0..<count] += src[0..<count], eight at a time.
@inline(__always)
func addFloats(_ dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, _ count: Int) {
    var x = 0
    while x + 8 <= count {
        SIMD8.store(SIMD8.load(dst + x) + SIMD8.load(src + x), dst + x)
        x += 8
    }
    while x < count {
        dst[x] += src[x]
        x += 1
    }
}

/// x[0]·y[0] + ... + x[count − 1]·y[count − 1], in eight interleaved partial sums
/// (as `sumFloats`, which says why).
func dotFloats(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ count: Int) -> Float {
    var partial = SIMD8<Float>()
    var t = 0
    while t + 8 <= count {
        partial.addProduct(SIMD8.load(x + t), SIMD8.load(y + t))
        t += 8
    }
    var sum = partial.sum()
    while t < count {
        sum += x[t] * y[t]
        t += 1
    }
    return sum
}

/// src[0] + ... + src[count − 1], in eight interleaved partial sums (a plain loop
/// of Float additions cannot be vectorised: it would change the rounding).
func sumFloats(_ src: UnsafePointer<Float>, _ count: Int) -> Float {
    var partial = SIMD8<Float>()
    var x = 0
    while x + 8 <= count {
        partial += SIMD8.load(src + x)
        x += 8
    }
    var sum = partial.sum()
    while x < count {
        sum += src[x]
        x += 1
    }
    return sum
}
