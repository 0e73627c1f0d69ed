import Testing
@testable import InceptionCore

/// Central finite differences in Float32, with tolerances Float32 honestly allows:
/// the loss is accumulated in Double, the step is large enough (1e-2 for single
/// layers, 1e-3 for whole networks) that rounding in the forward pass moves the
/// quotient by well under the tolerance, and inputs are chosen away from kinks
/// (ReLU at 0, max-pool ties) where a step would cross them. In a whole network
/// some kinks cannot be avoided (a ReLU output of 0 ties in the pool branch's max),
/// so a coordinate where the forward and backward difference quotients disagree
/// (the loss has a kink within the step) is skipped; callers bound how many may be
/// (none for single layers, whose inputs avoid kinks).
enum GradientCheck {
    /// Seeded normal values times `scale`.
    static func random(_ count: Int, seed: UInt64, scale: Float = 1) -> [Float] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in rng.nextNormal() * scale }
    }

    /// Σ out · r in Double: a scalar loss whose gradient with respect to out is r.
    static func project(_ out: [Float], _ r: [Float]) -> Double {
        zip(out, r).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// Compares `analytic` with central differences of `loss` at up to `samples`
    /// coordinates of x spread over the whole array. The absolute tolerance is
    /// `atol` plus `scaleTolerance` times the tensor's largest gradient, so that a
    /// near-zero entry of a tensor with large gradients is judged on that tensor's scale.
    @discardableResult
    static func expectMatches(_ analytic: [Float], at x: [Float], eps: Float = 1e-2, samples: Int = 24,
                              atol: Double = 1e-3, rtol: Double = 2e-2, scaleTolerance: Double = 0, _ label: String,
                              maxSkipped: Int = 0, loss: ([Float]) -> Double) -> (checked: Int, skipped: Int) {
        #expect(analytic.count == x.count, "\(label): gradient size")
        let floor = atol + scaleTolerance * Double(analytic.map(abs).max() ?? 0)
        let close = { (a: Double, b: Double) in abs(a - b) <= floor + rtol * max(abs(a), abs(b)) }
        let step = max(1, x.count / samples)
        var (checked, skipped) = (0, 0)
        for i in stride(from: 0, to: x.count, by: step) {
            var plus = x, minus = x
            plus[i] += eps
            minus[i] -= eps
            let (lo, mid, hi) = (loss(minus), loss(x), loss(plus))
            // The steps actually taken in Float32, not the nominal eps.
            let (h1, h2) = (Double(x[i]) - Double(minus[i]), Double(plus[i]) - Double(x[i]))
            guard close((mid - lo) / h1, (hi - mid) / h2) else {
                skipped += 1
                continue
            }
            checked += 1
            let numeric = (hi - lo) / (h1 + h2)
            let a = Double(analytic[i])
            #expect(close(a, numeric), "\(label)[\(i)]: analytic \(a), numeric \(numeric)")
        }
        #expect(skipped <= maxSkipped, "\(label): \(skipped) of \(checked + skipped) coordinates not smooth")
        return (checked, skipped)
    }
}
