extension Tensor {
    /// The softmax of each row of logits (n, k): class probabilities.
    public func softmaxRows() -> Tensor {
        var probs = Tensor(shape: shape)
        softmaxForward(probs: &probs.data, logits: data, n: shape[0], k: count / shape[0])
        return probs
    }

    /// The index of the largest value in each row of (n, k); the first on ties.
    public func argmaxRows() -> [Int] {
        let k = count / shape[0]
        return (0..<shape[0]).map { b in
            var best = 0
            for j in 1..<k where data[b * k + j] > data[b * k + best] { best = j }
            return best
        }
    }
}
