// The training loss and its gradient with respect to the logits: mean
// cross-entropy over the batch, logits (n, k) and labels (n).

extension InceptionNetwork {
    /// The training loss of a forward pass: CE(main) + auxWeight x CE(each auxiliary head).
    public func loss(_ pass: ForwardPass, labels: [Int32], auxWeight: Float) -> Float {
        let ce = { (logits: Tensor) in
            crossEntropyForward(logits: logits.data, labels: labels, n: logits.shape[0], k: logits.shape[1])
        }
        return pass.auxLogits.reduce(ce(pass.logits)) { $0 + auxWeight * ce($1) }
    }
}

/// scale * d(mean cross-entropy)/d(logits) for logits (n, k); the main head's
/// scale is 1, an auxiliary head's its weight in the loss.
func logitsGradient(_ logits: Tensor, labels: [Int32], scale: Float) -> [Float] {
    let (n, k) = (logits.shape[0], logits.shape[1])
    var probs = [Float](repeating: 0, count: logits.count)
    softmaxForward(probs: &probs, logits: logits.data, n: n, k: k)
    var d = [Float](repeating: 0, count: logits.count)
    crossEntropyBackward(dlogits: &d, probs: probs, labels: labels, n: n, k: k, scale: scale)
    return d
}
