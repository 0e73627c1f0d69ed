// Fully connected layer, forward and backward, with PyTorch's weight layout:
// inp (n, i), weight (o, i), bias (o), out (n, o) = inp · weight^T + bias.

/// out (n, o) = inp (n, i) · weight (o, i)^T + bias (o). Each output is a dot
/// product of two contiguous rows in eight interleaved partial sums, as `dotFloats`
/// takes them; four outputs run side by side, so that four independent chains of
/// additions share each load of the input row (one chain waits on its own adds).
public func linearForward(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>,
                          weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?, n: Int, i: Int, o: Int) {
    for b in 0..<n {
        let row = inp + b * i
        var k = 0
        if i % 8 == 0 {
            while k + 4 <= o {
                let (w0, w1, w2, w3) = (weight + k * i, weight + (k + 1) * i, weight + (k + 2) * i, weight + (k + 3) * i)
                var (s0, s1, s2, s3) = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>())
                var t = 0
                while t < i {
                    let x = SIMD8.load(row + t)
                    s0.addProduct(x, SIMD8.load(w0 + t))
                    s1.addProduct(x, SIMD8.load(w1 + t))
                    s2.addProduct(x, SIMD8.load(w2 + t))
                    s3.addProduct(x, SIMD8.load(w3 + t))
                    t += 8
                }
                let at = out + b * o + k
                (at[0], at[1]) = ((bias?[k] ?? 0) + s0.sum(), (bias?[k + 1] ?? 0) + s1.sum())
                (at[2], at[3]) = ((bias?[k + 2] ?? 0) + s2.sum(), (bias?[k + 3] ?? 0) + s3.sum())
                k += 4
            }
        }
        for k in k..<o {
            out[b * o + k] = (bias?[k] ?? 0) + dotFloats(row, weight + k * i, i)
        }
    }
}

/// Given dout (n, o), adds dinp (n, i) += dout · weight, dweight (o, i) += dout^T · inp
/// and dbias (o) += the column sums of dout. Pass nil for dinp to skip it. Each
/// element's additions come in the order of a loop over b then k (dweight and
/// dbias: b ascending; dinp: k ascending).
public func linearBackward(dinp: UnsafeMutablePointer<Float>?, dweight: UnsafeMutablePointer<Float>,
                           dbias: UnsafeMutablePointer<Float>?, dout: UnsafePointer<Float>,
                           inp: UnsafePointer<Float>, weight: UnsafePointer<Float>, n: Int, i: Int, o: Int) {
    if let dbias {
        for b in 0..<n {
            for k in 0..<o { dbias[k] += dout[b * o + k] }
        }
    }
    for k in 0..<o {
        addScaledRows(dweight + k * i, count: i, terms: n, coefficients: dout + k, coefficientStride: o, rows: inp)
    }
    guard let dinp else { return }
    for b in 0..<n {
        addScaledRows(dinp + b * i, count: i, terms: o, coefficients: dout + b * o, coefficientStride: 1, rows: weight)
    }
}

/// dst[j] += coefficients[t · coefficientStride] · rows[t · count + j] for t = 0, 1, ...,
/// terms − 1 in turn, each product rounded before it is added (as a scalar loop
/// does). Four vectors of dst are summed at once in registers: four independent
/// chains of additions, and one load and one store of dst per element.
@inline(__always)
private func addScaledRows(_ dst: UnsafeMutablePointer<Float>, count: Int, terms: Int,
                           coefficients: UnsafePointer<Float>, coefficientStride: Int, rows: UnsafePointer<Float>) {
    typealias V = SIMD8<Float>
    var j = 0
    while j + 32 <= count {
        var (s0, s1, s2, s3) = (V.load(dst + j), V.load(dst + j + 8), V.load(dst + j + 16), V.load(dst + j + 24))
        for t in 0..<terms {
            let (d, row) = (V(repeating: coefficients[t * coefficientStride]), rows + t * count + j)
            s0 += d * V.load(row)
            s1 += d * V.load(row + 8)
            s2 += d * V.load(row + 16)
            s3 += d * V.load(row + 24)
        }
        V.store(s0, dst + j)
        V.store(s1, dst + j + 8)
        V.store(s2, dst + j + 16)
        V.store(s3, dst + j + 24)
        j += 32
    }
    for j in j..<count {
        var sum = dst[j]
        for t in 0..<terms { sum += coefficients[t * coefficientStride] * rows[t * count + j] }
        dst[j] = sum
    }
}
