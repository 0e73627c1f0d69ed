// An auxiliary head ("Going deeper", §5), forward and backward, in training passes
// only: x (n, c, h, w), the output of the module it follows -> average pool ->
// 1x1 conv + ReLU -> flatten -> fc1 + ReLU -> dropout -> fc2 -> logits (n, classes).

extension ParameterLayout.Aux {
    /// The head on x (n, c, h, w); `rng` draws its dropout mask.
    func forward(_ x: Tensor, rng: inout SeededGenerator, _ P: UnsafePointer<Float>) -> AuxTrace {
        // The head's `pool` and `dropout` name its settings, so the functions are qualified.
        let pooled = InceptionCore.pool(x, pool, max: false)
        let conv = self.conv.forward(pooled, P)
        let hidden = fc1.forward(flattened(conv), relu: true, P)
        let (dropped, mask) = InceptionCore.dropout(hidden, rate: dropout, rng: &rng)
        let logits = fc2.forward(dropped, relu: false, P)
        return AuxTrace(pooled: pooled, conv: conv, hidden: hidden, mask: mask, dropped: dropped, logits: logits)
    }

    /// Backward through the head, whose loss counts `scale` times; adds into its
    /// parameter gradients and into dinp, the gradient of its input (shaped like
    /// `input`), where the main network's gradient already is.
    func backward(_ t: AuxTrace, input: Tensor, labels: [Int32], scale: Float, dinp: UnsafeMutablePointer<Float>,
                  _ P: UnsafePointer<Float>, _ G: UnsafeMutablePointer<Float>) {
        let dlogits = logitsGradient(t.logits, labels: labels, scale: scale)
        var ddropped = [Float](repeating: 0, count: t.dropped.count)
        fc2.backward(dout: dlogits, inp: t.dropped, out: t.logits, relu: false, dinp: &ddropped, P, G)
        var dhidden = [Float](repeating: 0, count: t.hidden.count)
        dropoutBackward(dinp: &dhidden, dout: ddropped, mask: t.mask.data, count: ddropped.count)
        var dconv = [Float](repeating: 0, count: t.conv.count)
        fc1.backward(dout: dhidden, inp: flattened(t.conv), out: t.hidden, relu: true, dinp: &dconv, P, G)
        var dpooled = [Float](repeating: 0, count: t.pooled.count)
        conv.backward(dout: dconv, inp: t.pooled, out: t.conv, dinp: &dpooled, P, G)
        poolBackward(dout: dpooled, x: input, out: t.pooled, pool, max: false, dinp: dinp)
    }
}
