import Foundation

// Softmax and the cross-entropy loss over a batch: logits (n, k), labels (n),
// probs (n, k). The loss is the mean over the batch, as PyTorch's default.

/// The largest of row[0..<k]: subtracted before exp so that exp never overflows.
@inline(__always)
private func rowMaximum(_ row: UnsafePointer<Float>, _ k: Int) -> Float {
    var m = -Float.infinity
    for j in 0..<k {
        m = max(m, row[j])
    }
    return m
}

/// probs (n, k) = softmax of each row of logits, shifted by the row maximum so
/// that exp never overflows.
public func softmaxForward(probs: UnsafeMutablePointer<Float>, logits: UnsafePointer<Float>, n: Int, k: Int) {
    for b in 0..<n {
        let row = logits + b * k
        let prow = probs + b * k
        let maxv = rowMaximum(row, k)
        var sum: Float = 0
        for j in 0..<k {
            prow[j] = expf(row[j] - maxv)
            sum += prow[j]
        }
        for j in 0..<k {
            prow[j] /= sum
        }
    }
}

/// The mean over the batch of -log p[label], computed from the logits as
/// logsumexp - logit[label] (stable even where p underflows to 0).
public func crossEntropyForward(logits: UnsafePointer<Float>, labels: UnsafePointer<Int32>, n: Int, k: Int) -> Float {
    var total: Double = 0
    for b in 0..<n {
        let row = logits + b * k
        let maxv = rowMaximum(row, k)
        var sum: Double = 0
        for j in 0..<k {
            sum += Double(expf(row[j] - maxv))
        }
        total += log(sum) + Double(maxv - row[Int(labels[b])])
    }
    return Float(total / Double(n))
}

/// Adds scale * d(mean loss)/d(logits) = scale * (probs - onehot(label)) / n into dlogits.
/// `scale` is the loss weight (1 for the main head, 0.3 for an auxiliary one).
public func crossEntropyBackward(dlogits: UnsafeMutablePointer<Float>, probs: UnsafePointer<Float>,
                                 labels: UnsafePointer<Int32>, n: Int, k: Int, scale: Float) {
    let s = scale / Float(n)
    for b in 0..<n {
        for j in 0..<k {
            let target: Float = j == Int(labels[b]) ? 1 : 0
            dlogits[b * k + j] += s * (probs[b * k + j] - target)
        }
    }
}
