// Fully connected layer, forward and backward, with PyTorch's weight layout:
// inp (n, i), weight (o, i), bias (o), out (n, o) = inp · weight^T + bias.

/// out (n, o) = inp (n, i) · weight (o, i)^T + bias (o). Each output is a dot
/// product of two contiguous rows (`dotFloats`: eight lanes, so it vectorises).
public func linearForward(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>,
                          weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?, n: Int, i: Int, o: Int) {
    for b in 0..<n {
        let row = inp + b * i
        for k in 0..<o {
            out[b * o + k] = (bias?[k] ?? 0) + dotFloats(row, weight + k * i, i)
        }
    }
}

/// Given dout (n, o), adds dinp (n, i) += dout · weight, dweight (o, i) += dout^T · inp
/// and dbias (o) += the column sums of dout. Pass nil for dinp to skip it.
public func linearBackward(dinp: UnsafeMutablePointer<Float>?, dweight: UnsafeMutablePointer<Float>,
                           dbias: UnsafeMutablePointer<Float>?, dout: UnsafePointer<Float>,
                           inp: UnsafePointer<Float>, weight: UnsafePointer<Float>, n: Int, i: Int, o: Int) {
    for b in 0..<n {
        let row = inp + b * i
        for k in 0..<o {
            let d = dout[b * o + k]
            dbias?[k] += d
            let wrow = weight + k * i
            let dwrow = dweight + k * i
            for j in 0..<i {
                dwrow[j] += d * row[j]
            }
            if let dinp {
                let drow = dinp + b * i
                for j in 0..<i {
                    drow[j] += d * wrow[j]
                }
            }
        }
    }
}
